"""Body lines in print order where Tesseract's blocks are not (issue 12, OCR, tenth round):
``capuy.read.ocr_print_order``.

The words are Tesseract's own (TSV: block, paragraph, line, left, top, width, height, confidence,
text) for parts of two development pages, rasterised by ``benchmarks/bench_ocr.py`` and read on
4 December 2026: held-out set 8's báo cáo, page 2 at 300 dpi (the section under the table read
after the closing's recipients), and set 5's chương trình, page 1 at 200 dpi (a title's wrapped
last line read after the section under it).
"""

from __future__ import annotations

import pytest

from capuy.read.ocr_layout import tsv_lines
from capuy.read.ocr_print_order import in_print_order
from tests.ocr_pages import words_tsv


def _texts(words: list[tuple[object, ...]], ordered: bool) -> list[str]:
    lines = tsv_lines(words_tsv(words))
    return [line.text for line in (in_print_order(lines) if ordered else lines)]


# Set 8's báo cáo, page 2 at 300 dpi, below its table: Tesseract made a block of the indented
# heading and the first line under it, and read it after "Nơi nhận:" and its list.
SECTION_AFTER_TABLE = [
    (18, 1, 1, 356, 733, 70, 40, 97, "tra,"),
    (18, 1, 1, 447, 724, 113, 53, 55, "giám"),
    (18, 1, 1, 578, 724, 62, 41, 96, "sát"),
    (18, 1, 1, 656, 724, 95, 50, 97, "việc"),
    (18, 1, 1, 768, 724, 96, 50, 97, "thực"),
    (18, 1, 1, 884, 724, 94, 50, 97, "hiện"),
    (18, 1, 1, 1002, 724, 29, 41, 97, "ở"),
    (18, 1, 1, 1047, 724, 74, 41, 97, "các"),
    (18, 1, 1, 1139, 723, 68, 44, 85, "chị"),
    (18, 1, 1, 1223, 723, 70, 51, 97, "bộ."),
    (19, 1, 1, 357, 921, 84, 40, 96, "Nơi"),
    (19, 1, 1, 459, 919, 124, 42, 96, "nhân:"),
    (20, 1, 1, 356, 1006, 13, 4, 93, "-"),
    (20, 1, 1, 385, 986, 77, 36, 89, "Bạn"),
    (20, 1, 1, 477, 984, 158, 46, 96, "Thường"),
    (20, 1, 1, 648, 996, 48, 31, 97, "vụ"),
    (20, 1, 1, 713, 983, 129, 46, 96, "Huyện"),
    (20, 1, 1, 857, 984, 48, 46, 93, "ủy"),
    (20, 1, 1, 921, 984, 101, 45, 90, "(b/c),"),
    (21, 1, 1, 353, 1063, 16, 4, 93, "-"),
    (21, 1, 1, 385, 1043, 79, 33, 97, "Lưu"),
    (21, 1, 1, 480, 1042, 81, 41, 97, "Văn"),
    (21, 1, 1, 575, 1041, 122, 46, 97, "phòng"),
    (21, 1, 1, 713, 1042, 105, 44, 95, "Đảng"),
    (21, 1, 1, 834, 1041, 57, 47, 97, "ủy."),
    (22, 1, 1, 473, 551, 62, 39, 90, "II-"),
    (22, 1, 1, 553, 546, 256, 44, 96, "PHƯƠNG"),
    (22, 1, 1, 826, 540, 222, 50, 96, "HƯỚNG"),
    (22, 1, 1, 1067, 551, 25, 40, 93, "6"),
    (22, 1, 1, 1109, 539, 213, 51, 91, "THÁNG"),
    (22, 1, 1, 1341, 537, 147, 53, 90, "CUỐI"),
    (22, 1, 1, 1505, 538, 137, 53, 96, "NĂM"),
    (23, 1, 1, 472, 648, 104, 55, 97, "Tiếp"),
    (23, 1, 1, 596, 657, 68, 42, 97, "tục"),
    (23, 1, 1, 684, 649, 110, 53, 97, "quán"),
    (23, 1, 1, 813, 649, 104, 50, 96, "triệt,"),
    (23, 1, 1, 938, 662, 52, 37, 97, "cụ"),
    (23, 1, 1, 1009, 647, 70, 43, 93, "thể"),
    (23, 1, 1, 1096, 649, 83, 41, 97, "hóa"),
    (23, 1, 1, 1198, 648, 74, 42, 97, "các"),
    (23, 1, 1, 1290, 649, 83, 41, 97, "văn"),
    (23, 1, 1, 1392, 648, 82, 42, 97, "bản"),
    (23, 1, 1, 1493, 648, 78, 44, 97, "của"),
    (23, 1, 1, 1589, 650, 140, 52, 96, "Trung"),
    (23, 1, 1, 1749, 655, 131, 47, 97, "ương;"),
    (23, 1, 1, 1901, 648, 100, 53, 97, "tăng"),
    (23, 1, 1, 2020, 648, 144, 53, 96, "cường"),
    (23, 1, 1, 2182, 646, 114, 43, 97, "kiểm"),
    (24, 1, 1, 1582, 920, 108, 40, 92, "T/M"),
    (24, 1, 1, 1707, 909, 169, 75, 59, "ĐẢNG"),
    (24, 1, 1, 1893, 908, 83, 52, 97, "ỦY"),
    (24, 1, 2, 1676, 987, 59, 40, 92, "BÍ"),
    (24, 1, 2, 1753, 984, 129, 44, 92, "THƯ"),
    (25, 1, 1, 1580, 1302, 143, 53, 97, "Phạm"),
    (25, 1, 1, 1739, 1302, 104, 42, 97, "Văn"),
    (25, 1, 1, 1858, 1293, 121, 50, 90, "Đỉnh"),
]

# Set 5's chương trình, page 1 at 200 dpi: the title's last line "2026" (centred, narrow) read
# after "I- NỘI DUNG VÀ THỜI GIAN"; it overlaps the paragraph's full lines, not the heading.
TITLE_TAIL = [
    (5, 1, 1, 1062, 544, 251, 102, 93, "CHƯƠN"),
    (5, 1, 1, 1315, 598, 47, 45, 93, "G"),
    (5, 1, 1, 1381, 580, 217, 66, 97, "TRÌNH"),
    (6, 1, 1, 356, 667, 121, 46, 97, "kiểm"),
    (6, 1, 1, 494, 676, 85, 43, 97, "tra,"),
    (6, 1, 1, 597, 664, 121, 58, 97, "giám"),
    (6, 1, 1, 735, 668, 70, 43, 97, "sát"),
    (6, 1, 1, 821, 668, 95, 53, 97, "việc"),
    (6, 1, 1, 933, 668, 110, 53, 97, "thực"),
    (6, 1, 1, 1060, 668, 105, 53, 97, "hiện"),
    (6, 1, 1, 1181, 669, 79, 41, 96, "các"),
    (6, 1, 1, 1277, 668, 89, 43, 97, "văn"),
    (6, 1, 1, 1382, 669, 93, 43, 97, "bản"),
    (6, 1, 1, 1491, 665, 86, 45, 97, "của"),
    (6, 1, 1, 1593, 670, 160, 53, 84, "Trưng"),
    (6, 1, 1, 1767, 673, 127, 51, 96, "ương"),
    (6, 1, 1, 1910, 668, 89, 54, 97, "giai"),
    (6, 1, 1, 2016, 668, 120, 53, 97, "đoạn"),
    (6, 1, 1, 2154, 637, 112, 73, 97, "2025"),
    (6, 1, 1, 2285, 693, 15, 6, 56, "“"),
    (7, 1, 1, 436, 814, 231, 72, 24, "_I-MỤC"),
    (7, 1, 1, 685, 823, 163, 60, 86, "ĐÍCH,"),
    (7, 1, 1, 866, 824, 120, 51, 93, "YÊU"),
    (7, 1, 1, 1005, 822, 123, 54, 91, "CẦU"),
    (7, 1, 2, 474, 932, 128, 44, 96, "Kiểm"),
    (7, 1, 2, 624, 943, 73, 41, 97, "tra,"),
    (7, 1, 2, 725, 934, 113, 53, 97, "giám"),
    (7, 1, 2, 862, 934, 62, 42, 97, "sát"),
    (7, 1, 2, 947, 932, 128, 44, 97, "nhằm"),
    (7, 1, 2, 1099, 930, 111, 46, 97, "đánh"),
    (7, 1, 2, 1233, 934, 70, 53, 97, "giá"),
    (7, 1, 2, 1327, 933, 114, 55, 97, "đúng"),
    (7, 1, 2, 1464, 932, 71, 44, 97, "kết"),
    (7, 1, 2, 1559, 936, 82, 51, 97, "quả"),
    (7, 1, 2, 1663, 934, 102, 57, 97, "thực"),
    (7, 1, 2, 1787, 935, 98, 50, 97, "hiện"),
    (7, 1, 2, 1911, 935, 73, 41, 97, "các"),
    (7, 1, 2, 2008, 934, 82, 42, 97, "văn"),
    (7, 1, 2, 2113, 933, 93, 43, 92, "bản:"),
    (7, 1, 2, 2221, 934, 78, 42, 97, "của"),
    (7, 1, 3, 355, 1011, 141, 52, 96, "Trung"),
    (7, 1, 3, 520, 1017, 118, 46, 97, "ương"),
    (7, 1, 3, 662, 1011, 53, 49, 96, "tại"),
    (7, 1, 3, 742, 1009, 77, 44, 96, "các"),
    (7, 1, 3, 841, 1008, 43, 43, 96, "tổ"),
    (7, 1, 3, 909, 1009, 109, 75, 97, "chức"),
    (7, 1, 3, 1043, 1017, 56, 34, 97, "CƠ"),
    (7, 1, 3, 1121, 1010, 53, 41, 97, "SỞ"),
    (7, 1, 3, 1196, 1010, 124, 96, 84, "đảng,"),
    (7, 1, 3, 1347, 1009, 72, 54, 97, "kịp"),
    (7, 1, 3, 1443, 1009, 88, 43, 97, "thời"),
    (7, 1, 3, 1557, 1009, 99, 54, 93, "phát"),
    (7, 1, 3, 1679, 1008, 244, 52, 92, "hiện,.chấn"),
    (7, 1, 3, 1945, 1009, 130, 42, 97, "chỉnh"),
    (7, 1, 3, 2098, 1009, 83, 51, 97, "hạn"),
    (7, 1, 3, 2204, 1007, 91, 51, 97, "chế,"),
    (7, 1, 4, 356, 1082, 114, 44, 97, "thiếu"),
    (7, 1, 4, 487, 1085, 77, 44, 97, "sót."),
    (8, 1, 1, 473, 1185, 63, 41, 91, "I-"),
    (8, 1, 1, 552, 1173, 108, 62, 91, "NỘI"),
    (8, 1, 1, 677, 1185, 171, 40, 91, "DUNG"),
    (8, 1, 1, 864, 1174, 82, 51, 93, "VÀ"),
    (8, 1, 1, 963, 1174, 149, 51, 91, "THỜI"),
    (8, 1, 1, 1132, 1152, 148, 73, 96, "GIAN"),
    (9, 1, 1, 1270, 737, 116, 41, 97, "2026"),
]

CASES = [
    (
        SECTION_AFTER_TABLE,
        [
            "II- PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM",
            "Tiếp tục quán triệt, cụ thể hóa các văn bản của Trung ương; tăng cường kiểm",
            "tra, giám sát việc thực hiện ở các chị bộ.",
            "Nơi nhân:",
            "- Bạn Thường vụ Huyện ủy (b/c),",
            "- Lưu Văn phòng Đảng ủy.",
            "T/M ĐẢNG ỦY",
            "BÍ THƯ",
            "Phạm Văn Đỉnh",
        ],
    ),
]


@pytest.mark.parametrize(("words", "printed"), CASES)
def test_an_indented_block_read_late_goes_back_above_the_lines_under_it(
    words: list[tuple[object, ...]], printed: list[str]
) -> None:
    assert _texts(words, ordered=False) != printed  # Tesseract's own order is not print order
    assert _texts(words, ordered=True) == printed


def test_a_title_tail_goes_above_a_heading_it_does_not_overlap() -> None:
    read = _texts(TITLE_TAIL, ordered=False)
    assert read.index("2026") > read.index("I- NỘI DUNG VÀ THỜI GIAN")
    ordered = _texts(TITLE_TAIL, ordered=True)
    tail = ordered.index("2026")
    assert ordered[tail - 1].endswith("giai đoạn 2025")  # the title's line it wraps from
    assert ordered[tail + 1] == "ĐÍCH, YÊU CẦU"
    assert ordered.index("I- NỘI DUNG VÀ THỜI GIAN") == len(ordered) - 1


def test_lines_side_by_side_keep_tesseracts_column_order() -> None:
    """The signature's capacity (right column, level with "Nơi nhận:") overlaps no recipient's
    line: it is not moved in among them (closing_columns orders the two columns)."""
    closing = [w for w in SECTION_AFTER_TABLE if w[4] >= 900]
    assert _texts(closing, ordered=True) == _texts(closing, ordered=False)
