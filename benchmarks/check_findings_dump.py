"""Every finding of the four seeds, printed one per line, to compare two revisions of the checker.

Speed work on the checker must not change a finding. This prints the findings of the seeds
checked together and each alone, with the shipped model (which has read the seeds) and with a
model built without them (so ``spelling.context`` judges every syllable, as on a new report).
Run it with each revision's ``capuy`` first on the path and compare the outputs::

    PYTHONPATH=/path/to/main .venv/bin/python benchmarks/check_findings_dump.py > main.txt
    .venv/bin/python benchmarks/check_findings_dump.py > branch.txt
    cmp main.txt branch.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from check_worker import _unseen_model  # noqa: E402


def _dump(label: str, findings: list) -> None:
    for finding in findings:
        print(label, repr(finding), sep="\t")  # every field of the dataclass


def main() -> None:
    from capuy.api import find_seeds_dir
    from capuy.check import check
    from capuy.extract import extract
    from capuy.read import read_text

    paths = sorted(find_seeds_dir().glob("*.txt"))
    docs = [extract(read_text(p.read_text("utf-8"), source=p.name)) for p in paths]
    for model in ("shipped", "unseen"):
        held = _unseen_model() if model == "unseen" else None
        _dump(f"{model}/together", check(docs))
        for doc in docs:
            _dump(f"{model}/alone", check([doc]))
        if held is not None:
            held.__exit__(None, None, None)


if __name__ == "__main__":
    main()
