"""The month's documents as the appendix of a monthly report: CSV and DOCX.

The DOCX takes every value (font, sizes, page, margins) from the official style table
``capuy/vocab/layout.yaml`` through ``capuy.vocab.layout``, so it matches what
``capuy.render`` writes; it is a plain python-docx table because ``render_docx`` always
writes a full document header and starts an appendix on a new page after it, which does not
fit a stand-alone appendix.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from capuy.documents.monthly import TypeGroup
from capuy.vocab.layout import TextStyle, load_layout

HEADER = ("THỂ LOẠI", "TRÍCH YẾU NỘI DUNG")
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def appendix_rows(groups: list[TypeGroup]) -> list[tuple[str, str]]:
    """The table of the appendix, header first: (THỂ LOẠI, TRÍCH YẾU NỘI DUNG)."""
    return [HEADER, *[(g.type_name, g.joined_summary) for g in groups]]


def appendix_caption(month: int, year: int) -> str:
    return f"một số văn bản quan trọng ban hành trong tháng {month:02d}/{year}"


def appendix_csv(groups: list[TypeGroup]) -> bytes:
    """UTF-8 with a byte-order mark so that Excel opens the Vietnamese text correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(appendix_rows(groups))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _paragraph(container, text: str, style: TextStyle, font_name: str) -> Any:
    paragraph = container.add_paragraph()
    paragraph.alignment = _ALIGN.get(style.align, WD_ALIGN_PARAGRAPH.LEFT)
    paragraph.paragraph_format.space_before = Pt(style.space_before_pt)
    paragraph.paragraph_format.space_after = Pt(style.space_after_pt)
    run = paragraph.add_run(text.upper() if style.caps else text)
    run.font.name = font_name
    run.font.size = Pt(style.size_pt)
    run.font.bold = style.bold
    run.font.italic = style.italic
    return paragraph


def appendix_docx(groups: list[TypeGroup], month: int, year: int, note: str = "") -> bytes:
    """PHỤ LỤC, its caption, the optional "(kèm theo …)" note and the two-column table."""
    layout = load_layout()
    font = layout.font_name
    document = docx.Document()
    section = document.sections[0]
    page = layout.page
    section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
    section.top_margin, section.bottom_margin = Mm(page.margin_top_mm), Mm(page.margin_bottom_mm)
    section.left_margin, section.right_margin = Mm(page.margin_left_mm), Mm(page.margin_right_mm)
    normal = document.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(layout.style("body").size_pt)

    _paragraph(document, "PHỤ LỤC", layout.style("appendix_label"), font)
    _paragraph(document, appendix_caption(month, year), layout.style("appendix_caption"), font)
    if note:
        _paragraph(document, note, layout.style("appendix_note"), font)

    rows = appendix_rows(groups)
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    table.autofit = False
    widths = (Mm(35), Mm(page.text_width_mm - 35))
    head_style, cell_style = layout.style("table_header"), layout.style("table")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.width = widths[c]
            style = head_style if r == 0 else cell_style
            paragraph = cell.paragraphs[0]
            paragraph.alignment = _ALIGN.get(style.align, WD_ALIGN_PARAGRAPH.LEFT)
            run = paragraph.add_run(value)
            run.font.name = font
            run.font.size = Pt(style.size_pt)
            run.font.bold = style.bold or (r > 0 and c == 0)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
