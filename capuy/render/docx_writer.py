"""``render_docx``: a ``Document`` → a DOCX in the Party's official layout (DESIGN.md §5).

Every size, style and margin comes from ``capuy/vocab/layout.yaml``. The DOCX follows the
conventions the reader relies on for the round trip (notes/APIS.md): the header is a borderless
two-column table at the top; headings use the Word styles "Heading 1..4" with their label kept in
the text; footnotes are real Word footnotes; list items keep their "- "/"+ " marker; tables are
real tables. The body rendered is ``Document.blocks`` as given: a caller rendering an extracted
document passes only the body blocks (see ``capuy.render.convert``).
"""

# Long: one function per part of the document (header table, headings, footnotes, signature, appendix), all reading the one layout table.

from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION_START
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from capuy.errors import InputError
from capuy.model import Appendix, Block, Document, Footnote
from capuy.render import docx_xml
from capuy.render.texts import (
    CELL_MARGIN_MM,
    appendix_note,
    column_widths,
    date_line,
    number_line,
    recipient_lines,
    summary_parts,
    with_marker,
)
from capuy.vocab.layout import Layout, TextStyle, load_layout

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
TITLE_TEXT = "ĐẢNG CỘNG SẢN VIỆT NAM"


def _twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


class _Writer:
    def __init__(self, doc: Document, layout: Layout) -> None:
        self.doc = doc
        self.layout = layout
        self.out: DocxDocument = docx.Document()
        self.footnotes_by_label: dict[str, Footnote] = {f.label: f for f in doc.footnotes}
        self.footnotes: docx_xml.Footnotes | None = None
        self.used_labels: set[str] = set()
        self._rpr_cache: dict[tuple[str, bool, bool, bool], BaseOxmlElement] = {}
        self._style_ids: dict[str, str] = {}
        self._ppr_cache: dict[str, BaseOxmlElement] = {}
        self._last_paragraph: Paragraph | None = None

    # --- set-up -------------------------------------------------------------------------
    def setup(self) -> None:
        layout = self.layout
        body = layout.style("body")
        docx_xml.set_document_defaults(self.out, layout.font_name, body.size_pt)
        normal = self.out.styles["Normal"]
        self._style_font(normal, body)
        for level in range(1, 5):
            self._style_font(self.out.styles[f"Heading {level}"], layout.heading(level))
        note = layout.style("footnote")
        docx_xml.add_footnote_styles(self.out, layout.font_name, note.size_pt, note.align)
        section = self.out.sections[0]
        page = layout.page
        section.start_type = WD_SECTION_START.NEW_PAGE
        section.page_width = Mm(page.width_mm)
        section.page_height = Mm(page.height_mm)
        section.top_margin = Mm(page.margin_top_mm)
        section.bottom_margin = Mm(page.margin_bottom_mm)
        section.left_margin = Mm(page.margin_left_mm)
        section.right_margin = Mm(page.margin_right_mm)
        section.header_distance = Mm(page.header_distance_mm)
        section.footer_distance = Mm(page.footer_distance_mm)
        number = layout.page_number
        section.different_first_page_header_footer = not layout.page_number_on_first_page
        if section.different_first_page_header_footer:
            # An explicit, empty first-page header: no number on page 1 in every reader.
            section.first_page_header.is_linked_to_previous = False
        paragraph = section.header.paragraphs[0]
        self._format_paragraph(paragraph, number)
        run = docx_xml.add_page_field(paragraph)
        self._format_run(run, number)
        labels = [ref.label for block in self.doc.blocks for ref in block.footnote_refs]
        if labels:
            ordered = list(dict.fromkeys(labels))
            auto = ordered == [str(n) for n in range(1, len(ordered) + 1)]
            self.footnotes = docx_xml.Footnotes(self.out, auto_numbered=auto)

    def _style_font(self, style: object, text_style: TextStyle) -> None:
        font = style.font  # type: ignore[attr-defined]
        font.name = self.layout.font_name
        font.size = Pt(text_style.size_pt)
        font.bold = text_style.bold
        font.italic = text_style.italic
        font.color.rgb = RGBColor(0, 0, 0)
        docx_xml.set_fonts(style.element.get_or_add_rPr(), self.layout.font_name)  # type: ignore[attr-defined]
        self._format_paragraph_format(style.paragraph_format, text_style)  # type: ignore[attr-defined]

    # --- formatting ---------------------------------------------------------------------
    def _format_paragraph_format(self, fmt: object, style: TextStyle) -> None:
        fmt.alignment = _ALIGN[style.align]  # type: ignore[attr-defined]
        fmt.space_before = Pt(style.space_before_pt)  # type: ignore[attr-defined]
        fmt.space_after = Pt(style.space_after_pt)  # type: ignore[attr-defined]
        fmt.first_line_indent = Cm(style.first_line_indent_cm)  # type: ignore[attr-defined]
        if style.line_spacing_pt:
            fmt.line_spacing = Pt(style.line_spacing_pt)  # type: ignore[attr-defined]
        else:
            fmt.line_spacing = 1.0  # type: ignore[attr-defined]
        fmt.keep_with_next = style.keep_with_next  # type: ignore[attr-defined]

    def _format_paragraph(self, paragraph: Paragraph, style: TextStyle) -> None:
        """Alignment, spacing, indent and box of ``paragraph``: a copy of one ``w:pPr`` built
        once per style, keeping the paragraph's own style reference."""
        template = self._ppr_cache.get(style.name)
        if template is None:
            scratch = self.out.add_paragraph()
            self._format_paragraph_format(scratch.paragraph_format, style)
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

    def _format_run(
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

    def _set_style(self, paragraph: Paragraph, name: str) -> None:
        """Apply a Word paragraph style by id (python-docx looks names up on every call)."""
        if name not in self._style_ids:
            self._style_ids[name] = self.out.styles[name].style_id
        paragraph._p.style = self._style_ids[name]

    def _text_paragraph(
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
                self._set_style(paragraph, word_style)
        self._format_paragraph(paragraph, style)
        self._add_text(paragraph, text.upper() if style.caps else text, style)
        return paragraph

    def _add_text(
        self,
        paragraph: Paragraph,
        text: str,
        style: TextStyle,
        bold: bool = False,
        italic: bool = False,
    ) -> None:
        for index, part in enumerate(text.split("\n")):
            run = paragraph.add_run(part)
            self._format_run(run, style, bold, italic)
            if index < text.count("\n"):
                run.add_break()

    # --- header ---------------------------------------------------------------------------
    def header(self) -> None:
        layout = self.layout
        header = self.doc.header
        table = self._borderless_table([layout.header_left_mm, layout.header_right_mm])
        left, right = table.rows[0].cells
        if header.superior:
            self._text_paragraph(left, header.superior, layout.style("superior"))
        if header.issuer:
            self._text_paragraph(left, header.issuer, layout.style("issuer"))
        self._text_paragraph(left, "*", layout.style("star"))
        self._text_paragraph(left, number_line(header), layout.style("number"))
        if header.classification:
            self._mark(left, header.classification, layout.style("classification"))
        if header.urgency:
            self._mark(left, header.urgency, layout.style("urgency"))
        title = self._text_paragraph(right, TITLE_TEXT, layout.style("title"))
        indent_mm = max(
            0.0, (layout.header_right_mm - 2 * CELL_MARGIN_MM - layout.title_rule_mm) / 2
        )
        title.paragraph_format.left_indent = Mm(indent_mm)
        title.paragraph_format.right_indent = Mm(indent_mm)
        docx_xml.paragraph_border(title, ("bottom",))
        if header.place or header.date:
            self._text_paragraph(right, date_line(header, layout), layout.style("place_date"))
        if header.draft:
            self._text_paragraph(self.out, "Dự thảo", layout.style("draft"))
        kind, *qualifiers = header.kind.split("\n") if header.kind else [""]
        if kind:
            self._text_paragraph(self.out, kind, layout.style("kind"))
        for qualifier in qualifiers:
            self._text_paragraph(self.out, qualifier, layout.style("kind_qualifier"))
        for text, is_period in summary_parts(header.summary):
            self._text_paragraph(self.out, text, layout.style("period" if is_period else "summary"))

    def _mark(self, cell: _Cell, text: str, style: TextStyle) -> None:
        paragraph = self._text_paragraph(cell, text, style)
        width = max(20.0, len(text) * style.size_pt * 0.25 + 6)  # mm: box hugs the word
        side = max(0.0, (self.layout.header_left_mm - 2 * CELL_MARGIN_MM - width) / 2)
        paragraph.paragraph_format.left_indent = Mm(side)
        paragraph.paragraph_format.right_indent = Mm(side)
        paragraph.paragraph_format.space_before = Pt(6)

    def _borderless_table(self, widths_mm: list[float]) -> DocxTable:
        table = self.out.add_table(rows=1, cols=len(widths_mm))
        table.autofit = False
        docx_xml.remove_table_borders(table._tbl)
        twips = [_twips(w) for w in widths_mm]
        docx_xml.set_fixed_layout(table._tbl, twips)
        for cell, width in zip(table.rows[0].cells, widths_mm, strict=True):
            cell.width = Mm(width)
        return table

    # --- body -----------------------------------------------------------------------------
    def body(self, blocks: list[Block]) -> None:
        for block in blocks:
            self.block(block)

    def block(self, block: Block) -> None:
        layout = self.layout
        if block.kind == "table":
            self.table(block.rows)
            return
        if block.kind == "heading":
            level = min(max(block.level, 1), 4)
            # A run-in heading keeps the look of its paragraph (bold lead-in, regular text)
            # but still carries the Heading style, so Word's outline and the reader see it.
            style = layout.style("body") if block.style == "run_in" else layout.heading(level)
            paragraph = self.out.add_paragraph()
            self._set_style(paragraph, f"Heading {level}")
        elif block.kind == "list_item":
            style = layout.style("list_item")
            paragraph = self.out.add_paragraph()
        else:
            style = layout.style("body")
            paragraph = self.out.add_paragraph()
        self._format_paragraph(paragraph, style)
        if block.kind == "list_item":
            if block.level > 1:
                paragraph.paragraph_format.left_indent = Cm(0.5 * (block.level - 1))
            block = with_marker(block)
        self._rich_text(paragraph, block, style)
        self._last_paragraph = paragraph

    def _rich_text(self, paragraph: Paragraph, block: Block, style: TextStyle) -> None:
        """Runs cut at every emphasis edge and footnote call, in order."""
        text = block.text
        cuts = {0, len(text)}
        for mark_start, mark_end, _ in block.emphasis:
            cuts.update((max(0, min(mark_start, len(text))), max(0, min(mark_end, len(text)))))
        refs_at: dict[int, list[str]] = {}
        for ref in block.footnote_refs:
            offset = max(0, min(ref.offset, len(text)))
            cuts.add(offset)
            refs_at.setdefault(offset, []).append(ref.label)
        points = sorted(cuts)
        ends: list[int | None] = [*points[1:], None]
        for start, end in zip(points, ends, strict=True):
            for label in refs_at.get(start, []):
                self._footnote_call(paragraph, label, style)
            if end is None or end <= start:
                continue
            marks = {m for s, e, m in block.emphasis if s <= start and end <= e}
            self._add_text(
                paragraph,
                text[start:end],
                style,
                bold=block.bold or "bold" in marks,
                italic=block.italic or "italic" in marks,
            )

    def _footnote_call(self, paragraph: Paragraph, label: str, style: TextStyle) -> None:
        note = self.footnotes_by_label.get(label)
        if self.footnotes is None or note is None or label in self.used_labels:
            # Word lets a footnote be called once; a second call (or a call without its text)
            # is kept as the superscript label the source printed.
            run = paragraph.add_run(label)
            self._format_run(run, style)
            run.font.superscript = True
            return
        self.used_labels.add(label)
        paragraphs = [[(part, False, False)] for part in note.text.split("\n")]
        footnote_id = self.footnotes.add(label, paragraphs)
        self.footnotes.reference(paragraph, footnote_id, label)

    def table(self, rows: list[list[str]]) -> None:
        if not rows:
            return
        layout = self.layout
        columns = max(len(row) for row in rows)
        table = self.out.add_table(rows=len(rows), cols=columns)
        table.autofit = False
        docx_xml.set_table_grid_borders(table._tbl)
        widths = column_widths(
            rows, columns, layout.page.text_width_mm, layout.style("table").size_pt
        )
        docx_xml.set_fixed_layout(table._tbl, [_twips(w) for w in widths])
        head, cell_style = layout.style("table_header"), layout.style("table")
        for r, row in enumerate(rows):
            style = head if r == 0 and len(rows) > 1 else cell_style
            for c in range(columns):
                cell = table.cell(r, c)
                cell.width = Mm(widths[c])
                self._text_paragraph(cell, row[c] if c < len(row) else "", style)
        if len(rows) > 1:
            docx_xml.repeat_header_row(table.rows[0]._tr)
        self.out.add_paragraph()  # Word needs a paragraph between a table and what follows

    # --- end of document ------------------------------------------------------------------
    def closing(self) -> None:
        doc, layout = self.doc, self.layout
        if not doc.recipients and doc.signature is None:
            return
        # The signature never stands alone on the last page: the last paragraph goes with it.
        if self._last_paragraph is not None:
            self._last_paragraph.paragraph_format.keep_with_next = True
        self.out.add_paragraph().paragraph_format.keep_with_next = True
        table = self._borderless_table([layout.signature_left_mm, layout.signature_right_mm])
        docx_xml.cant_split_row(table.rows[0]._tr)
        left, right = table.rows[0].cells
        if doc.recipients:
            self._text_paragraph(left, "Nơi nhận:", layout.style("recipients_label"))
            for line in recipient_lines(doc.recipients):
                self._text_paragraph(left, line, layout.style("recipients"))
        signature = doc.signature
        if signature is not None:
            if signature.capacity:
                self._text_paragraph(right, signature.capacity, layout.style("signature_capacity"))
            if signature.title:
                self._text_paragraph(right, signature.title, layout.style("signature_title"))
            if signature.name:
                self._text_paragraph(right, signature.name, layout.style("signature_name"))

    def appendix(self, appendix: Appendix) -> None:
        layout = self.layout
        label = self._text_paragraph(
            self.out, appendix.title or "PHỤ LỤC", layout.style("appendix_label")
        )
        label.paragraph_format.page_break_before = True
        if appendix.caption:
            self._text_paragraph(self.out, appendix.caption, layout.style("appendix_caption"))
        has_note = any(
            b.kind == "paragraph" and b.text.lstrip().lower().startswith("(kèm theo")
            for b in appendix.blocks
        )
        note = appendix.note or ("" if has_note else appendix_note(self.doc.header))
        if note:
            self._text_paragraph(self.out, note, layout.style("appendix_note"))
        drawn = set()
        for block in appendix.blocks:
            self.block(block)
            if block.kind == "table":
                drawn.add(block.line)
        for table in appendix.tables:
            if table.line not in drawn:
                self.table(table.rows)

    def save(self, out_path: Path) -> None:
        try:
            self.out.save(str(out_path))
        except OSError as error:
            raise InputError(
                f"Không ghi được tệp {out_path}: {error.strerror}",
                f"cannot write {out_path}: {error.strerror}",
            ) from None


def _is_blank_first(cell: _Cell) -> bool:
    paragraphs = cell.paragraphs
    return len(paragraphs) == 1 and not paragraphs[0].runs


def render_docx(doc: Document, out_path: str | Path, layout: Layout | None = None) -> Path:
    """Write ``doc`` as a DOCX in the official layout at ``out_path``; returns the path."""
    out = Path(out_path)
    writer = _Writer(doc, layout or load_layout())
    writer.setup()
    writer.header()
    writer.body(doc.blocks)
    writer.closing()
    for appendix in doc.appendices:
        writer.appendix(appendix)
    writer.save(out)
    return out
