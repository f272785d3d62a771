"""The body that resolves, under a decision's summary, read with a mark misread (issue 12, OCR,
tenth round): held-out set 12's quyết định kết nạp (development text since its measurement),
page 1 at 300 dpi, as Tesseract read it on 4 December 2026 (TSV words: block, paragraph, line,
left, top, width, height, confidence, text). "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ MINH LONG" was read
"BẠN …", no body's first word, so the title ran on into it.
"""

from __future__ import annotations

import pytest

from capuy.extract import extract, to_json
from capuy.extract.header import starts_body
from capuy.read.ocr_layout import document_from_pages
from tests.ocr_pages import word_page

DECISION_300 = [
    (1, 1, 1, 372, 241, 165, 51, 90, "ĐẢNG"),
    (1, 1, 1, 555, 241, 78, 60, 93, "BỘ"),
    (1, 1, 1, 650, 241, 137, 51, 93, "TỈNH"),
    (1, 1, 1, 804, 241, 209, 59, 91, "QUẢNG"),
    (1, 1, 1, 1029, 241, 144, 50, 91, "NGÃI"),
    (1, 1, 1, 1318, 241, 182, 55, 87, "ĐẢNG"),
    (1, 1, 1, 1518, 239, 185, 66, 93, "CỘNG"),
    (1, 1, 1, 1722, 239, 121, 55, 92, "SẢN"),
    (1, 1, 1, 1861, 239, 151, 66, 97, "VIỆT"),
    (1, 1, 1, 2029, 251, 147, 42, 97, "NAM"),
    (2, 1, 1, 406, 308, 168, 51, 88, "ĐẢNG"),
    (2, 1, 1, 592, 309, 82, 50, 97, "ỦY"),
    (2, 1, 1, 690, 308, 84, 51, 93, "XÃ"),
    (2, 1, 1, 789, 319, 163, 39, 91, "MINH"),
    (2, 1, 1, 968, 318, 171, 40, 90, "LONG"),
    (2, 1, 2, 761, 388, 23, 21, 34, "s"),
    (2, 1, 2, 1292, 354, 121, 42, 96, "Minh"),
    (2, 1, 2, 1430, 356, 132, 51, 97, "Long,"),
    (2, 1, 2, 1582, 354, 111, 53, 96, "ngày"),
    (2, 1, 2, 1710, 356, 55, 39, 96, "14"),
    (2, 1, 2, 1783, 353, 128, 53, 97, "tháng"),
    (2, 1, 2, 1929, 355, 27, 40, 97, "8"),
    (2, 1, 2, 1974, 354, 95, 40, 97, "năm"),
    (2, 1, 2, 2087, 354, 115, 40, 96, "2026"),
    (3, 1, 1, 593, 451, 57, 43, 93, "Số"),
    (3, 1, 1, 668, 454, 287, 49, 54, "231-QĐ/ĐU"),
    (5, 1, 1, 1116, 582, 233, 71, 96, "QUYẾT"),
    (5, 1, 1, 1368, 597, 173, 58, 96, "ĐỊNH"),
    (6, 1, 1, 1108, 668, 76, 43, 96, "kết"),
    (6, 1, 1, 1200, 682, 90, 41, 97, "nạp"),
    (6, 1, 1, 1310, 669, 120, 54, 96, "đảng"),
    (6, 1, 1, 1445, 668, 104, 43, 96, "viên"),
    (6, 2, 1, 472, 769, 120, 41, 79, "BẠN"),
    (6, 2, 1, 610, 759, 246, 51, 97, "THƯỜNG"),
    (6, 2, 1, 874, 770, 82, 48, 93, "VỤ"),
    (6, 2, 1, 973, 759, 165, 50, 89, "ĐẢNG"),
    (6, 2, 1, 1155, 759, 82, 50, 97, "ỦY"),
    (6, 2, 1, 1254, 759, 83, 50, 93, "XÃ"),
    (6, 2, 1, 1354, 769, 151, 40, 93, "MINH"),
    (6, 2, 1, 1524, 768, 158, 41, 89, "LONG"),
    (6, 3, 1, 507, 869, 91, 42, 96, "Căn"),
    (6, 3, 1, 616, 868, 57, 42, 97, "cứ"),
    (6, 3, 1, 687, 866, 111, 44, 97, "Điều"),
    (6, 3, 1, 815, 868, 39, 50, 97, "lệ"),
    (6, 3, 1, 871, 869, 125, 53, 96, "Đảng"),
    (6, 3, 1, 1014, 852, 123, 69, 96, "Cộng"),
    (6, 3, 1, 1154, 869, 75, 40, 97, "sản"),
    (6, 3, 1, 1246, 867, 99, 51, 95, "Việt"),
    (6, 3, 1, 1362, 869, 123, 48, 95, "Nam;"),
]


def test_the_resolving_body_read_with_a_wrong_mark_is_not_the_title() -> None:
    document, _texts = document_from_pages([word_page(DECISION_300)], "quet.pdf", "pdf")
    assert to_json(extract(document))["title"] == "QUYẾT ĐỊNH kết nạp đảng viên"


@pytest.mark.parametrize(
    ("line", "exact", "without_marks"),
    [
        ("BAN THƯỜNG VỤ ĐẢNG ỦY XÃ MINH LONG", True, True),
        ("BẠN THƯỜNG VỤ ĐẢNG ỦY XÃ MINH LONG", False, True),
        ("THỊ ỦY ĐỨC PHỔ", True, True),
        ("THI ỦY ĐỨC PHỔ", False, True),
        ("NĂM 2026", False, False),
        ("VỀ VIỆC KẾT NẠP ĐẢNG VIÊN", False, False),
    ],
)
def test_a_body_begins_with_or_without_its_marks(
    line: str, exact: bool, without_marks: bool
) -> None:
    assert starts_body(line) is exact
    assert starts_body(line, marks_lost=True) is without_marks
