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

from capuy.documents.monthly import TypeGroup, one_line
from capuy.vocab.layout import TextStyle, load_layout

HEADER = ("THỂ LOẠI", "TRÍCH YẾU NỘI DUNG")
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


REGISTER_HEADER = ("Thể loại", "Số, ký hiệu", "Ngày ban hành", "Trích yếu", "Độ mật", "Ghi chú")


def numbered_summary(group: TypeGroup) -> str:
    """The group's documents as the month page lists them, each with its number and date:
    "(1) 01-BC/TU ngày 07/02/2024: …; (2) …", a recalled or replaced one marked."""
    items = []
    several = len(group.documents) > 1
    for i, d in enumerate(group.documents, start=1):
        text = f"{d.symbol} ngày {d.issued_on:%d/%m/%Y}: {one_line(d.summary).rstrip('.;')}"
        text += "".join(f" ({mark})" for mark in _marks(d))
        items.append(f"({i}) {text}" if several else text)
    return "; ".join(items) + "."


def _marks(document: Any) -> list[str]:
    marks = [document.get_classification_display()] if document.is_secret else []
    if document.recalled_on:
        marks.append(f"đã thu hồi ngày {document.recalled_on:%d/%m/%Y}")
    if getattr(document, "is_replaced", False):
        marks.append("đã bị thay thế")
    return marks


def appendix_rows(groups: list[TypeGroup], numbered: bool = False) -> list[tuple[str, str]]:
    """The table of the appendix, header first: (THỂ LOẠI, TRÍCH YẾU NỘI DUNG) — the seed's
    summaries only, or (``numbered``) each document with its number and date as on screen."""
    text = numbered_summary if numbered else (lambda g: g.joined_summary)
    return [HEADER, *[(g.type_name, text(g)) for g in groups]]


def register_header() -> tuple[str, ...]:
    return REGISTER_HEADER


def register_rows(groups: list[TypeGroup]) -> list[list[str]]:
    """The month's register, one row per document as the page shows it (the CSV and XLSX)."""
    rows = []
    for group in groups:
        for d in group.documents:
            classification = d.get_classification_display() if d.is_secret else ""
            status = [m for m in _marks(d) if m != classification]
            rows.append([
                group.type_name, d.symbol, f"{d.issued_on:%d/%m/%Y}", one_line(d.summary),
                classification, "; ".join(status),
            ])  # fmt: skip
    return rows


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


def appendix_docx(
    groups: list[TypeGroup], month: int, year: int, note: str = "", numbered: bool = False
) -> bytes:
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

    rows = appendix_rows(groups, numbered=numbered)
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
