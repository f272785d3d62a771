"""``capuy seeds``: extract (and check) every seed report and print a summary.

It was ``capuy.extract.demo`` (the extractor running the checker: a cycle); it sits above the
stages and goes through ``capuy.api``, which also says where the seeds are.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.text import Text

from capuy.api import check_documents, extract_file, find_seeds_dir
from capuy.extract.report import outline_tree
from capuy.model import Section


def run_demo(console: Console, seeds_dir: Path | None = None) -> None:
    """Extract and check each seed; print one outline per seed and a summary table."""
    seeds_dir = seeds_dir or find_seeds_dir()
    paths = sorted(seeds_dir.glob("*.txt"))
    rows: list[Text] = []
    for path in paths:
        doc = extract_file(path)
        console.print(outline_tree(doc))
        by_severity = Counter(f.severity for f in check_documents([doc]))
        row = Text(f"{path.name}  ", style="bold")
        date = doc.header.date.strftime("%d/%m/%Y") if doc.header.date else "chưa ghi ngày"
        row.append(f"{doc.header.kind or '—'} {doc.header.symbol or '—'}, {date}: ")
        row.append(
            f"{_count_sections(doc.sections)} mục, {len(doc.footnotes)} chú thích, "
            f"{len(doc.citations)} viện dẫn, {len(doc.quantities)} số liệu; "
        )
        row.append(f"{by_severity['error']} lỗi", style="bold red")
        row.append(f", {by_severity['warning']} cảnh báo, {by_severity['info']} ghi chú")
        rows.append(row)
    # One line per report rather than a table: eleven columns do not fit an 80-column terminal.
    console.print(Text(f"capuy — {len(paths):02d} báo cáo mẫu / seed reports ({seeds_dir})"))
    for row in rows:
        console.print(Text("  ") + row)
    console.print(f"Chi tiết từng lỗi / every finding: capuy check {seeds_dir}/*.txt")


def _count_sections(sections: list[Section]) -> int:
    return sum(1 + _count_sections(s.children) for s in sections)
