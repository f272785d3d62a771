"""``render_docx``: a ``Document`` → a DOCX in the Party's official layout (DESIGN.md §5).

Every size, style and margin comes from ``capuy/vocab/layout.yaml``. The DOCX follows the
conventions the reader relies on for the round trip (notes/APIS.md): the header is a borderless
two-column table at the top; headings use the Word styles "Heading 1..4" with their label kept in
the text; footnotes are real Word footnotes; list items keep their "- "/"+ " marker; tables are
real tables. The body rendered is ``Document.blocks`` as given: a caller rendering an extracted
document passes only the body blocks (see ``capuy.render.convert``).
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.section import WD_SECTION_START
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from capuy.errors import InputError
from capuy.model import Appendix, Block, Document, Footnote
from capuy.render import docx_footnotes, docx_xml
from capuy.render.docx_format import DocxFormatter, mm_to_twips
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

TITLE_TEXT = "ĐẢNG CỘNG SẢN VIỆT NAM"


class _Writer(DocxFormatter):
    """Draws one document's parts in order: set-up, header, body, closing, appendices."""

    def __init__(self, doc: Document, layout: Layout) -> None:
        super().__init__(layout)
        self.doc = doc
        self.footnotes_by_label: dict[str, Footnote] = {f.label: f for f in doc.footnotes}
        self.footnotes: docx_footnotes.Footnotes | None = None
        self.used_labels: set[str] = set()
        self._last_paragraph: Paragraph | None = None

    # --- set-up -------------------------------------------------------------------------
    def setup(self) -> None:
        layout = self.layout
        body = layout.style("body")
        docx_xml.set_document_defaults(self.out, layout.font_name, body.size_pt)
        normal = self.out.styles["Normal"]
        self.style_font(normal, body)
        for level in range(1, 5):
            self.style_font(self.out.styles[f"Heading {level}"], layout.heading(level))
        note = layout.style("footnote")
        docx_footnotes.add_footnote_styles(self.out, layout.font_name, note.size_pt, note.align)
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
        self.format_paragraph(paragraph, number)
        run = docx_xml.add_page_field(paragraph)
        self.format_run(run, number)
        labels = [ref.label for block in self.doc.blocks for ref in block.footnote_refs]
        if labels:
            ordered = list(dict.fromkeys(labels))
            auto = ordered == [str(n) for n in range(1, len(ordered) + 1)]
            self.footnotes = docx_footnotes.Footnotes(self.out, auto_numbered=auto)

    # --- header ---------------------------------------------------------------------------
    def header(self) -> None:
        layout = self.layout
        header = self.doc.header
        table = self.borderless_table([layout.header_left_mm, layout.header_right_mm])
        left, right = table.rows[0].cells
        if header.superior:
            self.text_paragraph(left, header.superior, layout.style("superior"))
        if header.issuer:
            self.text_paragraph(left, header.issuer, layout.style("issuer"))
        self.text_paragraph(left, "*", layout.style("star"))
        self.text_paragraph(left, number_line(header), layout.style("number"))
        if header.classification:
            self._mark(left, header.classification, layout.style("classification"))
        if header.urgency:
            self._mark(left, header.urgency, layout.style("urgency"))
        title = self.text_paragraph(right, TITLE_TEXT, layout.style("title"))
        indent_mm = max(
            0.0, (layout.header_right_mm - 2 * CELL_MARGIN_MM - layout.title_rule_mm) / 2
        )
        title.paragraph_format.left_indent = Mm(indent_mm)
        title.paragraph_format.right_indent = Mm(indent_mm)
        docx_xml.paragraph_border(title, ("bottom",))
        if header.place or header.date:
            self.text_paragraph(right, date_line(header, layout), layout.style("place_date"))
        if header.draft:
            self.text_paragraph(self.out, "Dự thảo", layout.style("draft"))
        kind, *qualifiers = header.kind.split("\n") if header.kind else [""]
        if kind:
            self.text_paragraph(self.out, kind, layout.style("kind"))
        for qualifier in qualifiers:
            self.text_paragraph(self.out, qualifier, layout.style("kind_qualifier"))
        for text, is_period in summary_parts(header.summary):
            self.text_paragraph(self.out, text, layout.style("period" if is_period else "summary"))

    def _mark(self, cell: _Cell, text: str, style: TextStyle) -> None:
        paragraph = self.text_paragraph(cell, text, style)
        width = max(20.0, len(text) * style.size_pt * 0.25 + 6)  # mm: box hugs the word
        side = max(0.0, (self.layout.header_left_mm - 2 * CELL_MARGIN_MM - width) / 2)
        paragraph.paragraph_format.left_indent = Mm(side)
        paragraph.paragraph_format.right_indent = Mm(side)
        paragraph.paragraph_format.space_before = Pt(6)

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
            self.set_style(paragraph, f"Heading {level}")
        elif block.kind == "list_item":
            style = layout.style("list_item")
            paragraph = self.out.add_paragraph()
        else:
            style = layout.style("body")
            paragraph = self.out.add_paragraph()
        self.format_paragraph(paragraph, style)
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
            self.add_text(
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
            self.format_run(run, style)
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
        docx_xml.set_fixed_layout(table._tbl, [mm_to_twips(w) for w in widths])
        head, cell_style = layout.style("table_header"), layout.style("table")
        for r, row in enumerate(rows):
            style = head if r == 0 and len(rows) > 1 else cell_style
            for c in range(columns):
                cell = table.cell(r, c)
                cell.width = Mm(widths[c])
                self.text_paragraph(cell, row[c] if c < len(row) else "", style)
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
        table = self.borderless_table([layout.signature_left_mm, layout.signature_right_mm])
        docx_xml.cant_split_row(table.rows[0]._tr)
        left, right = table.rows[0].cells
        if doc.recipients:
            self.text_paragraph(left, "Nơi nhận:", layout.style("recipients_label"))
            for line in recipient_lines(doc.recipients):
                self.text_paragraph(left, line, layout.style("recipients"))
        signature = doc.signature
        if signature is not None:
            if signature.capacity:
                self.text_paragraph(right, signature.capacity, layout.style("signature_capacity"))
            if signature.title:
                self.text_paragraph(right, signature.title, layout.style("signature_title"))
            if signature.name:
                self.text_paragraph(right, signature.name, layout.style("signature_name"))

    def appendix(self, appendix: Appendix) -> None:
        layout = self.layout
        label = self.text_paragraph(
            self.out, appendix.title or "PHỤ LỤC", layout.style("appendix_label")
        )
        label.paragraph_format.page_break_before = True
        if appendix.caption:
            self.text_paragraph(self.out, appendix.caption, layout.style("appendix_caption"))
        has_note = any(
            b.kind == "paragraph" and b.text.lstrip().lower().startswith("(kèm theo")
            for b in appendix.blocks
        )
        note = appendix.note or ("" if has_note else appendix_note(self.doc.header))
        if note:
            self.text_paragraph(self.out, note, layout.style("appendix_note"))
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
