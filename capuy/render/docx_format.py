"""Paragraphs and runs formatted from the layout table, fast.

``DocxFormatter`` owns the python-docx document being written and formats its paragraphs and
runs from ``capuy/vocab/layout.yaml``'s text styles. python-docx's property setters are slow on
long documents, so each style's ``w:pPr`` and each run combination's ``w:rPr`` is built once and
copied. ``capuy.render.docx_writer`` draws the document's parts with it.
"""

from __future__ import annotations

import copy

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from capuy.render import docx_xml
from capuy.vocab.layout import Layout, TextStyle

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def mm_to_twips(mm: float) -> int:
    """Millimetres in twentieths of a point, Word's unit for widths."""
    return round(mm / 25.4 * 1440)


def _is_blank_first(cell: _Cell) -> bool:
    paragraphs = cell.paragraphs
    return len(paragraphs) == 1 and not paragraphs[0].runs


class DocxFormatter:
    """A new DOCX and the formatting of its paragraphs and runs from one layout."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.out: DocxDocument = docx.Document()
        self._rpr_cache: dict[tuple[str, bool, bool, bool], BaseOxmlElement] = {}
        self._style_ids: dict[str, str] = {}
        self._ppr_cache: dict[str, BaseOxmlElement] = {}

    def style_font(self, style: object, text_style: TextStyle) -> None:
        font = style.font  # type: ignore[attr-defined]
        font.name = self.layout.font_name
        font.size = Pt(text_style.size_pt)
        font.bold = text_style.bold
        font.italic = text_style.italic
        font.color.rgb = RGBColor(0, 0, 0)
        docx_xml.set_fonts(style.element.get_or_add_rPr(), self.layout.font_name)  # type: ignore[attr-defined]
        self.format_paragraph_format(style.paragraph_format, text_style)  # type: ignore[attr-defined]

    def format_paragraph_format(self, fmt: object, style: TextStyle) -> None:
        fmt.alignment = _ALIGN[style.align]  # type: ignore[attr-defined]
        fmt.space_before = Pt(style.space_before_pt)  # type: ignore[attr-defined]
        fmt.space_after = Pt(style.space_after_pt)  # type: ignore[attr-defined]
        fmt.first_line_indent = Cm(style.first_line_indent_cm)  # type: ignore[attr-defined]
        if style.line_spacing_pt:
            fmt.line_spacing = Pt(style.line_spacing_pt)  # type: ignore[attr-defined]
        else:
            fmt.line_spacing = 1.0  # type: ignore[attr-defined]
        fmt.keep_with_next = style.keep_with_next  # type: ignore[attr-defined]

    def format_paragraph(self, paragraph: Paragraph, style: TextStyle) -> None:
        """Alignment, spacing, indent and box of ``paragraph``: a copy of one ``w:pPr`` built
        once per style, keeping the paragraph's own style reference."""
        template = self._ppr_cache.get(style.name)
        if template is None:
            scratch = self.out.add_paragraph()
            self.format_paragraph_format(scratch.paragraph_format, style)
            if style.boxed:
                docx_xml.paragraph_border(scratch, ("top", "left", "bottom", "right"))
            template = self._ppr_cache[style.name] = scratch._p.get_or_add_pPr()
            scratch._p.getparent().remove(scratch._p)
        element = paragraph._p
        existing = element.find(qn("w:pPr"))
        word_style = existing.find(qn("w:pStyle")) if existing is not None else None
        if existing is not None:
            element.remove(existing)
        ppr = copy.deepcopy(template)
        if word_style is not None:
            ppr.insert(0, word_style)
        element.insert(0, ppr)

    def format_run(
        self, run: object, style: TextStyle, bold: bool = False, italic: bool = False
    ) -> None:
        """Font, size, bold, italic, underline of ``run``: a copy of one ``w:rPr`` built once per
        combination (python-docx's property setters are slow on long documents)."""
        key = (style.name, style.bold or bold, style.italic or italic, style.underline)
        template = self._rpr_cache.get(key)
        if template is None:
            scratch = self.out.add_paragraph().add_run()
            font = scratch.font
            font.name = self.layout.font_name
            font.size = Pt(style.size_pt)
            font.bold = key[1]
            font.italic = key[2]
            if style.underline:
                font.underline = True
            rpr = scratch._r.get_or_add_rPr()
            docx_xml.set_fonts(rpr, self.layout.font_name)
            paragraph_element = scratch._r.getparent()
            paragraph_element.getparent().remove(paragraph_element)
            template = self._rpr_cache[key] = rpr
        element = run._r  # type: ignore[attr-defined]
        existing = element.find(qn("w:rPr"))
        if existing is not None:
            element.remove(existing)
        element.insert(0, copy.deepcopy(template))

    def set_style(self, paragraph: Paragraph, name: str) -> None:
        """Apply a Word paragraph style by id (python-docx looks names up on every call)."""
        if name not in self._style_ids:
            self._style_ids[name] = self.out.styles[name].style_id
        paragraph._p.style = self._style_ids[name]

    def text_paragraph(
        self, container: object, text: str, style: TextStyle, word_style: str | None = None
    ) -> Paragraph:
        """A paragraph of one style; ``\\n`` in ``text`` becomes a line break."""
        if isinstance(container, _Cell) and _is_blank_first(container):
            paragraph = container.paragraphs[0]
            if word_style:
                paragraph.style = word_style
        else:
            paragraph = container.add_paragraph()  # type: ignore[attr-defined]
            if word_style:
                self.set_style(paragraph, word_style)
        self.format_paragraph(paragraph, style)
        self.add_text(paragraph, text.upper() if style.caps else text, style)
        return paragraph

    def add_text(
        self,
        paragraph: Paragraph,
        text: str,
        style: TextStyle,
        bold: bool = False,
        italic: bool = False,
    ) -> None:
        for index, part in enumerate(text.split("\n")):
            run = paragraph.add_run(part)
            self.format_run(run, style, bold, italic)
            if index < text.count("\n"):
                run.add_break()

    def borderless_table(self, widths_mm: list[float]) -> DocxTable:
        table = self.out.add_table(rows=1, cols=len(widths_mm))
        table.autofit = False
        docx_xml.remove_table_borders(table._tbl)
        twips = [mm_to_twips(w) for w in widths_mm]
        docx_xml.set_fixed_layout(table._tbl, twips)
        for cell, width in zip(table.rows[0].cells, widths_mm, strict=True):
            cell.width = Mm(width)
        return table
