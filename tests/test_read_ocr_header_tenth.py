"""Scanned first pages of held-out set 9 (development text since) as Tesseract read them (issue
12, tenth round): the header's levels read in pieces and twice — one line per printed level, each
stretch of ink read once, the surer reading kept.

The words below are Tesseract's own output (its TSV: block, paragraph, line, left, top, width,
height, confidence, text; a re-read line numbered "2r0.1") for the header of the pages,
rasterised by ``benchmarks/bench_ocr.py`` at 200 dpi (brought to 300) and read by Tesseract 5
on 4 December 2026 (the lead's cache of that day, /tmp/lead-ocrcache2); each test fails without
the change it is named after.
"""

from __future__ import annotations

import pytest

from capuy.extract import extract, to_json
from capuy.read.ocr_layout import OcrPage, document_from_pages, tsv_lines
from capuy.read.ocr_order import header_columns
from capuy.read.ocr_repair import repair_ocr_text
from tests.ocr_pages import words_tsv

# Set 9's công văn at 200 dpi: "HUYỆN" read with a box a fifth of its width, the rest of its ink
# read "kết" at 53 on the place-date line; "MỘ ĐÚ" (90, 85) read again "MỘ ĐỨC" (92, 96); the
# date's "8" boxed apart from "tháng".
CONG_VAN_200 = [
    (1, 1, 1, 373, 241, 165, 51, 88, "ĐẢNG"),
    (1, 1, 1, 556, 239, 77, 60, 92, "BỘ"),
    (1, 1, 1, 651, 241, 136, 50, 91, "TỈNH"),
    (1, 1, 1, 806, 240, 206, 60, 92, "QUẢNG"),
    (1, 1, 1, 1030, 241, 142, 49, 92, "NGÃI"),
    (1, 1, 1, 1318, 240, 182, 55, 88, "ĐẢNG"),
    (1, 1, 1, 1519, 239, 183, 67, 93, "CỘNG"),
    (1, 1, 1, 1723, 239, 121, 55, 85, "SẢN"),
    (1, 1, 1, 1861, 238, 152, 67, 96, "VIỆT"),
    (1, 1, 1, 2030, 251, 147, 42, 96, "NAM"),
    (2, 1, 1, 488, 319, 44, 39, 96, "HUYỆN"),
    (2, 1, 1, 718, 306, 69, 52, 92, "ỦY"),
    (2, 1, 1, 823, 306, 68, 52, 90, "MỘ"),
    (2, 1, 1, 928, 307, 73, 50, 85, "ĐÚ"),
    (2, 1, 1, 1616, 352, 10, 9, 48, ":"),
    (2, 1, 2, 534, 318, 107, 51, 53, "kết"),
    (2, 1, "2r0.1", 812, 290, 97, 79, 92, "MỘ"),
    (2, 1, "2r0.1", 928, 290, 125, 68, 96, "ĐỨC"),
    (2, 1, "2r0.2", 762, 386, 23, 22, 87, ":"),
    (2, 1, "2r0.2", 1245, 388, 2, 2, 53, "|"),
    (2, 1, 2, 1323, 353, 77, 51, 93, "Mộ"),
    (2, 1, 2, 1417, 353, 111, 50, 95, "Đức,"),
    (2, 1, 2, 1547, 366, 112, 42, 95, "ngày"),
    (2, 1, 2, 1676, 355, 54, 40, 96, "05"),
    (2, 1, 2, 1749, 352, 287, 54, 96, "tháng"),
    (2, 1, 2, 1900, 347, 22, 65, 96, "8"),
    (2, 1, 2, 1949, 352, 82, 54, 96, "năm"),
    (2, 1, 2, 2052, 354, 116, 39, 96, "2024"),
    (3, 1, 1, 594, 450, 57, 44, 93, "Số"),
    (3, 1, 1, 669, 453, 284, 41, 90, "845-CV/HU"),
    (5, 1, 1, 1150, 583, 195, 61, 96, "CÔNG"),
    (5, 1, 1, 1364, 584, 143, 59, 96, "VĂN"),
    (5, 1, 2, 419, 671, 88, 42, 92, "V/v"),
    (5, 1, 2, 523, 670, 87, 54, 95, "góp"),
    (5, 1, 2, 628, 669, 28, 54, 96, "ý"),
    (5, 1, 2, 673, 670, 65, 52, 96, "dự"),
    (5, 1, 2, 753, 669, 108, 43, 96, "thảo"),
    (5, 1, 2, 877, 669, 95, 42, 96, "Báo"),
    (5, 1, 2, 991, 668, 80, 43, 96, "cáo"),
    (5, 1, 2, 1089, 667, 108, 57, 96, "tổng"),
    (5, 1, 2, 1213, 667, 77, 43, 96, "kết"),
    (5, 1, 2, 1305, 668, 97, 53, 96, "việc"),
    (5, 1, 2, 1418, 669, 110, 51, 96, "thực"),
    (5, 1, 2, 1544, 667, 106, 53, 96, "hiện"),
    (5, 1, 2, 1667, 668, 78, 42, 96, "các"),
    (5, 1, 2, 1761, 667, 90, 42, 96, "văn"),
    (5, 1, 2, 1866, 668, 94, 42, 96, "bản"),
    (5, 1, 2, 1973, 669, 89, 40, 96, "của"),
    (5, 1, 2, 2076, 669, 159, 51, 96, "Trung"),
    (5, 1, 3, 1030, 743, 127, 48, 96, "ương"),
    (5, 1, 3, 1173, 734, 53, 43, 96, "về"),
    (5, 1, 3, 1244, 736, 114, 53, 96, "công"),
    (5, 1, 3, 1374, 736, 72, 42, 96, "tác"),
    (5, 1, 3, 1464, 736, 85, 41, 96, "cán"),
    (5, 1, 3, 1566, 734, 58, 53, 96, "bộ"),
]
# Set 9's quyết định at 200 dpi: "SƠN" begun as a lone "S" (91), then read whole with "HÀ" in a
# re-read; the place's "Sơn" read "SƠN" on a line of its own beside "Hà, ngày …".
QUYET_DINH_200 = [
    (1, 1, 1, 373, 241, 165, 51, 88, "ĐẢNG"),
    (1, 1, 1, 556, 239, 77, 60, 93, "BỘ"),
    (1, 1, 1, 651, 241, 136, 50, 92, "TỈNH"),
    (1, 1, 1, 806, 240, 206, 60, 92, "QUẢNG"),
    (1, 1, 1, 1030, 241, 143, 49, 90, "NGÃI"),
    (1, 1, 1, 1318, 240, 182, 55, 88, "ĐẢNG"),
    (1, 1, 1, 1519, 239, 183, 67, 93, "CỘNG"),
    (1, 1, 1, 1723, 239, 121, 55, 85, "SẢN"),
    (1, 1, 1, 1861, 238, 152, 67, 96, "VIỆT"),
    (1, 1, 1, 2029, 251, 148, 42, 96, "NAM"),
    (2, 1, 1, 501, 307, 208, 51, 96, "HUYỆN"),
    (2, 1, 1, 743, 307, 65, 51, 92, "ỦY"),
    (2, 1, 1, 827, 319, 27, 39, 91, "S"),
    (2, 1, 1, 1017, 308, 25, 35, 69, "À"),
    (2, 1, 1, 1608, 352, 10, 9, 83, "1"),
    (2, 1, "2r0.1", 827, 293, 116, 66, 96, "SƠN"),
    (2, 1, "2r0.1", 959, 308, 86, 50, 96, "HÀ"),
    (2, 1, "2r0.2", 762, 386, 23, 22, 31, "h"),
    (2, 1, "2r0.2", 1245, 388, 2, 2, 57, "__"),
    (2, 1, "2r0.2", 1333, 355, 88, 40, 77, "SƠN"),
    (2, 1, 2, 1437, 353, 83, 49, 96, "Hà,"),
    (2, 1, 2, 1539, 366, 112, 42, 96, "ngày"),
    (2, 1, 2, 1667, 355, 56, 39, 96, "12"),
    (2, 1, 2, 1741, 352, 128, 54, 96, "tháng"),
    (2, 1, 2, 1889, 354, 28, 40, 96, "7"),
    (2, 1, 2, 1931, 353, 96, 41, 96, "năm"),
    (2, 1, 2, 2044, 353, 115, 40, 96, "2024"),
    (3, 1, 1, 578, 450, 57, 44, 93, "Số"),
    (3, 1, 1, 656, 453, 314, 49, 83, "1250-QĐ/HU"),
    (3, 1, 1, 1007, 488, 2, 2, 73, "."),
]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # the surer second reading replaces the words it lies over; a small-letters piece read
        # unsure between capitals goes; the date's pieces are one line
        (
            CONG_VAN_200,
            [
                "ĐẢNG BỘ TỈNH QUẢNG NGÃI",
                "HUYỆN ỦY MỘ ĐỨC",
                "Số 845-CV/HU",
                "ĐẢNG CỘNG SẢN VIỆT NAM",
                "Mộ Đức, ngày 05 tháng 8 năm 2024",
            ],
        ),
        # a first letter read alone under the word it begins goes; the place's pieces are one
        (
            QUYET_DINH_200,
            [
                "ĐẢNG BỘ TỈNH QUẢNG NGÃI",
                "HUYỆN ỦY SƠN HÀ",
                "Số 1250-QĐ/HU",
                "ĐẢNG CỘNG SẢN VIỆT NAM",
                "SƠN Hà, ngày 12 tháng 7 năm 2024",
            ],
        ),
    ],
)
def test_header_levels_read_once(words: list[tuple[object, ...]], expected: list[str]) -> None:
    lines = header_columns(tsv_lines(words_tsv(words)), 2481)
    # specks of the page's rules and dust ("|", ":", "1") are the layout's later stages' to drop
    texts = [line.text for line in lines if len(line.text.strip()) > 2]
    assert texts[: len(expected)] == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (
            CONG_VAN_200,
            {
                "issuer": "HUYỆN ỦY MỘ ĐỨC",
                "kind": "CÔNG VĂN",
                "number": "845-CV/HU",
                "date": "2024-08-05",
            },
        ),
        (
            QUYET_DINH_200,
            {"issuer": "HUYỆN ỦY SƠN HÀ", "number": "1250-QĐ/HU", "date": "2024-07-12"},
        ),
    ],
)
def test_header_fields_of_a_page_read_in_pieces(
    words: list[tuple[object, ...]], expected: dict[str, str]
) -> None:
    tsv = words_tsv(words)
    page = OcrPage(2481, 3508, 300, tsv_lines(tsv), b"", tsv)
    document, _texts = document_from_pages([page], "quet.pdf", "pdf")
    data = to_json(extract(document))
    assert {key: data[key] for key in expected} == expected


# Set 10's tờ trình, page 2 at 300 dpi: the closing of a text signed by an acting head, "Q."
# (quyền) before the title; the list beside it.
ACTING_300 = [
    (3, 1, 1, 356, 627, 85, 39, 96, "Nơi"),
    (3, 1, 1, 459, 625, 125, 42, 96, "nhận:"),
    (3, 1, 1, 1544, 626, 56, 48, 92, "Q."),
    (3, 1, 1, 1617, 615, 258, 68, 96, "TRƯỞNG"),
    (3, 1, 1, 1892, 626, 122, 39, 95, "BAN"),
    (3, 1, 2, 356, 713, 14, 4, 93, "-"),
    (3, 1, 2, 385, 691, 88, 35, 96, "Như"),
    (3, 1, 2, 485, 691, 86, 42, 96, "trên,"),
    (3, 1, 3, 356, 770, 13, 4, 93, "-"),
    (3, 1, 3, 385, 750, 79, 33, 96, "Lưu"),
    (3, 1, 3, 480, 750, 77, 34, 96, "Ban"),
    (3, 1, 3, 573, 748, 81, 45, 96, "Xây"),
    (3, 1, 3, 668, 748, 100, 47, 95, "dựng"),
    (3, 1, 3, 783, 749, 116, 45, 95, "Đảng."),
    (4, 1, 1, 1510, 944, 167, 51, 95, "Lương"),
    (4, 1, 1, 1692, 941, 87, 52, 95, "Thị"),
    (4, 1, 1, 1794, 941, 112, 42, 96, "Bích"),
    (4, 1, 1, 1922, 943, 125, 52, 93, "Ngọc"),
    (4, 1, 1, 2065, 944, 4, 5, 83, "'"),
]


def test_acting_head_signature_is_the_closing() -> None:
    tsv = words_tsv(ACTING_300)
    page = OcrPage(2481, 3508, 300, tsv_lines(tsv), b"", tsv)
    document, _texts = document_from_pages([page], "quet.pdf", "pdf")
    doc = extract(document)
    assert doc.signature is not None
    assert (doc.signature.capacity, doc.signature.name) == ("Q. TRƯỞNG BAN", "Lương Thị Bích Ngọc")
    assert doc.recipients == ["Như trên", "Lưu Ban Xây dựng Đảng"]


def test_acting_head_capacity_orders_a_closing_without_its_label() -> None:
    """ "Nơi nhận:" not read: the list beside the capacity line goes first, as printed."""
    words = [word for word in ACTING_300 if word[-1] not in {"Nơi", "nhận:"}]
    tsv = words_tsv(words)
    page = OcrPage(2481, 3508, 300, tsv_lines(tsv), b"", tsv)
    _document, texts = document_from_pages([page], "quet.pdf", "pdf")
    assert "\n".join(texts).split("\n") == [
        "- Như trên,",
        "- Lưu Ban Xây dựng Đảng.",
        "Q. TRƯỞNG BAN",
        "Lương Thị Bích Ngọc",
    ]


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        # set 10's kết luận at 300 dpi: "1412-KI,/TU" read at 33, the L's foot a comma
        ("Số 1412-KI,/TU", "Số 1412-KL/TU"),
        # a comma after a symbol is the sentence's, the symbol stays
        ("số 41-NQ/TW, ngày 10/10/2023", "số 41-NQ/TW, ngày 10/10/2023"),
        # no known code with an L there: left as read
        ("Số 12-QI,/TU", "Số 12-QI,/TU"),
        # set 10's biên bản at 300 dpi: a space after the dash and one inside "TW"
        (
            "theo Quy định số: 24- QĐ/T W ngày 30/07/2021.",
            "theo Quy định số: 24-QĐ/TW ngày 30/07/2021.",
        ),
    ],
)
def test_a_symbols_codes_read_apart(read: str, expected: str) -> None:
    assert repair_ocr_text(read) == expected
