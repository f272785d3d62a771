"""A ruled table read from its rules (issue 12, ninth round: ``capuy.read.ocr_grid``).

The pages are real: a report with a two-level numbered table laid out by ``capuy convert``,
printed by LibreOffice, rasterised by ``pdftoppm`` at 300 and 200 dpi, turned 0,6° and specked
as the OCR benchmark scans a page, then cleaned and straightened by the reader's own steps
(``despeckle``, ``_straighten``) — the image ``find_grid`` gets in ``recognise``. The reading
tests run Tesseract on the page (``read_file``).
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from tests.ocr_pages import needs_tesseract

FILLER = (
    "Đảng ủy xã đã tổ chức quán triệt các văn bản của cấp trên đến toàn thể cán bộ, đảng viên; "
    "các chi bộ xây dựng kế hoạch thực hiện sát với tình hình địa phương."
)
HEAD = """---
superior: HUYỆN ỦY BA TƠ
issuer: ĐẢNG ỦY XÃ BA ĐIỀN
issuer_code: ĐU
number: 52
place: Ba Điền
date: '2026-06-18'
kind: BÁO CÁO
summary: kết quả thực hiện các văn bản của Trung ương
draft: false
---

# I- KẾT QUẢ THỰC HIỆN

"""
TABLE = """
| TT | Nội dung | Văn bản | Kết quả |
|---|---|---|---|
| 1 | Công tác quán triệt, tuyên truyền | | |
| 1.1 | Tiếp tục lãnh đạo, chỉ đạo thực hiện | Nghị quyết số 19-NQ/TW ban hành ngày 25/10/2017 | Đang thực hiện |
| 1.2 | Sơ kết việc thực hiện | Chỉ thị 28-CT/TW, ngày 25 tháng 12 năm 2023 | Đạt 95 % |
| 2 | Công tác kiểm tra | | |
| 2.1 | Kiểm tra, giám sát việc thực hiện | Quy định số 138-QĐ/TW ban hành ngày 1/12/2023 | Hoàn thành trước hạn |
| 2.2 | Tuyên truyền, phổ biến | Kết luận 01-KL/TW, ngày 18 tháng 5 năm 2021 | Đang thực hiện |
"""  # noqa: E501
ONE_PAGE = HEAD + "Sáu tháng đầu năm 2026, kết quả cụ thể như sau:\n" + TABLE
ACROSS = HEAD + "\n\n".join([FILLER] * 8) + "\n" + TABLE + "\nTiếp tục thực hiện.\n"
"""The table starts low on page 1: rows 1.2 to 2.2 go on page 2, under its head printed again."""


def _pages(source: str, work: Path, dpi: int) -> list[object]:
    """Every page as scanned: rasterised at ``dpi``, turned 0,6° (−0,9° the next), specked."""
    from PIL import Image

    from capuy.api import convert_file
    from capuy.render import PdfConverter

    (work / "b.md").write_text(source, encoding="utf-8")
    with PdfConverter() as converter:
        convert_file(work / "b.md", work / "b.docx", work / "b.pdf", converter=converter)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", work / "b.pdf", work / "p"])
    rng = random.Random(dpi)
    pages = []
    for index, png in enumerate(sorted(work.glob("p-*.png"))):
        image = Image.open(png).convert("L").rotate((0.6, -0.9)[index % 2], fillcolor=255)
        pixels = image.load()
        assert pixels is not None
        for _ in range(image.width * image.height // 400):
            x, y = rng.randrange(image.width), rng.randrange(image.height)
            pixels[x, y] = 0 if pixels[x, y] > 128 else 255  # type: ignore[operator]
        pages.append(image)
    return pages


def _straight(image: object, dpi: int, work: Path) -> object:
    import time

    from capuy.read.ocr import _straighten
    from capuy.read.ocr_clean import despeckle

    return _straighten(despeckle(image), dpi, work, time.monotonic() + 300, "quet")


def _scan(pages: list[object], work: Path, dpi: int) -> Path:
    scan = work / "quet.pdf"
    pages[0].save(scan, save_all=True, append_images=pages[1:], resolution=float(dpi))  # type: ignore[attr-defined]
    return scan


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
@pytest.mark.parametrize("dpi", [300, 200])
def test_the_grid_of_a_ruled_table(tmp_path: Path, dpi: int) -> None:
    """The head and six rows, four cells each; a vertical rule wiped in one row makes that
    row's two cells one (merged across), and a stretch of a horizontal rule wiped makes the
    cell below it the lower part of the cell above (merged down). The motto's underline and
    the text's serifs make no table."""
    from PIL import ImageDraw

    from capuy.read.ocr_grid import find_grid

    page = _pages(ONE_PAGE, tmp_path, dpi)[0]
    image = _straight(page, dpi, tmp_path)
    (table,) = find_grid(image, 300).tables  # the page image is read at 300 dpi
    assert len(table.rows) == 8, table.rows
    assert [len(edges) - 1 for edges in table.cells] == [4] * 7, table.cells
    assert table.joined == []
    # the rule between "Văn bản" and "Kết quả" wiped in row 1.2 (band 3), and the rule over
    # row 2.1 (band 5) wiped across the "Kết quả" column
    edges, rows = table.cells[3], table.rows
    draw = ImageDraw.Draw(image)  # type: ignore[arg-type]
    draw.rectangle((edges[3] - 6, rows[3] + 8, edges[3] + 6, rows[4] - 8), fill=255)
    draw.rectangle((edges[3] + 10, rows[5] - 6, edges[4] - 10, rows[5] + 6), fill=255)
    (merged,) = find_grid(image, 300).tables
    assert [len(cells) - 1 for cells in merged.cells] == [4, 4, 4, 3, 4, 4, 4], merged.cells
    ((band, edge),) = merged.joined
    assert band == 5 and abs(edge - edges[3]) <= 3, merged.joined


def _rows(document) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [row for block in document.blocks if block.kind == "table" for row in block.rows]


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
@pytest.mark.parametrize("dpi", [300, 200])
def test_two_level_numbers_and_group_rows_in_order(tmp_path: Path, dpi: int) -> None:
    """The page's text in print order, row by row and cell by cell: "1.1" and "1.2" right
    under the group row "Công tác quán triệt, tuyên truyền" (its other cells empty), each
    document with its date in its own cell. (A group row's lone number is read by Tesseract
    alone in its cell, without context: at 300 dpi the "2" comes out "°)" at confidence 37 and
    is dropped, at 200 dpi the "1": what is asserted of the group rows is their place.)"""
    from capuy.read.ocr import recognise

    scan = _scan(_pages(ONE_PAGE, tmp_path, dpi), tmp_path, dpi)
    lines = recognise(scan.read_bytes(), "quet.pdf", "pdf").page_texts[0].split("\n")
    cells = [line.split("\t") for line in lines]
    numbered = [row for row in cells if row[0] in ("1.1", "1.2", "2.1", "2.2")]
    assert [row[0] for row in numbered] == ["1.1", "1.2", "2.1", "2.2"], lines
    assert numbered[0][1:] == [
        "Tiếp tục lãnh đạo, chỉ đạo thực hiện",
        "Nghị quyết số 19-NQ/TW ban hành ngày 25/10/2017",
        "Đang thực hiện",
    ], lines
    assert numbered[1][3] == "Đạt 95 %", lines  # the "%" alone, unsure: no speck in a cell
    assert numbered[3][1:] == [
        "Tuyên truyền, phổ biến",
        "Kết luận 01-KL/TW, ngày 18 tháng 5 năm 2021",
        "Đang thực hiện",
    ], lines
    groups = [i for i, row in enumerate(cells) if any(c.startswith("Công tác") for c in row)]
    assert [cells.index(row) for row in numbered] == [
        groups[0] + 1,
        groups[0] + 2,
        groups[1] + 1,
        groups[1] + 2,
    ], lines
    for index in groups:  # the group row: its title, nothing in the cells after it
        row = cells[index]
        title = next(i for i, cell in enumerate(row) if cell.startswith("Công tác"))
        assert not any(row[title + 1 :]), lines


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
def test_a_ruled_table_across_a_page_break(tmp_path: Path) -> None:
    """Page 2's rows go on in the same columns as page 1's: no row loses a cell to the head
    printed again, and its citations keep their dates."""
    from capuy.extract import extract
    from capuy.read import read_file

    scan = _scan(_pages(ACROSS, tmp_path, 300), tmp_path, 300)
    document = read_file(scan)
    rows = [row for row in _rows(document) if row[0] != "TT"]
    assert [row[0] for row in rows] == ["1", "1.1", "1.2", "2", "2.1", "2.2"], rows
    assert all(len(row) == 4 for row in rows if "." in row[0]), rows
    found = {(c.symbol, c.date.isoformat() if c.date else "") for c in extract(document).citations}
    assert found >= {
        ("28-CT/TW", "2023-12-25"),  # page 2, the first row under the head printed again
        ("01-KL/TW", "2021-05-18"),
    }, found


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
def test_a_page_without_rules_has_no_grid(tmp_path: Path) -> None:
    """A page of paragraphs (its header's underline, a bold heading, justified text) has no
    ruled table: its tables, if any, are left to the word-box rules."""
    from capuy.read.ocr_grid import find_grid

    text = HEAD + "\n\n".join([FILLER] * 6) + "\n"
    page = _pages(text, tmp_path, 300)[0]
    assert find_grid(_straight(page, 300, tmp_path), 300).tables == []
