"""The .docx reader: python-docx for the package and styles, the raw XML for the rest.

Line numbers: ``Block.line`` is the 1-based index of the paragraph in document order, counting
every ``w:p`` of the body including the paragraphs inside table cells (row by row, cell by
cell) and empty paragraphs. ``Document.lines[i - 1]`` is the text of paragraph ``i``
(numbering label included). Footnote paragraphs (word/footnotes.xml) are numbered after the
body's, so ``Footnote.line`` also indexes ``Document.lines``; ``Footnote.ref_line`` is the line
of the paragraph holding the ``w:footnoteReference``.

Headings: style "Heading N" (or an outline level) → ``heading`` with level N; "Title" →
``heading`` with level 0. Word numbering is computed and prepended to the text (``I- …``,
``1.1. …``, ``a) …``); bullets and typed ``- ``/``+ ``/``* `` markers give ``list_item``s.
A borderless table at the top of the body (the Party header: issuing body left, "ĐẢNG CỘNG SẢN
VIỆT NAM" and place/date right) is flattened into paragraphs, left column first. The paragraphs
of text boxes (a header laid out in two boxes) come before the paragraph they are anchored in,
each with its own line. Runs set in a pre-Unicode font (``.VnTime``, ``.VnTimeH``,
``VNI-Times``: the run's, its style's or the document default) are converted to Unicode
(``capuy.read.legacy``); ``Document.encoding`` names the encodings met. Page headers and footers
are not read.
"""
# Long: the DOCX reader walks one body: paragraphs, tables, text boxes, footnotes and legacy-font runs in document order.

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from capuy.errors import InputError
from capuy.model import Block, BlockKind, Document, Footnote, FootnoteRef
from capuy.read.docx_footnotes import read_footnotes
from capuy.read.docx_numbering import Numbering
from capuy.read.docx_xml import (
    StyleFlags,
    block_children,
    deleted,
    font_name,
    heading_level,
    owner_paragraph,
    owner_table,
)
from capuy.read.emphasis import Span, emphasis_ranges, shift_spans
from capuy.read.emphasis import shift as shift_ranges
from capuy.read.footnotes import link_footnotes
from capuy.read.legacy import decode_run, font_encoding
from capuy.read.package_limits import check_zip

TYPED_MARKER = re.compile(r"^([-+*•–])\s+(?=\S)")
BULLET_LABELS = {
    "": "•",
    "\uf0b7": "•",
    "\uf0a7": "▪",
    "\uf0d8": "➢",
    "\uf02d": "-",
    "o": "◦",
}
"""Word writes bullets in the Symbol/Wingdings private-use area; show them as Unicode."""
_HIDDEN_BORDERS = {"nil", "none"}


@dataclass
class ParagraphText:
    """The visible text of one paragraph with its emphasis and footnote calls."""

    text: str = ""
    refs: list[FootnoteRef] = field(default_factory=list)
    bold: bool = False
    italic: bool = False
    emphasis: list[tuple[int, int, str]] = field(default_factory=list)


class _Reader:
    def __init__(self, document: docx.document.Document, source: str) -> None:
        self.document = document
        self.source = source
        self.numbering = Numbering.from_xml(self._part_xml(RT.NUMBERING))
        defaults = document.styles.element.find(
            f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"
        )
        self.styles = StyleFlags(
            document.styles,
            document.styles.default(WD_STYLE_TYPE.PARAGRAPH),
            font_name(defaults),
        )
        self.legacy: set[str] = set()
        """Legacy font encodings met in runs (``Document.encoding``)."""
        self.lines: list[str] = []
        self.blocks: list[Block] = []
        self.footnote_ids: dict[str, str] = {}

    def _part_xml(self, reltype: str) -> etree._Element | None:
        for rel in self.document.part.rels.values():
            if rel.reltype == reltype and not rel.is_external:
                return etree.fromstring(rel.target_part.blob)
        return None

    def read(self) -> Document:
        body = self.document.element.body
        children = list(block_children(body))
        header_index = self._header_table_index(children)
        for index, child in enumerate(children):
            if child.tag == qn("w:p"):
                self._text_boxes(child)
                self._paragraph(child)
            elif child.tag == qn("w:tbl"):
                if index == header_index:
                    self._flatten(child)
                else:
                    self._table(child)
        footnotes = self._footnotes()
        link_footnotes(self.blocks, footnotes)
        return Document(
            source=self.source,
            format="docx",
            lines=self.lines,
            blocks=self.blocks,
            footnotes=footnotes,
            encoding="+".join(sorted(self.legacy)),
        )

    def _legacy_font(self, r: etree._Element, style: BaseStyle | None) -> tuple[str, bool] | None:
        """The legacy encoding of a run's font (``.VnTime`` → TCVN3), or None for Unicode."""
        found = font_encoding(self.styles.font(r, style))
        if found is not None:
            self.legacy.add(found[0])
        return found

    def _text_boxes(self, p: etree._Element) -> None:
        """The paragraphs of text boxes anchored in ``p``, before ``p``'s own text.

        Some offices lay the header out in two text boxes (issuing body left, the Party title and
        date right) instead of a table. Word writes each box twice (DrawingML, and VML inside
        ``mc:Fallback`` for old readers): the fallback copy is skipped.
        """
        fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
        for box in p.iter(qn("w:txbxContent")):
            parent = box.getparent()
            inside_fallback = False
            while parent is not None and parent is not p:
                if parent.tag == fallback:
                    inside_fallback = True
                    break
                parent = parent.getparent()
            if inside_fallback:
                continue
            for inner in box.iter(qn("w:p")):
                if _nearest(inner, qn("w:txbxContent")) is box:
                    self._paragraph(inner)

    # --- paragraphs -------------------------------------------------------------------

    def _paragraph(self, p: etree._Element, emit: bool = True) -> tuple[int, ParagraphText]:
        paragraph = Paragraph(p, self.document.part)
        style = self.styles.paragraph_style(p)
        content = self._text(paragraph, style)
        style_name = style.name if style is not None and style.name else ""
        num_label, num_fmt = self._numbering(p, style)
        kind: BlockKind = "paragraph"
        label = ""
        level = heading_level(style_name, p, style)
        text = content.text
        refs = content.refs
        emphasis = content.emphasis
        if level is not None:
            kind = "heading"
        if num_fmt == "bullet" and kind == "paragraph":
            kind, label = "list_item", BULLET_LABELS.get(num_label, num_label)
        elif num_label:
            shift = len(num_label) + 1
            text = f"{num_label} {text}"
            refs = [FootnoteRef(r.label, r.offset + shift) for r in refs]
            emphasis = shift_ranges(emphasis, shift)
        if kind == "paragraph" and (typed := TYPED_MARKER.match(text)):
            kind, label = "list_item", typed.group(1)
            refs = [FootnoteRef(r.label, r.offset - typed.end()) for r in refs]
            emphasis = [r for r in shift_ranges(emphasis, -typed.end()) if r[0] >= 0]
            text = text[typed.end() :]
        self.lines.append(text if not label else f"{label} {text}")
        line = len(self.lines)
        if emit and text.strip():
            self.blocks.append(
                Block(
                    kind=kind,
                    text=text,
                    line=line,
                    level=level or 0,
                    label=label,
                    bold=content.bold,
                    italic=content.italic,
                    style=style_name,
                    footnote_refs=refs,
                    segments=[(0, line)],
                    emphasis=emphasis,
                )
            )
        return line, ParagraphText(text, refs, content.bold, content.italic, emphasis)

    def _text(self, paragraph: Paragraph, style: BaseStyle | None) -> ParagraphText:
        p = paragraph._p
        parts: list[str] = []
        spans: list[Span] = []
        length = 0
        refs: list[FootnoteRef] = []
        visible = bold = italic = 0
        for r in p.iter(qn("w:r")):
            if owner_paragraph(r) is not p or deleted(r):
                continue
            run = Run(r, paragraph)
            run_bold = self.styles.effective(run, style, "bold")
            run_italic = self.styles.effective(run, style, "italic")
            legacy = self._legacy_font(r, style)
            for child in r:
                tag = child.tag
                piece = ""
                if tag == qn("w:t"):
                    piece = child.text or ""
                    if legacy is not None:
                        piece = decode_run(piece, *legacy)
                elif tag == qn("w:tab"):
                    piece = "\t"
                elif tag in (qn("w:br"), qn("w:cr")):
                    piece = "\n"
                elif tag == qn("w:noBreakHyphen"):
                    piece = "-"
                elif tag == qn("w:footnoteReference"):
                    note_id = child.get(qn("w:id"), "")
                    label = self.footnote_ids.setdefault(note_id, str(len(self.footnote_ids) + 1))
                    refs.append(FootnoteRef(label, len("".join(parts))))
                    if child.get(qn("w:customMarkFollows")) in ("1", "true"):
                        break
                    continue
                if piece:
                    piece = unicodedata.normalize("NFC", piece)
                    parts.append(piece)
                    spans.append((length, length + len(piece), run_bold, run_italic))
                    length += len(piece)
                    count = sum(1 for ch in piece if not ch.isspace())
                    visible += count
                    bold += count if run_bold else 0
                    italic += count if run_italic else 0
        raw = unicodedata.normalize("NFC", "".join(parts))
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        refs = [FootnoteRef(r.label, min(max(0, r.offset - lead), len(stripped))) for r in refs]
        return ParagraphText(
            stripped,
            refs,
            visible > 0 and bold == visible,
            visible > 0 and italic == visible,
            emphasis_ranges(stripped, shift_spans(spans, -lead)),
        )

    def _numbering(self, p: etree._Element, style: BaseStyle | None) -> tuple[str, str]:
        num_pr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        current = style
        while num_pr is None and current is not None:
            num_pr = current.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            current = getattr(current, "base_style", None)
        if num_pr is None:
            return "", ""
        num_id = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        if num_id is None:
            return "", ""
        return self.numbering.label(
            num_id.get(qn("w:val"), "0"), int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
        )

    # --- tables -----------------------------------------------------------------------

    def _header_table_index(self, children: list[etree._Element]) -> int | None:
        """The index of a borderless table before any non-empty paragraph, if there is one."""
        for index, child in enumerate(children):
            if child.tag == qn("w:tbl"):
                return index if not self._has_borders(child) else None
            if "".join(t.text or "" for t in child.iter(qn("w:t"))).strip():
                return None
        return None

    def _has_borders(self, tbl: etree._Element) -> bool:
        border_sets = list(tbl.iter(qn("w:tblBorders"))) + list(tbl.iter(qn("w:tcBorders")))
        style_id = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
        if style_id is not None:
            style = self._style_by_id(style_id.get(qn("w:val"), ""))
            if style is not None:
                border_sets.extend(style.element.iter(qn("w:tblBorders")))
        for borders in border_sets:
            for edge in borders:
                if edge.get(qn("w:val"), "nil") not in _HIDDEN_BORDERS:
                    return True
        return False

    def _style_by_id(self, style_id: str) -> BaseStyle | None:
        return self.styles.by_id.get(style_id)

    def _flatten(self, tbl: etree._Element) -> None:
        """The header table: read in document order (line numbers), emit column by column."""
        columns: dict[int, list[Block]] = {}
        start = len(self.blocks)
        for row in tbl.iter(qn("w:tr")):
            for column, tc in enumerate(row.findall(qn("w:tc"))):
                for p in tc.iter(qn("w:p")):
                    before = len(self.blocks)
                    self._paragraph(p)
                    columns.setdefault(column, []).extend(self.blocks[before:])
        del self.blocks[start:]
        for column in sorted(columns):
            self.blocks.extend(columns[column])

    def _table(self, tbl: etree._Element) -> None:
        rows: list[list[str]] = []
        row_lines: list[int] = []
        refs: list[FootnoteRef] = []
        segments: list[tuple[int, int]] = []
        offset = 0
        for tr in tbl.iter(qn("w:tr")):
            if owner_table(tr) is not tbl:
                continue
            cells: list[str] = []
            row_line = 0
            for tc in tr.findall(qn("w:tc")):
                texts: list[str] = []
                for p in tc.iter(qn("w:p")):
                    line, content = self._paragraph(p, emit=False)
                    row_line = row_line or line
                    base = offset + sum(len(c) + 1 for c in cells) + sum(len(t) + 1 for t in texts)
                    segments.append((base, line))
                    refs.extend(FootnoteRef(r.label, base + r.offset) for r in content.refs)
                    if content.text:
                        texts.append(content.text)
                cells.append("\n".join(texts))
            rows.append(cells)
            row_lines.append(row_line)
            offset += len("\t".join(cells)) + 1
        if not rows:
            return
        self.blocks.append(
            Block(
                kind="table",
                text="\n".join("\t".join(cells) for cells in rows),
                line=row_lines[0],
                rows=rows,
                row_lines=row_lines,
                footnote_refs=refs,
                segments=_monotonic(segments),
            )
        )

    # --- footnotes --------------------------------------------------------------------

    def _footnotes(self) -> list[Footnote]:
        return read_footnotes(
            self._part_xml(RT.FOOTNOTES), self.footnote_ids, self._note_text, self.lines
        )

    def _note_text(self, p: etree._Element) -> str:
        parts = []
        style = self.styles.paragraph_style(p)
        for node in p.iter(qn("w:t"), qn("w:tab")):
            if node.tag == qn("w:tab"):
                parts.append("\t")
                continue
            text = node.text or ""
            run = node.getparent()
            legacy = self._legacy_font(run, style) if run is not None else None
            parts.append(decode_run(text, *legacy) if legacy is not None else text)
        return unicodedata.normalize("NFC", "".join(parts)).strip()


def _nearest(node: etree._Element, tag: str) -> etree._Element | None:
    parent = node.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _monotonic(segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    result: list[tuple[int, int]] = []
    for start, line in segments:
        if result and result[-1][0] == start:
            result[-1] = (start, line)
        else:
            result.append((start, line))
    return result


def read_docx(data: bytes, source: str) -> Document:
    """Read a .docx package (bytes) into a ``Document``; corrupt packages raise ``InputError``."""
    check_zip(data, source)  # before python-docx inflates every part into memory
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx fails on bad packages with many exception types
        if isinstance(exc, InputError):
            raise
        raise InputError(
            f"Tệp DOCX hỏng, không mở được: {source}", f"corrupt DOCX, cannot open: {source}"
        ) from exc
    try:
        return _Reader(document, source).read()
    except InputError:
        raise
    except Exception as exc:  # malformed parts surface as AttributeError, TypeError, …
        raise InputError(
            f"Tệp DOCX hỏng (nội dung XML không đọc được): {source}",
            f"corrupt DOCX (unreadable XML part): {source}",
        ) from exc
