"""A ruled table's cells and the citations in them (issue 12, tenth round: tables).

Tesseract's real output: held-out set 10's chương trình (a development text since it was
measured), scanned as the OCR benchmark scans set 10 at 300 dpi — each page's words and its
ruled-table grid (``tests/fixtures/ocr/programme_set10_300dpi.json``). The re-reading tests run
Tesseract on a real page: a report with a two-level numbered table laid out by ``capuy
convert``, rasterised, turned and specked as the benchmark scans (``test_read_ocr_grid``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.ocr_pages import needs_tesseract
from tests.test_read_ocr_grid import ONE_PAGE, _pages, _scan, _straight

FIXTURE = Path(__file__).parent / "fixtures" / "ocr" / "programme_set10_300dpi.json"


def _programme():  # type: ignore[no-untyped-def]
    from capuy.read.ocr_layout import OcrPage, document_from_pages

    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    pages = [OcrPage.from_json(page) for page in data["pages"]]
    return document_from_pages(pages, "quet.pdf", "pdf")


def test_a_rule_read_as_underscores_is_no_part_of_a_cell() -> None:
    """Row 08's wrapped "2016" was read "2016__" (the cell's bottom rule at its foot): the
    underscores are the rule's, and the directive keeps its date."""
    from capuy.extract import extract

    document, texts = _programme()
    assert "_" not in texts[1], texts[1]
    found = {(c.symbol, c.date.isoformat() if c.date else "") for c in extract(document).citations}
    assert ("05-CT/TW", "2016-05-15") in found, found
    assert ("05-CT/TW", "") not in found, found


def test_a_table_over_two_pages_is_one_table() -> None:
    """Each of the table's rows was a paragraph, so a table of its own: the document has one
    table, its heads (printed again on page 2) and its twelve months in order, each row's
    cells together, and each row still knows its line (its confidence and repairs)."""
    document, _texts = _programme()
    (table,) = [block for block in document.blocks if block.kind == "table"]
    numbers = [row[0] for row in table.rows]
    assert numbers[1:7] == ["01", "02", "03", "04", "05", "06"], numbers
    assert numbers[8:] == ["07", "08", "09", "10", "11", "12"], numbers
    assert len(table.row_lines) == len(table.rows) == 14
    assert table.text.split("\n")[9].startswith("08\tTổng kết việc thực hiện Chỉ thị số 05-CT/TW")
    at = table.text.index("05-CT/TW")
    assert table.line_at(at) == table.row_lines[9]
    assert table.confidence is not None


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
def test_a_group_rows_number_is_read_again_alone(tmp_path: Path) -> None:
    """A group row's lone bold number, read in the page's layout as "°)" at confidence 37 and
    dropped (300 dpi), is read again from its cell's image alone: both group rows keep their
    numbers, the numbered rows theirs. (At 200 dpi Tesseract sees nothing of the group row's
    thin "1": a cell with no word is not read again.)"""
    dpi = 300
    from capuy.read.ocr import recognise

    scan = _scan(_pages(ONE_PAGE, tmp_path, dpi), tmp_path, dpi)
    lines = recognise(scan.read_bytes(), "quet.pdf", "pdf").page_texts[0].split("\n")
    rows = [line.split("\t") for line in lines if "\t" in line]
    assert [row[0] for row in rows] == ["TT", "1", "1.1", "1.2", "2", "2.1", "2.2"], lines
    assert rows[1][1] == "Công tác quán triệt, tuyên truyền", lines
    assert rows[4][1] == "Công tác kiểm tra", lines


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
def test_a_well_read_cell_is_not_read_again(tmp_path: Path) -> None:
    """Only cells holding an unsure word cost a Tesseract call: a cell read surely is left as it
    is (the re-reader is never asked for it)."""
    import pytesseract

    from capuy.read.ocr import LANG
    from capuy.read.ocr_cellread import cell_boxes, reread_cells
    from capuy.read.ocr_grid import find_grid

    image = _straight(_pages(ONE_PAGE, tmp_path, 300)[0], 300, tmp_path)
    tsv = str(pytesseract.image_to_data(image, lang=LANG, config="--dpi 300 --psm 3"))
    grid = find_grid(image, 300)
    asked: list[tuple[int, int]] = []

    def read(crop: object) -> str:
        asked.append(crop.size)  # type: ignore[attr-defined]
        return str(pytesseract.image_to_data(crop, lang=LANG, config="--dpi 300 --psm 6"))

    new = reread_cells(image, tsv, grid, read)
    cells = list(cell_boxes(grid.tables[0]))
    assert 0 < len(asked) < len(cells) // 2, (len(asked), len(cells))

    def sure(tsv: str) -> set[str]:
        rows = [line.split("\t") for line in tsv.splitlines()[1:]]
        return {r[11] for r in rows if len(r) == 12 and r[0] == "5" and float(r[10]) >= 90}

    assert sure(tsv) - sure(new) <= {"|"}, sure(tsv) - sure(new)
