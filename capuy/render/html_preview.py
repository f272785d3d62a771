"""Model → HTML in the official layout, for the screen (the preview beside the report editor and
the page the leader reviews). The same components as the DOCX (``docx_writer``), in the same
order and with the same words (``capuy.render.texts``): the two-column header (superior and
issuing body, ``*``, ``Số …``; "ĐẢNG CỘNG SẢN VIỆT NAM", place and date), "Dự thảo", the
kind and summary with the reporting period, the body (headings, paragraphs with bold and italic
and footnote calls, list items with their markers, tables with a header row), the closing
(Nơi nhận and the signature), the footnotes and the appendices.

Every text is escaped (``html.escape``); the markup carries classes only (the look is
``capuy/reports/static/reports/preview.css``: no inline style under the CSP) and each block its
source line (``data-line``) so a finding can point at it.
"""

from __future__ import annotations

from html import escape

from capuy.model import Appendix, Block, Document
from capuy.render.texts import (
    appendix_note,
    date_line,
    number_line,
    recipient_lines,
    summary_parts,
    with_marker,
)
from capuy.vocab.layout import Layout, load_layout

TITLE_TEXT = "ĐẢNG CỘNG SẢN VIỆT NAM"


def _p(css: str, text: str, line: int = 0) -> str:
    where = f' data-line="{line}"' if line else ""
    return f'<p class="{css}"{where}>{escape(text)}</p>'


def _rich(block: Block) -> str:
    """The block's text with ``<strong>``/``<em>`` at its emphasis and ``<sup>`` calls."""
    text = block.text
    cuts = {0, len(text)}
    for start, end, _ in block.emphasis:
        cuts.update((start, end))
    refs: dict[int, list[str]] = {}
    for ref in block.footnote_refs:
        cuts.add(ref.offset)
        refs.setdefault(ref.offset, []).append(ref.label)
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[str] = []
    for start, end in zip(points, points[1:] + [len(text)], strict=True):
        out.extend(f'<sup class="fn-call">{escape(label)}</sup>' for label in refs.get(start, []))
        piece = escape(text[start:end])
        if not piece:
            continue
        marks = {m for s, e, m in block.emphasis if s <= start and end <= e}
        if "italic" in marks:
            piece = f"<em>{piece}</em>"
        if "bold" in marks:
            piece = f"<strong>{piece}</strong>"
        out.append(piece)
    return "".join(out)


def _table(rows: list[list[str]], line: int = 0) -> str:
    if not rows:
        return ""
    head = "".join(f"<th>{escape(c)}</th>" for c in rows[0])
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows[1:]
    )
    where = f' data-line="{line}"' if line else ""
    return f'<table class="doc-table"{where}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _block(block: Block) -> str:
    where = f' data-line="{block.line}"' if block.line else ""
    if block.kind == "table":
        return _table(block.rows, block.line)
    if block.kind == "heading":
        level = min(max(block.level, 1), 4)
        css = "run-in" if block.style == "run_in" else f"h{level}"
        return f'<p class="doc-heading {css}" role="heading" aria-level="{level}"{where}>{_rich(block)}</p>'
    if block.kind == "list_item":
        depth = min(max(block.level, 1), 4)
        return f'<p class="doc-item depth-{depth}"{where}>{_rich(with_marker(block))}</p>'
    return f'<p class="doc-para"{where}>{_rich(block)}</p>'


def _header(doc: Document, layout: Layout) -> str:
    header = doc.header
    left = []
    if header.superior:
        left.append(_p("superior", header.superior))
    if header.issuer:
        left.append(_p("issuer", header.issuer))
    left.append(_p("star", "*"))
    left.append(_p("number", number_line(header)))
    for mark in (header.classification, header.urgency):
        if mark:
            left.append(f'<p class="mark"><span>{escape(mark)}</span></p>')
    right = [_p("party", TITLE_TEXT)]
    if header.place or header.date:
        right.append(_p("place-date", date_line(header, layout)))
    out = [f'<div class="doc-header"><div class="left">{"".join(left)}</div>'
           f'<div class="right">{"".join(right)}</div></div>']  # fmt: skip
    if header.draft:
        out.append(_p("draft", "Dự thảo"))
    kind, *qualifiers = header.kind.split("\n") if header.kind else [""]
    if kind:
        out.append(_p("kind", kind))
    out.extend(_p("kind-qualifier", q) for q in qualifiers)
    for text, is_period in summary_parts(header.summary):
        out.append(_p("period" if is_period else "summary", text))
    return "".join(out)


def _closing(doc: Document) -> str:
    if not doc.recipients and doc.signature is None:
        return ""
    left = ""
    if doc.recipients:
        left = _p("recipients-label", "Nơi nhận:") + "".join(
            _p("recipient", line) for line in recipient_lines(doc.recipients)
        )
    right = ""
    if doc.signature is not None:
        sig = doc.signature
        right = "".join(
            _p(css, text)
            for css, text in (("sig-capacity", sig.capacity), ("sig-title", sig.title),
                              ("sig-name", sig.name))
            if text
        )  # fmt: skip
    return f'<div class="doc-closing"><div class="left">{left}</div><div class="right">{right}</div></div>'


def _appendix(doc: Document, appendix: Appendix) -> str:
    out = [_p("appendix-label", appendix.title or "PHỤ LỤC", appendix.line)]
    if appendix.caption:
        out.append(_p("appendix-caption", appendix.caption))
    has_note = any(
        b.kind == "paragraph" and b.text.lstrip().lower().startswith("(kèm theo")
        for b in appendix.blocks
    )
    note = appendix.note or ("" if has_note else appendix_note(doc.header))
    if note:
        out.append(_p("appendix-note", note))
    drawn = set()
    for block in appendix.blocks:
        out.append(_block(block))
        if block.kind == "table":
            drawn.add(block.line)
    out.extend(_table(t.rows, t.line) for t in appendix.tables if t.line not in drawn)
    return '<section class="doc-appendix">' + "".join(out) + "</section>"


def render_html(doc: Document, layout: Layout | None = None) -> str:
    """The document as an HTML fragment (``<article class="doc-page">``), escaped."""
    layout = layout or load_layout()
    parts = [_header(doc, layout), '<div class="doc-body">']
    parts.extend(_block(b) for b in doc.blocks)
    parts.append("</div>")
    parts.append(_closing(doc))
    if doc.footnotes:
        notes = "".join(
            f'<li data-line="{f.line}"><sup>{escape(f.label)}</sup> {escape(f.text)}</li>'
            for f in doc.footnotes
        )
        parts.append(f'<ol class="doc-footnotes">{notes}</ol>')
    parts.extend(_appendix(doc, a) for a in doc.appendices)
    return '<article class="doc-page">' + "".join(parts) + "</article>"
