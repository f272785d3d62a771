"""The seed demo: extract (and check) every seed report and print a summary.

It was ``capuy demo`` until the web app took that name; the web engineer's ``capuy seeds``
command now calls ``run_demo``. The seeds are found like ``tests/conftest.py`` does:
``CAPUY_SEEDS``, then ``../shared/seeds`` beside the repository.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from capuy.errors import InputError
from capuy.extract import extract_file
from capuy.extract.report import outline_tree
from capuy.model import Section


def find_seeds_dir() -> Path:
    repo = Path(__file__).resolve().parents[2]
    for candidate in (os.environ.get("CAPUY_SEEDS", ""), str(repo.parent / "shared" / "seeds")):
        if candidate and Path(candidate).is_dir() and any(Path(candidate).glob("*.txt")):
            return Path(candidate)
    raise InputError(
        "Không tìm thấy thư mục báo cáo mẫu (đặt CAPUY_SEEDS hoặc ../shared/seeds)",
        "seed reports not found: set CAPUY_SEEDS or put them in ../shared/seeds",
    )


def run_demo(console: Console, seeds_dir: Path | None = None) -> None:
    """Extract and check each seed; print one outline per seed and a summary table."""
    seeds_dir = seeds_dir or find_seeds_dir()
    paths = sorted(seeds_dir.glob("*.txt"))
    try:
        from capuy.check import check
    except ImportError:  # the checker is another part; the demo runs without it
        check = None  # type: ignore[assignment]
    summary = Table(title=f"capuy demo — {len(paths):02d} báo cáo mẫu / seed reports ({seeds_dir})")
    for column in (
        "Tệp",
        "Loại",
        "Số",
        "Ngày",
        "Mục",
        "Chú thích",
        "Viện dẫn",
        "Số liệu",
        "Phát hiện",
    ):
        summary.add_column(column)
    for path in paths:
        doc = extract_file(path)
        console.print(outline_tree(doc))
        findings = "—"
        if check is not None:
            found = check([doc])
            by_category = Counter(f.category for f in found)
            findings = f"{len(found):02d} " + ", ".join(
                f"{k} {v}" for k, v in sorted(by_category.items())
            )
        summary.add_row(
            path.name,
            doc.header.kind or "—",
            doc.header.symbol or "—",
            doc.header.date.strftime("%d/%m/%Y") if doc.header.date else "—",
            str(_count_sections(doc.sections)),
            str(len(doc.footnotes)),
            str(len(doc.citations)),
            str(len(doc.quantities)),
            findings,
        )
    console.print(summary)


def _count_sections(sections: list[Section]) -> int:
    return sum(1 + _count_sections(s.children) for s in sections)
