"""One side of ``bench_check_before``: times read + extract and ``check`` in its own interpreter.

Run as a script by whatever interpreter has the ``capuy`` to measure on its path — this
worktree's venv, or the venv of an older commit checked out elsewhere — so it uses the standard
library only and no other module of ``benchmarks``. Arguments: the seeds folder, the number of
rounds per measurement, and the model: ``none`` (a commit from before the language model),
``shipped`` (the default model, which has read the seeds) or ``unseen`` (a model built without
the seeds, as a new report meets it). It prints ``ready <bytes per round> <findings>``, then
answers each ``extract`` or ``check`` line on stdin with the CPU seconds (``process_time``)
of that many rounds; ``quit`` ends it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any


def _unseen_model() -> Any:
    """The model built from the project's texts and the word list, without the seeds."""
    from capuy.check import language_model as lm
    from capuy.vocab.spelling import hunspell_syllables

    counts = lm.build_counts([t for _, t in lm.project_texts(None)])
    bigrams, syllables = lm.read_word_list()
    model = lm.using_model(lm.LanguageModel(counts, bigrams, hunspell_syllables() | syllables))
    model.__enter__()
    return model


def main() -> None:
    seeds, rounds, model = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    from capuy.check import check
    from capuy.check.units import tone_normalised
    from capuy.extract import extract
    from capuy.read import read_text

    if model == "unseen":
        held = _unseen_model()  # kept: a context manager collected would pop the model
    elif model == "shipped":
        from capuy.check.language_model import default_model

        default_model()
    texts = [p.read_text("utf-8") for p in sorted(seeds.glob("*.txt"))]
    extracted = [extract(read_text(t, source=f"seed{i}")) for i, t in enumerate(texts)]
    findings = check(extracted)  # warm caches: vocabularies, word lists, compiled patterns
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"ready {size} {len(findings)}", flush=True)
    for line in sys.stdin:
        what = line.strip()
        if what == "quit":
            break
        start = time.process_time()
        for _ in range(rounds):
            if what == "extract":
                for i, text in enumerate(texts):
                    extract(read_text(text, source=f"seed{i}"))
            else:  # as bench_check: real reports do not repeat their paragraphs
                tone_normalised.cache_clear()
                check(extracted)
        print(f"{time.process_time() - start:.6f}", flush=True)
    if model == "unseen":
        held.__exit__(None, None, None)


if __name__ == "__main__":
    main()
