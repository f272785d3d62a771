"""Scanned pages of held-out set 8 and earlier sets (development text since) as Tesseract read
them (issue 12, ninth round): the header and the closing outside tables — the closing's two
columns in print order, a symbol's code put right against the catalogue, the header's lines.

The words below are Tesseract's own output (its TSV: block, paragraph, line, left, top, width,
height, confidence, text) for parts of the pages, rasterised by ``benchmarks/bench_ocr.py`` at
300 and 200 dpi and read by Tesseract 5 on 4 December 2026 (the lead's cache of that day); each
test fails without the change it is named after.
"""

from __future__ import annotations

from capuy.extract import extract, to_json
from capuy.read.ocr_layout import OcrPage, document_from_pages, tsv_lines
from capuy.read.ocr_order import header_columns
from capuy.read.ocr_repair import repair_ocr_text
from tests.ocr_pages import word_page, words_tsv


def _texts(pages: list[OcrPage]) -> list[str]:
    _document, texts = document_from_pages(pages, "quet.pdf", "pdf")
    return "\n".join(texts).split("\n")


# Set 8's thông báo, page 2 at 300 dpi: the closing. "Nơi nhận" read as one word at confidence
# 0 on the line of "T/L BAN THƯỜNG VỤ"; the recipients' list beside the signature.
CLOSING_300 = [
    (3, 1, 1, 356, 525, 227, 52, 0, "Nơinhận"),
    (3, 1, 1, 1475, 526, 90, 41, 93, "T/L"),
    (3, 1, 1, 1584, 526, 120, 39, 97, "BAN"),
    (3, 1, 1, 1721, 515, 261, 51, 96, "THƯỜNG"),
    (3, 1, 1, 1999, 526, 82, 50, 80, "VỤ"),
    (3, 1, 1, 2150, 583, 5, 2, 80, "_"),
    (3, 1, 2, 356, 613, 13, 4, 93, "-"),
    (3, 1, 2, 385, 592, 105, 45, 96, "Đảng"),
    (3, 1, 2, 504, 591, 48, 46, 97, "ủy"),
    (3, 1, 2, 567, 592, 45, 34, 97, "xã"),
    (3, 1, 2, 628, 593, 102, 44, 97, "Long"),
    (3, 1, 2, 745, 590, 106, 46, 97, "Hiệp,"),
    (3, 1, 2, 1487, 582, 214, 53, 90, "CHÁNH"),
    (3, 1, 2, 1718, 592, 124, 40, 95, "VĂN"),
    (3, 1, 2, 1859, 593, 211, 39, 96, "PHÒNG"),
    (3, 1, 3, 356, 670, 13, 4, 93, "-"),
    (3, 1, 3, 385, 648, 73, 35, 96, "Các"),
    (3, 1, 3, 474, 648, 70, 35, 97, "ban"),
    (3, 1, 3, 559, 647, 70, 46, 97, "xây"),
    (3, 1, 3, 644, 648, 99, 46, 96, "dựng"),
    (3, 1, 3, 758, 648, 106, 45, 96, "Đảng"),
    (3, 1, 3, 880, 647, 130, 47, 96, "Huyện"),
    (3, 1, 3, 1024, 648, 58, 46, 97, "ủy,"),
    (3, 1, 3, 2106, 678, 6, 3, 78, ":"),
    (4, 1, 1, 356, 728, 14, 4, 93, "-"),
    (4, 1, 1, 385, 707, 79, 34, 96, "Lưu"),
    (4, 1, 1, 480, 707, 81, 35, 97, "Văn"),
    (4, 1, 1, 575, 706, 123, 46, 97, "phòng"),
    (4, 1, 1, 714, 705, 130, 46, 97, "Huyện"),
    (4, 1, 1, 859, 706, 58, 46, 97, "ủy."),
    (5, 1, 1, 1569, 909, 122, 44, 94, "Định"),
    (5, 1, 1, 1706, 908, 103, 42, 96, "Văn"),
    (5, 1, 1, 1825, 909, 163, 53, 97, "Thạnh"),
]
CLOSING_ORDER = [
    "- Đảng ủy xã Long Hiệp,",
    "- Các ban xây dựng Đảng Huyện ủy,",
    "- Lưu Văn phòng Huyện ủy.",
    "T/L BAN THƯỜNG VỤ",
    "CHÁNH VĂN PHÒNG",
    "Định Văn Thạnh",
]


def test_closing_label_read_as_one_unsure_word_is_the_label() -> None:
    # "Nơinhận" at confidence 0 went as dirt; the signature was read before the recipients
    assert _texts([word_page(CLOSING_300)]) == ["Nơi nhận:", *CLOSING_ORDER]


def test_closing_without_its_label_is_read_column_by_column() -> None:
    # the same page with the label not read at all: the list items beside the signature's
    # capacity line still go first, as printed
    words = [word for word in CLOSING_300 if word[-1] != "Nơinhận"]
    assert _texts([word_page(words)]) == CLOSING_ORDER


def test_two_signers_without_a_list_keep_their_order() -> None:
    # no list item beside the signature (a biên bản's secretary and chair): nothing moves
    words = [word for word in CLOSING_300 if word[-1] not in ("Nơinhận", "-")]
    assert _texts([word_page(words)])[0].startswith("T/L BAN THƯỜNG VỤ")


# A symbol's codes read as no known pair, put right only when the catalogue has one symbol of
# its number one character away issued on the date cited with it (lines as Tesseract read them).
SYMBOL_CODES = [
    # set 8's thông báo at 300 dpi
    (
        "Đảng ủy xã đã chủ động triển khai Nghị quyết số 41-NQ/EW ngày 10/10/2023 của Bộ",
        "Đảng ủy xã đã chủ động triển khai Nghị quyết số 41-NQ/TW ngày 10/10/2023 của Bộ",
    ),
    # set 7's kế hoạch at 200 dpi: a table row, the date after a comma
    (
        "3\tTuyên truyền kết quả thực hiện\tNghị quyết số 46-NQ/LW, ngày 20/12/2023\tVăn phòng",
        "3\tTuyên truyền kết quả thực hiện\tNghị quyết số 46-NQ/TW, ngày 20/12/2023\tVăn phòng",
    ),
    # set 2 at 200 dpi: the T of TW lost
    (
        "- Kiểm tra, giám sát việc thực hiện Chỉ thị số 38-CT/W ngày 07/09/2009 của Ban Bí thư",
        "- Kiểm tra, giám sát việc thực hiện Chỉ thị số 38-CT/TW ngày 07/09/2009 của Ban Bí thư",
    ),
    # set 3 at 200 dpi: the type code gained a letter; the date in the next cell
    (
        "1\tKết luận\t57-KUL/TW\t15/06/2023\tBộ Chính trị",
        "1\tKết luận\t57-KL/TW\t15/06/2023\tBộ Chính trị",
    ),
    # the date cited is not the catalogue's: the codes stay as read
    (
        "Nghị quyết số 41-NQ/EW ngày 11/10/2023 của Bộ",
        "Nghị quyết số 41-NQ/EW ngày 11/10/2023 của Bộ",
    ),
    # a known pair of codes is never touched
    ("Kết luận số 57-KL/HU ngày 15/06/2023", "Kết luận số 57-KL/HU ngày 15/06/2023"),
]


def test_symbol_codes_put_right_against_the_catalogue() -> None:
    for read, expected in SYMBOL_CODES:
        assert repair_ocr_text(read) == expected, read


# Set 8's nghị quyết, page 1 at 300 dpi, its header down to the first "- Căn cứ": the body that
# resolves ("BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI") printed in capitals under the summary.
RESOLUTION_300 = [
    (1, 1, 1, 372, 241, 165, 77, 35, "ĐẢNG"),
    (1, 1, 1, 555, 241, 78, 76, 93, "BỘ"),
    (1, 1, 1, 650, 241, 137, 76, 92, "TỈNH"),
    (1, 1, 1, 804, 241, 209, 59, 92, "QUẢNG"),
    (1, 1, 1, 1029, 241, 144, 75, 87, "NGÃI"),
    (1, 1, 1, 1318, 241, 182, 55, 87, "ĐẢNG"),
    (1, 1, 1, 1518, 239, 185, 66, 93, "CỘNG"),
    (1, 1, 1, 1722, 239, 121, 55, 92, "SẢN"),
    (1, 1, 1, 1861, 239, 151, 66, 97, "VIỆT"),
    (1, 1, 1, 2029, 251, 147, 42, 97, "NAM"),
    (1, 1, 2, 358, 319, 168, 41, 90, "ĐẢNG"),
    (1, 1, 2, 544, 320, 82, 39, 93, "ỦY"),
    (1, 1, 2, 642, 319, 157, 40, 92, "KHỐI"),
    (1, 1, 2, 817, 316, 86, 43, 93, "CƠ"),
    (1, 1, 2, 920, 318, 168, 49, 91, "QUAN"),
    (1, 1, 2, 1104, 319, 84, 39, 96, "VÀ"),
    (1, 1, 3, 461, 387, 216, 40, 92, "DOANH"),
    (1, 1, 3, 693, 375, 227, 62, 93, "NGHIỆP"),
    (1, 1, 3, 937, 376, 148, 50, 91, "TỈNH"),
    (2, 1, 1, 761, 455, 24, 21, 47, "loi"),
    (3, 1, 1, 586, 517, 57, 44, 93, "Số"),
    (3, 1, 1, 664, 521, 299, 49, 89, "17-NQ/ĐUK"),
    (5, 1, 1, 1282, 356, 153, 51, 97, "Quảng"),
    (5, 1, 1, 1451, 355, 125, 52, 95, "Ngãi,"),
    (5, 1, 1, 1596, 354, 112, 53, 97, "ngày"),
    (5, 1, 1, 1722, 355, 59, 40, 96, "27"),
    (5, 1, 1, 1797, 353, 129, 53, 97, "tháng"),
    (5, 1, 1, 1944, 355, 25, 40, 96, "5"),
    (5, 1, 1, 1988, 354, 96, 41, 96, "năm"),
    (5, 1, 1, 2101, 354, 116, 41, 95, "2026"),
    (6, 1, 1, 1113, 665, 175, 58, 95, "NGHỊ"),
    (6, 1, 1, 1309, 649, 234, 71, 97, "QUYẾT"),
    (6, 1, 2, 409, 736, 53, 44, 97, "về"),
    (6, 1, 2, 479, 738, 108, 53, 97, "tăng"),
    (6, 1, 2, 605, 737, 151, 54, 96, "cường"),
    (6, 1, 2, 773, 738, 110, 51, 96, "thực"),
    (6, 1, 2, 900, 736, 106, 53, 97, "hiện"),
    (6, 1, 2, 1023, 737, 77, 41, 97, "các"),
    (6, 1, 2, 1115, 736, 92, 42, 97, "văn"),
    (6, 1, 2, 1221, 736, 94, 42, 97, "bản"),
    (6, 1, 2, 1332, 738, 85, 40, 96, "của"),
    (6, 1, 2, 1432, 738, 159, 52, 95, "Trung"),
    (6, 1, 2, 1605, 743, 129, 46, 96, "ương"),
    (6, 1, 2, 1749, 744, 136, 45, 97, "trong"),
    (6, 1, 2, 1900, 737, 132, 52, 94, "Đảng"),
    (6, 1, 2, 2048, 734, 59, 53, 96, "bộ"),
    (6, 1, 2, 2124, 733, 122, 43, 97, "Khối"),
    (7, 1, 1, 472, 837, 120, 40, 93, "BAN"),
    (7, 1, 1, 609, 826, 247, 51, 96, "THƯỜNG"),
    (7, 1, 1, 873, 837, 82, 48, 93, "VỤ"),
    (7, 1, 1, 973, 826, 166, 50, 83, "ĐẢNG"),
    (7, 1, 1, 1155, 826, 81, 50, 93, "ỦY"),
    (7, 1, 1, 1254, 823, 144, 53, 89, "KHỐI"),
    (7, 2, 1, 473, 960, 15, 5, 92, "-"),
    (7, 2, 1, 507, 936, 91, 42, 97, "Căn"),
    (7, 2, 1, 616, 935, 57, 42, 97, "cứ"),
    (7, 2, 1, 688, 935, 81, 42, 96, "Chỉ"),
    (7, 2, 1, 786, 936, 59, 49, 96, "thị"),
    (7, 2, 1, 862, 933, 49, 44, 97, "số"),
    (7, 2, 1, 929, 937, 257, 40, 96, "05-CT/TW"),
    (7, 2, 1, 1201, 934, 83, 42, 97, "ban"),
    (7, 2, 1, 1300, 934, 112, 42, 96, "hành"),
    (7, 2, 1, 1430, 934, 112, 54, 97, "ngày"),
    (7, 2, 1, 1562, 934, 242, 49, 96, "15/5/2016;"),
]


def test_body_that_resolves_is_not_the_summary() -> None:
    document, _texts = document_from_pages([word_page(RESOLUTION_300)], "quet.pdf", "pdf")
    data = to_json(extract(document))
    assert data["title"] == (
        "NGHỊ QUYẾT về tăng cường thực hiện các văn bản của Trung ương trong Đảng bộ Khối"
    )
    assert data["issuer"] == "ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH"


# Seed 000 at 200 dpi, its header: the place and "ngày" read "IQÄy" at confidence 32.
DATE_200 = [
    (1, 1, 1, 413, 251, 122, 41, 96, "BAN"),
    (1, 1, 1, 551, 240, 261, 51, 95, "THƯỜNG"),
    (1, 1, 1, 829, 251, 83, 50, 96, "VỤ"),
    (1, 1, 1, 928, 251, 105, 51, 97, "THỊ"),
    (1, 1, 1, 1051, 240, 81, 50, 97, "ỦY"),
    (1, 1, 1, 1318, 240, 182, 55, 89, "ĐẢNG"),
    (1, 1, 1, 1519, 239, 183, 67, 93, "CỘNG"),
    (1, 1, 1, 1723, 239, 121, 55, 92, "SẢN"),
    (1, 1, 1, 1861, 238, 152, 67, 95, "VIỆT"),
    (1, 1, 1, 2030, 251, 147, 42, 97, "NAM"),
    (2, 1, 1, 761, 319, 23, 22, 86, ">k"),
    (2, 1, 2, 599, 383, 56, 43, 93, "Số"),
    (2, 1, 2, 675, 385, 273, 42, 93, "708-BC/TU"),
    (2, 1, 2, 1304, 387, 218, 15, 7, "......‹.....„"),
    (2, 1, 2, 1541, 366, 111, 42, 32, "IQÄy"),
    (2, 1, 2, 1667, 355, 58, 39, 97, "26"),
    (2, 1, 2, 1742, 352, 129, 54, 96, "tháng"),
    (2, 1, 2, 1889, 354, 56, 39, 97, "02"),
    (2, 1, 2, 1962, 365, 96, 29, 97, "năm"),
    (2, 1, 2, 2075, 353, 116, 41, 96, "2024"),
    (4, 1, 1, 1173, 517, 140, 61, 92, "BÁO"),
    (4, 1, 1, 1337, 515, 142, 60, 96, "CÁO"),
    (4, 1, 2, 620, 603, 115, 55, 96, "công"),
    (4, 1, 2, 751, 603, 72, 42, 97, "tác"),
    (4, 1, 2, 841, 603, 140, 54, 96, "tháng"),
    (4, 1, 2, 998, 604, 69, 48, 97, "02,"),
    (4, 1, 2, 1085, 601, 157, 53, 96, "nhiệm"),
    (4, 1, 2, 1254, 616, 59, 39, 96, "vụ"),
    (4, 1, 2, 1331, 610, 134, 47, 96, "trọng"),
    (4, 1, 2, 1482, 601, 95, 42, 96, "tâm"),
    (4, 1, 2, 1593, 602, 141, 54, 96, "tháng"),
    (4, 1, 2, 1752, 603, 25, 40, 97, "3"),
    (4, 1, 2, 1795, 601, 107, 42, 96, "năm"),
    (4, 1, 2, 1920, 603, 114, 40, 97, "2024"),
    (4, 1, 3, 695, 694, 70, 56, 97, "(kỳ"),
    (4, 1, 3, 781, 695, 84, 42, 96, "báo"),
    (4, 1, 3, 882, 695, 81, 41, 97, "cáo"),
    (4, 1, 3, 982, 695, 50, 41, 97, "từ"),
    (4, 1, 3, 1044, 695, 112, 53, 97, "ngày"),
    (4, 1, 3, 1170, 695, 265, 41, 85, "27/01/2024"),
    (4, 1, 3, 1449, 692, 83, 44, 97, "đến"),
    (4, 1, 3, 1551, 693, 112, 54, 96, "ngày"),
    (4, 1, 3, 1677, 694, 284, 51, 96, "26/02/2024)"),
]


def test_place_date_line_with_its_ngay_read_as_noise() -> None:
    document, texts = document_from_pages([word_page(DATE_200)], "quet.pdf", "pdf")
    data = to_json(extract(document))
    assert "ngày 26 tháng 02 năm 2024" in texts[0].split("\n")
    assert (data["date"], data["kind"]) == ("2024-02-26", "BÁO CÁO")
    assert data["title"] == "BÁO CÁO công tác tháng 02, nhiệm vụ trọng tâm tháng 3 năm 2024"


def test_place_date_line_read_surely_stays() -> None:
    # the same line with its first word read surely: it is not touched
    words = [word[:7] + (96, "Tháng") if word[-1] == "IQÄy" else word for word in DATE_200]
    _document, texts = document_from_pages([word_page(words)], "quet.pdf", "pdf")
    assert "Tháng 26 tháng 02 năm 2024" in texts[0].split("\n")


# The header's left column at 200 dpi: set 8's nghị quyết ("CƠ" read twice, the issuer's second
# line read in two pieces around it) and set 4's thông báo (the re-read's "ẢNG ỦY" and "ỊN ru"
# over the issuer read once already, "ỦY" a box 8 pixels high; down to the text's first lines).
ISSUER_200 = [
    (1, 1, 1, 373, 241, 165, 51, 88, "ĐẢNG"),
    (1, 1, 1, 556, 239, 77, 60, 93, "BỘ"),
    (1, 1, 1, 651, 241, 136, 50, 93, "TỈNH"),
    (1, 1, 1, 806, 240, 206, 60, 93, "QUẢNG"),
    (1, 1, 1, 1030, 241, 143, 49, 91, "NGÃI"),
    (1, 1, 1, 1318, 240, 182, 55, 89, "ĐẢNG"),
    (1, 1, 1, 1519, 239, 183, 67, 93, "CỘNG"),
    (1, 1, 1, 1723, 239, 121, 55, 86, "SẢN"),
    (1, 1, 1, 1861, 238, 152, 67, 97, "VIỆT"),
    (1, 1, 1, 2029, 251, 148, 42, 97, "NAM"),
    (2, 1, 1, 358, 309, 169, 50, 90, "ĐẢNG"),
    (2, 1, 1, 544, 309, 82, 50, 93, "ỦY"),
    (2, 1, 1, 642, 305, 157, 53, 93, "KHỐI"),
    (2, 1, 1, 818, 319, 35, 39, 93, "CƠ"),
    (2, 1, 1, 966, 318, 122, 40, 92, "QUAN"),
    (2, 1, 1, 1105, 307, 82, 51, 96, "VÀ"),
    (2, 1, 1, 1365, 355, 2, 2, 86, "|"),
    (2, 1, 2, 460, 384, 216, 43, 90, "DOANH"),
    (2, 1, "2r0.2", 818, 315, 86, 44, 93, "CƠ"),
    (2, 1, "2r0.3", 692, 374, 229, 63, 93, "NGHIỆP"),
    (2, 1, "2r0.3", 936, 375, 148, 51, 91, "TỈNH"),
    (2, 1, 2, 1280, 355, 154, 52, 96, "Quảng"),
    (2, 1, 2, 1452, 355, 124, 54, 96, "Ngãi,"),
    (2, 1, 2, 1595, 353, 111, 53, 97, "ngày"),
    (2, 1, 2, 1721, 354, 60, 40, 89, "27"),
    (2, 1, 2, 1796, 353, 129, 52, 96, "tháng"),
    (2, 1, 2, 1942, 355, 27, 39, 97, "5"),
    (2, 1, 2, 1987, 352, 96, 42, 97, "năm"),
    (2, 1, 2, 2100, 353, 117, 41, 96, "2026"),
    (3, 1, 1, 761, 454, 24, 22, 26, "zk"),
    (4, 1, 1, 586, 516, 57, 44, 93, "Số"),
    (4, 1, 1, 664, 519, 299, 49, 87, "17-NQ/ĐUK"),
    (4, 1, 1, 970, 484, 38, 88, 68, "_"),
]
ISSUER_REREAD_200 = [
    (1, 1, 1, 481, 239, 201, 60, 96, "HUYỆN"),
    (1, 1, 1, 699, 241, 81, 50, 96, "ỦY"),
    (1, 1, 1, 800, 249, 112, 42, 93, "SƠN"),
    (1, 1, 1, 929, 251, 136, 48, 91, "TỊNH"),
    (1, 1, 1, 1318, 240, 182, 55, 89, "ĐẢNG"),
    (1, 1, 1, 1519, 239, 183, 67, 93, "CỘNG"),
    (1, 1, 1, 1723, 239, 121, 55, 92, "SẢN"),
    (1, 1, 1, 1861, 238, 152, 67, 95, "VIỆT"),
    (1, 1, 1, 2030, 251, 147, 42, 97, "NAM"),
    (2, 1, 1, 355, 309, 68, 49, 81, "ĐẢNG"),
    (2, 1, 1, 558, 309, 11, 8, 96, "ỦY"),
    (2, 1, 1, 639, 319, 83, 39, 97, "THỊ"),
    (2, 1, 1, 761, 306, 217, 52, 93, "TRẤN"),
    (2, 1, 1, 1040, 318, 48, 39, 93, "TỊNH"),
    (2, 1, 1, 1162, 307, 12, 10, 97, "HÀ"),
    (2, 1, 1, 1602, 352, 10, 9, 42, "_"),
    (2, 1, 1, 1793, 352, 13, 9, 51, ":"),
    (2, 1, "2r0.1", 386, 309, 138, 52, 68, "ẢNG"),
    (2, 1, "2r0.1", 541, 297, 84, 62, 97, "ỦY"),
    (2, 1, "2r0.2", 762, 386, 23, 22, 53, "+"),
    (2, 1, 2, 980, 318, 63, 51, 65, "ỊN"),
    (2, 1, 2, 1104, 319, 86, 76, 36, "ru"),
    (2, 1, 2, 1245, 388, 2, 2, 75, "_"),
    (2, 1, 2, 1313, 354, 102, 49, 97, "Tịnh"),
    (2, 1, 2, 1432, 353, 82, 49, 97, "Hà,"),
    (2, 1, 2, 1533, 366, 112, 42, 97, "ngày"),
    (2, 1, 2, 1659, 355, 58, 39, 97, "22"),
    (2, 1, 2, 1735, 352, 128, 54, 96, "tháng"),
    (2, 1, 2, 1882, 353, 49, 41, 97, "01"),
    (2, 1, 2, 1955, 354, 96, 41, 96, "năm"),
    (2, 1, 2, 2067, 354, 117, 40, 96, "2026"),
    (3, 1, 1, 612, 450, 57, 43, 92, "Số"),
    (3, 1, 1, 690, 453, 245, 41, 89, "18-TB/ĐU"),
    (5, 1, 1, 1123, 584, 245, 59, 93, "THÔNG"),
    (5, 1, 1, 1388, 583, 139, 59, 91, "BÁO"),
    (5, 1, 2, 410, 670, 123, 44, 90, "danh"),
    (5, 1, 2, 550, 682, 104, 39, 97, "mục"),
    (5, 1, 2, 671, 669, 89, 42, 96, "văn"),
    (5, 1, 2, 775, 669, 94, 43, 96, "bản"),
    (5, 1, 2, 886, 670, 85, 41, 96, "của"),
    (5, 1, 2, 986, 672, 159, 51, 96, "Trung"),
    (5, 1, 2, 1161, 675, 127, 48, 95, "ương"),
    (5, 1, 2, 1305, 666, 84, 44, 96, "cần"),
    (5, 1, 2, 1406, 666, 91, 55, 97, "tiếp"),
    (5, 1, 2, 1514, 676, 76, 44, 96, "tục"),
    (5, 1, 2, 1607, 668, 110, 52, 97, "thực"),
    (5, 1, 2, 1733, 667, 107, 53, 97, "hiện"),
    (5, 1, 2, 1855, 676, 135, 46, 96, "trong"),
    (5, 1, 2, 2007, 666, 108, 43, 90, "nắm"),
    (5, 1, 2, 2132, 668, 113, 42, 96, "2026"),
    (5, 1, 3, 472, 767, 119, 52, 97, "Thực"),
    (5, 1, 3, 610, 767, 99, 50, 96, "hiện"),
    (5, 1, 3, 728, 766, 66, 43, 97, "chỉ"),
    (5, 1, 3, 816, 767, 81, 51, 96, "đạo"),
    (5, 1, 3, 917, 767, 78, 41, 97, "của"),
    (5, 1, 3, 1014, 768, 92, 40, 97, "Ban"),
    (5, 1, 3, 1124, 766, 183, 54, 96, "Thường"),
    (5, 1, 3, 1325, 779, 57, 37, 97, "vụ"),
    (5, 1, 3, 1402, 766, 152, 52, 97, "Huyện"),
    (5, 1, 3, 1573, 766, 68, 53, 96, "ủy,"),
    (5, 1, 3, 1663, 767, 124, 51, 96, "Đảng"),
    (5, 1, 3, 1805, 765, 58, 54, 97, "ủy"),
    (5, 1, 3, 1881, 764, 56, 51, 96, "thị"),
    (5, 1, 3, 1958, 764, 89, 43, 97, "trấn"),
    (5, 1, 3, 2066, 765, 130, 53, 96, "thông"),
    (5, 1, 3, 2214, 764, 82, 42, 97, "báo"),
    (5, 1, 4, 355, 843, 111, 41, 97, "danh"),
    (5, 1, 4, 487, 855, 97, 38, 97, "mục"),
    (5, 1, 4, 606, 843, 83, 40, 97, "văn"),
    (5, 1, 4, 710, 843, 82, 41, 97, "bản"),
    (5, 1, 4, 815, 842, 78, 42, 96, "của"),
    (5, 1, 4, 914, 844, 141, 50, 96, "Trung"),
    (5, 1, 4, 1076, 849, 119, 45, 96, "ương"),
    (5, 1, 4, 1216, 841, 69, 42, 97, "mà"),
    (5, 1, 4, 1308, 841, 74, 41, 97, "các"),
    (5, 1, 4, 1405, 841, 67, 42, 66, "chỉ"),
    (5, 1, 4, 1493, 840, 56, 51, 96, "bộ"),
    (5, 1, 4, 1573, 840, 78, 42, 96, "cần"),
    (5, 1, 4, 1672, 839, 85, 55, 97, "tiếp"),
    (5, 1, 4, 1779, 848, 68, 42, 97, "tục"),
    (5, 1, 4, 1870, 841, 81, 49, 97, "học"),
    (5, 1, 4, 1973, 840, 81, 54, 97, "tập,"),
    (5, 1, 4, 2078, 840, 100, 50, 96, "thực"),
    (5, 1, 4, 2200, 839, 99, 51, 96, "hiện"),
    (5, 1, 5, 354, 918, 91, 41, 96, "như"),
    (5, 1, 5, 459, 930, 88, 29, 97, "sau:"),
]
# Set 2's composed mid-term report at 200 dpi: the issuer read "THỊ ỦY" and again "ILỦY ĐỨC PHỔ".
ISSUER_TWICE_200 = [
    (1, 1, 1, 372, 342, 165, 50, 92, "ĐẢNG"),
    (1, 1, 1, 555, 340, 77, 60, 93, "BỘ"),
    (1, 1, 1, 650, 341, 137, 52, 92, "TỈNH"),
    (1, 1, 1, 805, 340, 367, 60, 82, "QUẢNGNGÃI"),
    (1, 1, 1, 1245, 388, 2, 2, 40, "ˆ"),
    (1, 1, 1, 1318, 341, 181, 54, 88, "ĐẢNG"),
    (1, 1, 1, 1519, 340, 183, 66, 93, "CỘNG"),
    (1, 1, 1, 1722, 339, 121, 56, 92, "SẢN"),
    (1, 1, 1, 1861, 339, 151, 66, 97, "VIỆT"),
    (1, 1, 1, 2029, 349, 147, 45, 97, "NAM"),
    (3, 1, 1, 613, 409, 65, 49, 72, "ILỦY"),
    (3, 1, 1, 748, 408, 74, 50, 93, "ĐỨC"),
    (3, 1, 1, 893, 406, 117, 53, 90, "PHỔ"),
    (3, 1, 1, 1521, 452, 7, 6, 7, "k"),
    (3, 1, "2r0.1", 638, 381, 17, 23, 0, "th"),
    (3, 1, "2r0.2", 528, 419, 104, 50, 96, "THỊ"),
    (3, 1, "2r0.2", 650, 409, 82, 50, 96, "ỦY"),
    (3, 1, "2r0.3", 761, 487, 23, 22, 71, "+%"),
    (3, 1, 2, 1316, 454, 100, 63, 94, "Đức"),
    (3, 1, 2, 1431, 453, 105, 50, 77, "Phổ,"),
    (3, 1, 2, 1556, 453, 112, 54, 97, "ngày"),
    (3, 1, 2, 1682, 455, 51, 40, 97, "31"),
    (3, 1, 2, 1758, 453, 129, 54, 97, "tháng"),
    (3, 1, 2, 1906, 455, 28, 38, 95, "7"),
    (3, 1, 2, 1949, 454, 95, 40, 97, "năm"),
    (3, 1, 2, 2062, 454, 116, 40, 97, "2022"),
    (3, 1, 3, 643, 550, 57, 43, 93, "Số"),
    (3, 1, 3, 718, 552, 187, 41, 91, "-BC/TU"),
]
LEFT_COLUMNS = [
    (ISSUER_200, ["ĐẢNG BỘ TỈNH QUẢNG NGÃI", "ĐẢNG ỦY KHỐI CƠ QUAN VÀ", "DOANH NGHIỆP TỈNH"]),
    (ISSUER_REREAD_200, ["HUYỆN ỦY SƠN TỊNH", "ĐẢNG ỦY THỊ TRẤN TỊNH HÀ"]),
    (ISSUER_TWICE_200, ["ĐẢNG BỘ TỈNH QUẢNGNGÃI ˆ ĐẢNG CỘNG SẢN VIỆT NAM", "THỊ ỦY ĐỨC PHỔ"]),
]


def test_left_column_one_line_per_printed_line() -> None:
    for words, expected in LEFT_COLUMNS:
        lines = header_columns(tsv_lines(words_tsv(words)), 2481)
        assert [line.text for line in lines][: len(expected)] == expected


def test_issuer_read_twice_is_read_once() -> None:
    document, _texts = document_from_pages([word_page(ISSUER_REREAD_200)], "quet.pdf", "pdf")
    data = to_json(extract(document))
    assert (data["issuer"], data["number"], data["kind"]) == (
        "ĐẢNG ỦY THỊ TRẤN TỊNH HÀ",
        "18-TB/ĐU",
        "THÔNG BÁO",
    )


# Set 8's báo cáo at 200 dpi, down to the text's first lines: the summary read before the kind.
SUMMARY_FIRST_200 = [
    (1, 1, 1, 519, 240, 211, 77, 95, "HUYỆN"),
    (1, 1, 1, 748, 240, 81, 76, 97, "ỦY"),
    (1, 1, 1, 847, 250, 78, 41, 93, "BA"),
    (1, 1, 1, 941, 248, 91, 69, 76, "TƠ."),
    (1, 1, 1, 1318, 240, 182, 55, 45, "ĐẢNG"),
    (1, 1, 1, 1519, 239, 183, 67, 93, "CỘNG"),
    (1, 1, 1, 1723, 239, 121, 55, 92, "SẢN"),
    (1, 1, 1, 1861, 238, 152, 67, 96, "VIỆT"),
    (1, 1, 1, 2029, 251, 148, 42, 97, "NAM"),
    (1, 1, 2, 459, 318, 171, 41, 94, "ĐANG"),
    (1, 1, 2, 647, 319, 82, 39, 93, "UY"),
    (1, 1, 2, 745, 318, 83, 40, 86, "XA"),
    (1, 1, 2, 844, 318, 80, 40, 93, "BA"),
    (1, 1, 2, 940, 318, 144, 40, 91, "ĐIEN"),
    (2, 1, 1, 762, 386, 23, 22, 24, "-"),
    (2, 1, 1, 1146, 388, 101, 7, 23, "——_"),
    (2, 1, 1, 1324, 355, 62, 40, 97, "Ba"),
    (2, 1, 1, 1404, 351, 124, 52, 96, "Điền,"),
    (2, 1, 1, 1547, 352, 113, 56, 97, "ngày"),
    (2, 1, 1, 1676, 355, 56, 40, 97, "18"),
    (2, 1, 1, 1749, 352, 129, 54, 96, "tháng"),
    (2, 1, 1, 1896, 354, 28, 39, 97, "6"),
    (2, 1, 1, 1940, 353, 96, 42, 97, "năm"),
    (2, 1, 1, 2053, 354, 117, 40, 96, "2026"),
    (4, 1, 1, 610, 450, 57, 43, 93, "Số"),
    (4, 1, 1, 686, 453, 251, 41, 52, "52-BC/ĐU"),
    (5, 1, 1, 463, 668, 78, 43, 97, "kết"),
    (5, 1, 1, 558, 671, 90, 53, 96, "quả"),
    (5, 1, 1, 665, 670, 110, 53, 97, "thực"),
    (5, 1, 1, 791, 669, 106, 53, 96, "hiện"),
    (5, 1, 1, 914, 669, 78, 42, 97, "các"),
    (5, 1, 1, 1009, 668, 89, 43, 97, "văn"),
    (5, 1, 1, 1114, 669, 93, 44, 97, "bản"),
    (5, 1, 1, 1224, 670, 85, 43, 97, "của"),
    (5, 1, 1, 1323, 670, 160, 51, 96, "Trung"),
    (5, 1, 1, 1498, 675, 128, 46, 97, "ương"),
    (5, 1, 1, 1643, 669, 26, 40, 97, "6"),
    (5, 1, 1, 1686, 667, 141, 55, 97, "tháng"),
    (5, 1, 1, 1844, 666, 90, 46, 97, "đầu"),
    (5, 1, 1, 1952, 667, 109, 42, 97, "năm"),
    (5, 1, 1, 2077, 668, 114, 41, 97, "2026"),
    (6, 1, 1, 1174, 585, 139, 58, 91, "BÁO"),
    (6, 1, 1, 1336, 584, 143, 59, 96, "CÁO"),
    (7, 1, 1, 472, 769, 39, 39, 93, "I-"),
    (7, 1, 1, 528, 755, 123, 54, 93, "KẾT"),
    (7, 1, 1, 668, 757, 126, 61, 92, "QUẢ"),
    (7, 1, 1, 810, 765, 168, 54, 92, "THỰC"),
    (7, 1, 1, 998, 756, 147, 63, 91, "HIỆN"),
    (8, 1, 1, 475, 868, 83, 41, 97, "Sáu"),
    (8, 1, 1, 581, 867, 127, 54, 97, "tháng"),
    (8, 1, 1, 732, 865, 81, 45, 97, "đầu"),
    (8, 1, 1, 836, 868, 98, 41, 96, "năm"),
    (8, 1, 1, 958, 868, 126, 48, 97, "2026,"),
    (8, 1, 1, 1109, 869, 124, 51, 96, "Đảng"),
    (8, 1, 1, 1256, 867, 57, 54, 97, "ủy"),
    (8, 1, 1, 1334, 868, 54, 40, 96, "xã"),
    (8, 1, 1, 1411, 867, 68, 53, 97, "tập"),
    (8, 1, 1, 1503, 874, 121, 46, 96, "trung"),
    (8, 1, 1, 1647, 866, 98, 41, 96, "lãnh"),
    (8, 1, 1, 1769, 865, 81, 51, 97, "đạo"),
    (8, 1, 1, 1873, 865, 100, 50, 97, "thực"),
    (8, 1, 1, 1996, 865, 99, 50, 97, "hiện"),
    (8, 1, 1, 2119, 866, 73, 41, 97, "các"),
    (8, 1, 1, 2215, 864, 84, 42, 96, "văn"),
    (9, 1, 1, 353, 943, 84, 42, 97, "bản"),
    (9, 1, 1, 455, 943, 78, 41, 97, "của"),
    (9, 1, 1, 548, 945, 142, 51, 97, "Trung"),
    (9, 1, 1, 705, 949, 133, 47, 61, "ương;"),
    (9, 1, 1, 857, 940, 72, 44, 97, "kết"),
    (9, 1, 1, 944, 944, 82, 52, 97, "quả"),
    (9, 1, 1, 1042, 955, 54, 37, 96, "cụ"),
    (9, 1, 1, 1111, 939, 71, 45, 96, "thể"),
    (9, 1, 1, 1198, 942, 90, 41, 97, "như"),
    (9, 1, 1, 1303, 954, 88, 31, 97, "sau:"),
]


def test_kind_before_its_summary() -> None:
    document, texts = document_from_pages([word_page(SUMMARY_FIRST_200)], "quet.pdf", "pdf")
    lines = texts[0].split("\n")
    assert lines.index("BÁO CÁO") + 1 == lines.index(
        "kết quả thực hiện các văn bản của Trung ương 6 tháng đầu năm 2026"
    )
    assert to_json(extract(document))["title"] == (
        "BÁO CÁO kết quả thực hiện các văn bản của Trung ương 6 tháng đầu năm 2026"
    )


# The date word before a year read with another tone (summaries as Tesseract read them at 200
# dpi: set 4's thông báo, set 5's nghị quyết, set 7's kế hoạch).
YEAR_WORDS = [
    (
        "danh mục văn bản của Trung ương cần tiếp tục thực hiện trong nắm 2026",
        "danh mục văn bản của Trung ương cần tiếp tục thực hiện trong năm 2026",
    ),
    (
        "về lãnh đạo thực hiện nhiệm vụ chính trị quý II nấm 2026",
        "về lãnh đạo thực hiện nhiệm vụ chính trị quý II năm 2026",
    ),
    ("trong Đảng bộ huyện nắm 2027", "trong Đảng bộ huyện năm 2027"),
    ("Đảng Cộng sản Việt Nam 2026", "Đảng Cộng sản Việt Nam 2026"),  # not a date word
    ("nhóm 2026", "nhóm 2026"),  # not one of its spellings
]


def test_date_word_before_a_year() -> None:
    for read, expected in YEAR_WORDS:
        assert repair_ocr_text(read) == expected, read


# Set 8's thông báo at 300 dpi, a line of the text: "%" read at confidence 93 after "100".
PERCENT_300 = [
    (6, 8, 2, 361, 2488, 81, 40, 93, "100"),
    (6, 8, 2, 461, 2488, 44, 40, 93, "%"),
    (6, 8, 2, 524, 2486, 68, 41, 71, "chỉ"),
    (6, 8, 2, 607, 2486, 56, 50, 97, "bộ"),
    (6, 8, 2, 680, 2493, 92, 43, 97, "trực"),
    (6, 8, 2, 788, 2485, 128, 51, 97, "thuộc"),
    (6, 8, 2, 933, 2484, 42, 43, 97, "tổ"),
    (6, 8, 2, 994, 2484, 109, 43, 97, "chức"),
    (6, 8, 2, 1121, 2485, 110, 55, 97, "quán"),
    (6, 8, 2, 1248, 2485, 93, 50, 97, "triệt"),
    (6, 8, 2, 1358, 2483, 81, 44, 97, "đến"),
    (6, 8, 2, 1456, 2485, 111, 53, 97, "đảng"),
    (6, 8, 2, 1582, 2484, 112, 42, 96, "viên."),
]


def test_percent_after_a_number_is_no_speck() -> None:
    assert [line.text for line in tsv_lines(words_tsv(PERCENT_300))] == [
        "100 % chỉ bộ trực thuộc tổ chức quán triệt đến đảng viên."
    ]
    # a lone mark not after a number is still dirt
    words = [word for word in PERCENT_300 if word[-1] != "100"]
    assert tsv_lines(words_tsv(words))[0].text.startswith("chỉ bộ")


# A quarter's Roman numeral read with a mark, and an apostrophe read from a speck before a word
# (summaries and lines as Tesseract read them: seed 001 and set 2 at 300 dpi, set 7's biên bản).
NUMERALS_AND_QUOTES = [
    (
        "tình hình công tác quý ï; nhiệm vụ trọng tâm quý II năm 2024",
        "tình hình công tác quý I; nhiệm vụ trọng tâm quý II năm 2024",
    ),
    (
        "kết quả thực hiện các chỉ thị, kết luận của 'Trung ương quý I năm 2024",
        "kết quả thực hiện các chỉ thị, kết luận của Trung ương quý I năm 2024",
    ),
    ("báo cáo kết quả về Ban 'Tổ chức Tỉnh ủy", "báo cáo kết quả về Ban Tổ chức Tỉnh ủy"),
    ("quý 1 năm 2024", "quý 1 năm 2024"),  # a quarter in digits stays
    ("gọi là 'Trung ương' ở đây", "gọi là 'Trung ương' ở đây"),  # a quotation stays
]


def test_quarter_numerals_and_stray_quotes() -> None:
    for read, expected in NUMERALS_AND_QUOTES:
        assert repair_ocr_text(read) == expected, read
