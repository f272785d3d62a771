"""Why a person must look at an imported file (issue 12): the problem codes stored in
``ImportItem.problems``, which of them keep a file out of the register, and those found from the
read metadata alone. Used by ``capuy.archive.filing``, which adds those that need the
database (an unknown issuer, a number taken, no term)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from capuy.archive.issuer import meta_date
from capuy.archive.reading import LOW_CONFIDENCE

__all__ = ["BLOCKING", "FLAGGED", "PROBLEMS", "problems_of"]

PROBLEMS: dict[str, str] = {
    "no-number": "không tìm thấy số và ký hiệu",
    "no-date": "không tìm thấy ngày ban hành",
    "no-type": "không xác định được thể loại",
    "no-summary": "không tìm thấy trích yếu",
    "no-issuer": "không xác định được cơ quan ban hành",
    "no-term": "văn bản đi chưa có nhiệm kỳ: khai báo ở quản trị › Tổ chức đảng › Nhiệm kỳ",
    "no-body": "không xác định được cơ quan ban hành trong cấp ủy (văn bản đi)",
    "number-taken": "số văn bản đi này đã có trong sổ với văn bản khác",
    "low-ocr": "OCR kém tin cậy",
    "unknown-issuer": "cơ quan ban hành đọc từ bản quét không có trong danh mục (cần đối chiếu)",
    "future-date": "ngày ban hành sau ngày hôm nay (cần đối chiếu với bản gốc)",
}
"""Why a person must look at an item; the codes are stored in ``ImportItem.problems``."""

FLAGGED = frozenset({"low-ocr", "unknown-issuer", "future-date"})
"""Problems of a reading a person should check: the document is filed, and listed for a person
to check (``ImportItem.low_confidence``). A date after the import day is a misread year (a
scan's "2035" for "2025") or an author's slip: an archive holds no document from the future."""

BLOCKING = frozenset(PROBLEMS) - FLAGGED
"""Problems that keep a file out of the register until a person completes it."""


def problems_of(
    meta: dict[str, Any], confidence: float | None, today: dt.date | None = None
) -> list[str]:
    """What a person must supply or check, before looking at the database (``today``: the
    import's day, the server's local date by default)."""
    found = []
    if not meta.get("number"):
        found.append("no-number")
    day = meta_date(meta)
    if day is None:
        found.append("no-date")
    elif day > (today or timezone.localdate()):
        found.append("future-date")
    if not meta.get("type_code"):
        found.append("no-type")
    if not meta.get("summary"):
        found.append("no-summary")
    if not meta.get("issuer"):
        found.append("no-issuer")
    if confidence is not None and confidence < LOW_CONFIDENCE:
        found.append("low-ocr")
    return found
