"""Reading order of scanned pages (issue 12): the header's two columns read one after the other,
and a table read cell by cell, row by row, as the document holds them — not line by line across
the page, which puts a wrapped cell's pieces ("Đảng ủy" / "phường" / "Phổ Văn") among the next
row's numbers.

The rasterised test is real: a report with a long two-line issuer, a place and date wrapped
before its year and a table whose first column wraps, laid out by ``capuy convert``, printed by
LibreOffice, rasterised at 300 dpi, cropped to the header and the table and read by Tesseract
once for the module. The geometry tests feed lines as Tesseract gives them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from capuy.read.ocr_order import header_columns, table_cells, table_rows
from capuy.text import search_key
from tests.ocr_pages import needs_tesseract, scanned_page

SOURCE = """---
superior: THỊ ỦY ĐỨC PHỔ
issuer: ĐẢNG ỦY PHƯỜNG NGUYỄN NGHIÊM
issuer_code: ĐU
number: 112
place: Nguyễn Nghiêm
date: '2025-12-15'
kind: BÁO CÁO
summary: kết quả phát triển đảng viên năm 2025
draft: false
---

# I- KẾT QUẢ

| Tổ chức đảng | Kết nạp | Công nhận chính thức | Xóa tên | Cho ra khỏi Đảng |
|---|---|---|---|---|
| Đảng ủy phường Phổ Văn | 14 | 23 | 31 | 42 |
| Đảng ủy xã Phổ Châu | 15 | 26 | 37 | 48 |
| Đảng ủy xã Phổ Khánh | 51 | 62 | 73 | 84 |

Đã nhận 03/03 báo cáo của các tổ chức đảng trực thuộc.
"""
ROWS = [  # a row's first cell, then its numbers, in the document's order
    ("dang uy phuong pho van", ["14", "23", "31", "42"]),
    ("dang uy xa pho chau", ["15", "26", "37", "48"]),
    ("dang uy xa pho khanh", ["51", "62", "73", "84"]),
]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The report's page 1 as printed, at 300 dpi, cropped in the blank below the table, read by
    Tesseract."""
    return scanned_page(SOURCE, tmp_path_factory.mktemp("bang"), 0.475)


def _words(doc) -> str:  # type: ignore[no-untyped-def]
    """The document's text without marks or case (a tone Tesseract slips on is not the point)."""
    return " ".join(search_key(" ".join(doc.lines)).split())


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
def test_a_table_is_read_cell_by_cell_row_by_row(scanned) -> None:  # type: ignore[no-untyped-def]
    """Each row's first cell whole ("Đảng ủy" "phường" "Phổ Văn" read as three lines), then its
    numbers, then the next row: in the text read, in this order (a number Tesseract misreads
    is not the point: the row's first and last numbers are looked for)."""
    words = _words(scanned).split()
    position = 0
    for cell, numbers in ROWS:
        whole = cell.split()
        starts = [i for i in range(position, len(words)) if words[i : i + len(whole)] == whole]
        assert starts, f"{cell!r} not read whole after word {position}: {words[position:]}"
        after = starts[0] + len(whole)
        assert words[after] == numbers[0]  # the row's numbers right after its first cell
        position = words.index(numbers[-1], after) + 1


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
def test_a_scanned_header_with_wrapped_issuer_and_date(scanned) -> None:  # type: ignore[no-untyped-def]
    from capuy.extract import extract

    header = extract(scanned).header
    assert search_key(header.issuer) == "dang uy phuong nguyen nghiem"
    assert (header.symbol, header.date, header.kind) == ("112-BC/ĐU", date(2025, 12, 15), "BÁO CÁO")
    text = _words(scanned)
    assert text.index("dang uy phuong nguyen nghiem") < text.index("dang cong san viet nam")


@dataclass
class L:
    text: str
    left: int
    top: int
    height: int = 50
    right: int = 0


HEADER_CASES = [
    (  # read row by row, interleaved → column by column; the summary read early goes after
        # the kind printed above it (eighth round: it went before, the title lost it)
        [
            L("ĐẢNG CỘNG SẢN VIỆT NAM", 1318, 239),
            L("ĐẢNG ỦY PHƯỜNG NGUYỄN", 367, 311),
            L("NGHIÊM", 649, 375),
            L("Nguyễn Nghiêm, ngày 15 tháng 12 năm", 1285, 351),
            L("kết quả học tập, quán triệt và thực hiện", 389, 733),
            L("2025", 1689, 422),
            L("Số 112-BC/ĐU", 595, 518),
            L("BÁO CÁO", 1174, 651),
        ],
        [
            "ĐẢNG ỦY PHƯỜNG NGUYỄN",
            "NGHIÊM",
            "Số 112-BC/ĐU",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Nguyễn Nghiêm, ngày 15 tháng 12 năm",
            "2025",
            "BÁO CÁO",
            "kết quả học tập, quán triệt và thực hiện",
        ],
    ),
    (  # a body sentence citing "ngày … năm" is no place-date line: the header ends before it;
        # the lines read among the header's go in print order after the kind
        [
            L("THỊ ỦY ĐỨC PHỔ", 539, 239),
            L("Số 31-BC/ĐU", 611, 451),
            L("I- KẾT QUẢ", 472, 757),
            L("- Tổ chức học tập Kết luận số 69-KL/TW ngày 11 tháng 01 năm", 473, 952),
            L("ĐẢNG CỘNG SẢN VIỆT NAM", 1318, 239),
            L("Phổ Châu, ngày 08 tháng 3 năm 2024", 1303, 352),
            L("BÁO CÁO", 1173, 584),
        ],
        [
            "THỊ ỦY ĐỨC PHỔ",
            "Số 31-BC/ĐU",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Phổ Châu, ngày 08 tháng 3 năm 2024",
            "BÁO CÁO",
            "I- KẾT QUẢ",
            "- Tổ chức học tập Kết luận số 69-KL/TW ngày 11 tháng 01 năm",
        ],
    ),
    (  # no number or date among the first lines: not a header, left alone
        [L("Trong năm", 400, 200), L("một dòng", 1300, 200)],
        ["Trong năm", "một dòng"],
    ),
]


@pytest.mark.parametrize(("lines", "expected"), HEADER_CASES)
def test_header_columns(lines: list[L], expected: list[str]) -> None:
    assert [line.text for line in header_columns(lines, 2480)] == expected


TABLE_CASES = [
    (  # yearly_2023 page 3 as Tesseract read it: top-aligned numbers, the first cell wrapped
        [
            L("Tổ chức", 382, 249),
            L("Kết nạp", 700, 250),
            L("Xóa tên", 1533, 250),
            L("đảng", 420, 312),
            L("Đảng ủy", 358, 442),
            L("02", 892, 442),
            L("03", 1533, 445),
            L("phường", 358, 503),
            L("Phổ Văn", 359, 564),
            L("Đảng ủy", 358, 631),
            L("04", 891, 632),
            L("05", 1532, 634),
            L("xã Phổ An", 357, 692),
            L("Đã nhận 00/15 báo cáo của các tổ chức đảng trực thuộc", 472, 850),
        ],
        "Tổ chức đảng Kết nạp Xóa tên Đảng ủy phường Phổ Văn 02 03 Đảng ủy xã Phổ An 04 05 "
        "Đã nhận 00/15 báo cáo của các tổ chức đảng trực thuộc",
    ),
    (  # two columns side by side (a header, a closing) are no table
        [L("Nơi nhận:", 336, 649), L("T/M BAN THƯỜNG VỤ", 1468, 640), L("- Lưu.", 356, 715)],
        "Nơi nhận: T/M BAN THƯỜNG VỤ - Lưu.",
    ),
    (  # a body paragraph after a table, at a column's left but long, is not a cell's tail
        [
            L("Chỉ tiêu", 455, 977),
            L("Đơn vị", 890, 976),
            L("Thực hiện", 1321, 975),
            L("Số hộ nghèo", 358, 1040),
            L("hộ", 890, 1042),
            L("3.259", 1307, 1042),
            L("Kết nạp 86/144 quần chúng vào đảng trong năm 2023", 358, 1200),
        ],
        "Chỉ tiêu Đơn vị Thực hiện Số hộ nghèo hộ 3.259 "
        "Kết nạp 86/144 quần chúng vào đảng trong năm 2023",
    ),
]


TABLE_CASES += [
    (  # heldout2's table of documents at 300 dpi (c_dang_uy_khoi_2024 page 3): the symbol
        # wrapped under its type word, beside the subject's next line, continues the row; a
        # row whose number was lost ("5") still starts one, its three cells side by side
        [
            L("ST", 371, 702),
            L("Văn bản", 586, 702),
            L("Ngày ban hành", 940, 702),
            L("Trích yếu", 1697, 702),
            L("T", 383, 764),
            L("2", 359, 955),
            L("Nghị quyết số", 491, 955),
            L("20/12/2023", 923, 955),
            L("về đổi mới, nâng cao chất lượng hoạt", 1355, 955),
            L("46-NQ/TW", 490, 1012),
            L("động của Hội Nông dân Việt Nam đáp", 1355, 1012),
            L("giai đoạn mới", 1356, 1140),
            L("Quyết định số", 490, 1830),
            L("03/10/2017", 921, 1830),
            L("ban hành Hướng dẫn khung", 1353, 1830),
            L("sống", 1354, 2144),
        ],
        "ST T Văn bản Ngày ban hành Trích yếu 2 Nghị quyết số 46-NQ/TW 20/12/2023 "
        "về đổi mới, nâng cao chất lượng hoạt động của Hội Nông dân Việt Nam đáp giai đoạn mới "
        "Quyết định số 03/10/2017 ban hành Hướng dẫn khung sống",
    ),
]


@pytest.mark.parametrize(("lines", "expected"), TABLE_CASES)
def test_table_cells(lines: list[L], expected: str) -> None:
    assert " ".join(line.text for line in table_cells(lines, 300)) == expected


def test_the_header_order_keeps_every_line() -> None:
    lines, _expected = HEADER_CASES[0]
    assert sorted(map(id, header_columns(lines, 2480))) == sorted(map(id, lines))


ROW_CASES = [  # (lines, each table row's cells as texts)
    (  # the headings "Văn bản" and "Trích yếu", centred, stand right of their columns' edges
        TABLE_CASES[-1][0][:11],
        [
            ["ST T", "", "Văn bản", "Ngày ban hành", "", "Trích yếu"],
            [
                "2",
                "Nghị quyết số 46-NQ/TW",
                "",
                "20/12/2023",
                "về đổi mới, nâng cao chất lượng hoạt động của Hội Nông dân Việt Nam đáp",
                "",
            ],
        ],
    ),
    (  # the numbers centred under "Kết nạp" start a column of their own, empty above
        TABLE_CASES[0][0][:13],
        [
            ["Tổ chức đảng", "Kết nạp", "", "Xóa tên"],
            ["Đảng ủy phường Phổ Văn", "", "02", "03"],
            ["Đảng ủy xã Phổ An", "", "04", "05"],
        ],
    ),
]


@pytest.mark.parametrize(("lines", "expected"), ROW_CASES)
def test_table_rows_are_cells_side_by_side(lines: list[L], expected: list[list[str]]) -> None:
    """A table comes back as rows of cells, each cell's lines top to bottom."""
    rows = [item for item in table_rows(lines, 300) if isinstance(item, list)]
    assert [[" ".join(line.text for line in cell) for cell in row] for row in rows] == expected


# The third held-out set's table of documents (development text since), its last two columns as
# Tesseract read them at 300 dpi: "Cơ quan ban hành" and "Kết quả", each cell justified in a
# narrow column, so "Cơ      bản" and "Ban     Bí" came as two pieces each — and their second
# pieces ("bản" at 2179, "Bí" at 1916) made columns of their own, which the cells' other lines
# ("chấp hành", "Bộ Chính") run across. (left, top, right, text)
JUSTIFIED = [
    (359, 1373, 395, "1"),
    (863, 1367, 1100, "57-KL/TW"),
    (1757, 1367, 1957, "Bộ Chính"),
    (2012, 1370, 2076, "Cơ"),
    (2179, 1368, 2257, "bản"),
    (1756, 1432, 1800, "trị"),
    (2012, 1428, 2230, "chấp hành"),
    (357, 1626, 395, "2"),
    (864, 1624, 1100, "35-CT/TW"),
    (1757, 1621, 1957, "Bộ Chính"),
    (2013, 1621, 2100, "Còn"),
    (2181, 1621, 2258, "hạn"),
    (1756, 1685, 1800, "trị"),
    (2012, 1681, 2258, "chế, phải"),
    (2013, 1744, 2229, "khắc phục"),
    (358, 2255, 395, "3"),
    (863, 2254, 1100, "41-KL/TW"),
    (1758, 2253, 1848, "Ban"),
    (1916, 2250, 1960, "Bí"),
    (2014, 2250, 2090, "Cơ"),
    (2181, 2250, 2257, "bản"),
    (1758, 2314, 1830, "thư"),
    (2014, 2312, 2230, "chấp hành"),
]
SPLIT_CELL = [  # two real columns with short words: never run across, both stay
    (300, 100, 340, "1"),
    (600, 100, 700, "Nghị quyết"),
    (1000, 100, 1040, "Có"),
    (1300, 100, 1400, "Không"),
    (300, 200, 340, "2"),
    (600, 200, 700, "Chỉ thị"),
    (1000, 200, 1060, "Không"),
    (1300, 200, 1340, "Có"),
]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            JUSTIFIED,
            [
                ["1", "57-KL/TW", "Bộ Chính trị", "Cơ bản chấp hành"],
                ["2", "35-CT/TW", "Bộ Chính trị", "Còn hạn chế, phải khắc phục"],
                ["3", "41-KL/TW", "Ban Bí thư", "Cơ bản chấp hành"],
            ],
        ),
        (SPLIT_CELL, [["1", "Nghị quyết", "Có", "Không"], ["2", "Chỉ thị", "Không", "Có"]]),
    ],
)
def test_a_justified_cell_is_one_cell(
    lines: list[tuple[int, int, int, str]], expected: list[list[str]]
) -> None:
    """A column edge that the table's other lines run across is a justified cell's word gap."""
    read = [L(text, left, top, 45, right) for left, top, right, text in lines]
    rows = [item for item in table_rows(read, 300) if isinstance(item, list)]
    assert [[" ".join(line.text for line in cell) for cell in row] for row in rows] == expected
