"""A ruled table's cells and the citations in them (issue 12, tenth round: tables).

Tesseract's real output: held-out set 10's chương trình (a development text since it was
measured), scanned as the OCR benchmark scans set 10 at 300 dpi — each page's words and its
ruled-table grid (``tests/fixtures/ocr/programme_set10_300dpi.json``).
"""

from __future__ import annotations

import json
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "ocr" / "programme_set10_300dpi.json"


def _programme():  # type: ignore[no-untyped-def]
    from capuy.read.ocr_grid import Grid
    from capuy.read.ocr_layout import OcrPage, document_from_pages, tsv_lines

    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    pages = [
        OcrPage(
            p["width"],
            p["height"],
            p["dpi"],
            tsv_lines(p["tsv"]),
            b"",
            p["tsv"],
            Grid.from_json(p["grid"]),
        )
        for p in data["pages"]
    ]
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
