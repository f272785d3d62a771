"""A register's table (a month of the outgoing or the incoming book) as CSV, XLSX and DOCX.

Every format carries the cells exactly as the page shows them — the number as written
(``01-BC/TU``, số đến ``15``), dates as dd/mm/yyyy text, the classification mark ("Mật") —
so what is printed or filed matches the screen:

- CSV for Excel with Vietnamese regional settings: ``;`` between fields (the list separator
  where the decimal mark is a comma), UTF-8 with a byte-order mark (else Excel reads the
  accents as Windows-1252), CRLF line ends.
- XLSX (openpyxl, already a dependency): cells typed as text, so Excel neither turns
  "01-BC/TU" into a date nor drops the leading zero, with a bold header row and widths.
- DOCX: the official page and font of ``capuy/vocab/layout.yaml``, a title, a caption and a
  grid table, landscape (a register has many columns).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from capuy.vocab.layout import load_layout

Row = Sequence[str]


def table_csv(header: Row, rows: Sequence[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_xlsx(title: str, header: Row, rows: Sequence[Row]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(list(header))
    for row in rows:
        sheet.append([str(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in sheet.iter_cols(min_row=1):
        longest = max(len(str(c.value or "")) for c in column)
        letter = column[0].column_letter
        sheet.column_dimensions[letter].width = min(max(10, longest + 2), 60)
        for cell in column:
            cell.number_format = "@"  # text: "01-BC/TU", "05/02/2024" stay as shown
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def table_docx(title: str, caption: str, header: Row, rows: Sequence[Row]) -> bytes:
    layout = load_layout()
    font = layout.font_name
    document = docx.Document()
    section = document.sections[0]
    page = layout.page
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(page.height_mm), Mm(page.width_mm)
    section.top_margin, section.bottom_margin = Mm(page.margin_top_mm), Mm(page.margin_bottom_mm)
    section.left_margin, section.right_margin = Mm(page.margin_left_mm), Mm(page.margin_right_mm)
    normal = document.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(layout.style("table").size_pt)
    for text, bold, italic in ((title, True, False), (caption, False, True)):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.font.name, run.font.bold, run.font.italic = font, bold, italic
        run.font.size = Pt(layout.style("appendix_caption").size_pt)
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for r, row in enumerate([header, *rows]):
        for c, value in enumerate(row):
            run = table.cell(r, c).paragraphs[0].add_run(str(value))
            run.font.name = font
            run.font.size = Pt(layout.style("table").size_pt)
            run.font.bold = r == 0
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
