"""The end-of-run report: counts, and one CSV row per file (the same data the page shows).

The CSV is UTF-8 with a byte-order mark so Excel opens the Vietnamese text as it is; numbers
are written the Vietnamese way (72,5%).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from capuy.archive.filing import PROBLEMS
from capuy.archive.models import ImportItem, ImportRun
from capuy.text import format_percent

HEADER = [
    "Tệp",
    "Kết quả",
    "Số và ký hiệu",
    "Ngày ban hành",
    "Thể loại",
    "Cơ quan ban hành",
    "Sổ",
    "Độ mật",
    "Độ tin cậy OCR",
    "Cần xem lại",
    "Lý do",
]


@dataclass(frozen=True)
class Summary:
    imported: int
    review: int
    duplicates: int
    failed: int
    skipped: int
    low_confidence: int

    @property
    def total(self) -> int:
        return self.imported + self.review + self.duplicates + self.failed + self.skipped


def summary_of(items: Any) -> Summary:
    """Counts over ``items`` (a queryset of one run's items, already scoped by the caller)."""
    counts: dict[str, int] = {}
    for status in items.values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    low = items.filter(status=ImportItem.Status.IMPORTED, low_confidence=True).count()
    return Summary(
        imported=counts.get(str(ImportItem.Status.IMPORTED), 0),
        review=counts.get(str(ImportItem.Status.REVIEW), 0),
        duplicates=counts.get(str(ImportItem.Status.DUPLICATE), 0),
        failed=counts.get(str(ImportItem.Status.FAILED), 0),
        skipped=counts.get(str(ImportItem.Status.SKIPPED), 0),
        low_confidence=low,
    )


def confidence_label(value: float | None) -> str:
    """The OCR confidence as the project writes a percentage: "96,0%" (``format_percent``, the
    seeds' way and the project's standard, comma decimal and no space before the sign)."""
    return "" if value is None else format_percent(value * 100, 1)


def row_of(item: ImportItem) -> list[str]:
    meta = item.metadata or {}
    document = item.document
    direction = document.get_direction_display() if document is not None else ""
    return [
        item.path,
        item.get_status_display(),
        meta.get("symbol", ""),
        _date_vi(meta.get("date", "")),
        meta.get("type_code", ""),
        meta.get("issuer", ""),
        direction,
        item.get_classification_display() if item.classification else "",
        confidence_label(item.ocr_confidence),
        "; ".join(PROBLEMS.get(p, p) for p in item.problems or []),
        "" if item.problems else item.reason,
    ]


def _date_vi(iso: str) -> str:
    if len(iso) == 10 and iso[4] == "-":
        return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"
    return iso


def csv_bytes(items: Any) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for item in items.select_related("document").order_by("pk"):
        writer.writerow(row_of(item))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def print_report(console: Any, run: ImportRun) -> None:
    """The run's counts, then the files a person must look at, grouped by why."""
    from rich.table import Table

    items = run.items.all()
    summary = summary_of(items)
    table = Table(title=f"Kết quả nhập: {run.source}", show_header=False)
    table.add_column("", style="bold")
    table.add_column("", justify="right")
    for label, value in (
        ("Đã nhập vào sổ", summary.imported),
        ("  trong đó OCR kém tin cậy, cần xem lại", summary.low_confidence),
        ("Cần người bổ sung thông tin", summary.review),
        ("Trùng (không nhập thêm)", summary.duplicates),
        ("Không đọc được", summary.failed),
        ("Bỏ qua (không phải văn bản)", summary.skipped),
        ("Tổng số tệp", summary.total),
    ):
        table.add_row(label, str(value))
    console.print(table)
    failed = items.filter(status=ImportItem.Status.FAILED).order_by("pk")
    if failed:
        console.print("[bold red]Không đọc được:[/]")
        for item in failed[:50]:
            console.print(f"  {item.path}: {item.reason}", highlight=False, soft_wrap=True)
        if failed.count() > 50:
            console.print(f"  … và {failed.count() - 50} tệp khác (xem tệp CSV)")
    review = items.filter(status=ImportItem.Status.REVIEW).order_by("pk")
    if review:
        console.print("[bold yellow]Cần người bổ sung (trang Xem lại):[/]")
        for item in review[:50]:
            console.print(f"  {item.path}: {item.reason}", highlight=False, soft_wrap=True)
        if review.count() > 50:
            console.print(f"  … và {review.count() - 50} tệp khác (xem tệp CSV)")
    low = items.filter(status=ImportItem.Status.IMPORTED, low_confidence=True).order_by("pk")
    if low:
        console.print("[bold yellow]OCR kém tin cậy, cần đối chiếu bản gốc:[/]")
        for item in low[:50]:
            label = confidence_label(item.ocr_confidence)
            console.print(f"  {item.path}: {label}", highlight=False, soft_wrap=True)
