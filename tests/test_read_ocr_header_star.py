"""The header's star read as a tall unsure mark (issue 12, OCR, tenth round).

Held-out set 12's hướng dẫn (development text since its measurement), page 1 at 300 dpi, as
Tesseract read it on 4 December 2026 (TSV: block, paragraph, line, left, top, width, height,
confidence, text; the header and the summary): the "*" under "BAN TỔ CHỨC TỈNH ỦY" was read
"»x" at confidence 33 in a box 103 pixels high, no small mark, and the header ended there —
no kind, number, date or title, and the document's own number read as a citation.
"""

from __future__ import annotations

from capuy.extract import extract, to_json
from capuy.read.ocr_layout import document_from_pages
from tests.ocr_pages import word_page

HEADER_300 = [
    (1, 1, 1, 372, 241, 165, 51, 91, "ĐẢNG"),
    (1, 1, 1, 555, 241, 78, 60, 93, "BỘ"),
    (1, 1, 1, 650, 241, 137, 51, 93, "TỈNH"),
    (1, 1, 1, 804, 241, 209, 59, 91, "QUẢNG"),
    (1, 1, 1, 1029, 241, 144, 50, 91, "NGÃI"),
    (1, 1, 1, 1318, 241, 182, 55, 87, "ĐẢNG"),
    (1, 1, 1, 1518, 239, 185, 66, 93, "CỘNG"),
    (1, 1, 1, 1722, 239, 121, 55, 92, "SẢN"),
    (1, 1, 1, 1861, 239, 151, 66, 97, "VIỆT"),
    (1, 1, 1, 2029, 251, 147, 42, 97, "NAM"),
    (2, 1, 1, 435, 319, 122, 40, 97, "BAN"),
    (2, 1, 1, 573, 306, 81, 53, 97, "TỔ"),
    (2, 1, 1, 674, 308, 169, 51, 93, "CHỨC"),
    (2, 1, 1, 863, 307, 147, 51, 91, "TỈNH"),
    (2, 1, 1, 1027, 308, 82, 50, 96, "ỦY"),
    (2, 1, 2, 756, 312, 49, 103, 33, "»x"),
    (2, 1, 2, 1267, 356, 153, 51, 97, "Quảng"),
    (2, 1, 2, 1436, 355, 126, 53, 97, "Ngãi,"),
    (2, 1, 2, 1582, 354, 111, 53, 97, "ngày"),
    (2, 1, 2, 1710, 355, 53, 40, 96, "03"),
    (2, 1, 2, 1783, 353, 128, 53, 97, "tháng"),
    (2, 1, 2, 1930, 355, 50, 39, 97, "11"),
    (2, 1, 2, 2003, 354, 95, 41, 96, "năm"),
    (2, 1, 2, 2116, 354, 115, 40, 97, "2026"),
    (3, 1, 1, 554, 451, 55, 43, 93, "Số"),
    (3, 1, 1, 631, 454, 363, 40, 89, "19-HD/BTCTU"),
    (5, 1, 1, 1119, 585, 254, 58, 96, "HƯỚNG"),
    (5, 1, 1, 1392, 582, 143, 60, 95, "DẪN"),
    (5, 1, 2, 367, 669, 120, 44, 95, "kiểm"),
    (5, 1, 2, 505, 669, 134, 51, 96, "điểm,"),
    (5, 1, 2, 658, 670, 122, 42, 96, "đánh"),
    (5, 1, 2, 798, 670, 85, 54, 97, "giá,"),
    (5, 1, 2, 900, 668, 85, 55, 97, "xếp"),
    (5, 1, 2, 1003, 669, 89, 53, 97, "loại"),
    (5, 1, 2, 1110, 668, 104, 43, 97, "chất"),
    (5, 1, 2, 1230, 669, 143, 54, 96, "lượng"),
    (5, 1, 2, 1391, 667, 74, 43, 97, "đối"),
    (5, 1, 2, 1481, 669, 76, 42, 97, "với"),
    (5, 1, 2, 1574, 667, 47, 43, 97, "tổ"),
    (5, 1, 2, 1638, 669, 116, 41, 97, "chức"),
    (5, 1, 2, 1772, 668, 133, 54, 97, "đảng,"),
    (5, 1, 2, 1924, 669, 121, 53, 97, "đảng"),
    (5, 1, 2, 2060, 668, 103, 41, 96, "viên"),
    (5, 1, 2, 2180, 667, 108, 42, 80, "năm"),
    (5, 1, 3, 1272, 738, 113, 40, 96, "2026"),
    (5, 1, 4, 473, 836, 91, 42, 97, "Căn"),
    (5, 1, 4, 587, 835, 57, 42, 97, "cứ"),
    (5, 1, 4, 664, 838, 99, 51, 97, "Quy"),
    (5, 1, 4, 785, 835, 100, 50, 97, "định"),
    (5, 1, 4, 908, 833, 49, 43, 93, "số"),
    (5, 1, 4, 981, 836, 294, 49, 68, "366-QĐ/TW"),
    (5, 1, 4, 1298, 834, 111, 54, 96, "ngày"),
    (5, 1, 4, 1432, 835, 232, 41, 96, "30/8/2025"),
    (5, 1, 4, 1689, 834, 77, 41, 96, "của"),
    (5, 1, 4, 1789, 834, 65, 50, 97, "Bộ"),
    (5, 1, 4, 1877, 833, 140, 42, 97, "Chính"),
    (5, 1, 4, 2038, 835, 51, 48, 97, "trị"),
    (5, 1, 4, 2108, 832, 55, 43, 97, "về"),
    (5, 1, 4, 2186, 831, 114, 44, 97, "kiểm"),
]


def test_a_tall_unsure_mark_under_the_issuer_is_the_star() -> None:
    document, texts = document_from_pages([word_page(HEADER_300)], "quet.pdf", "pdf")
    assert "*" in texts[0].split("\n")[:5]
    header = to_json(extract(document))
    assert header["number"] == "19-HD/BTCTU"
    assert header["kind"] == "HƯỚNG DẪN"
    assert header["date"] == "2026-11-03"
    assert header["issuer"] == "BAN TỔ CHỨC TỈNH ỦY"
    assert header["title"].startswith("HƯỚNG DẪN kiểm điểm, đánh giá, xếp loại chất lượng")
    symbols = {citation.symbol for citation in extract(document).citations}
    assert "19-HD/BTCTU" not in symbols  # its own number is no citation
    assert "366-QĐ/TW" in symbols  # the first "Căn cứ" line's is


def test_a_tall_mark_read_surely_is_not_the_star() -> None:
    """A letter Tesseract was sure of keeps its reading, however tall its box."""
    sure = [w if w[-1] != "»x" else (*w[:7], 96, "»x") for w in HEADER_300]
    _document, texts = document_from_pages([word_page(sure)], "quet.pdf", "pdf")
    assert "*" not in texts[0].split("\n")[:5]
