"""``convert_file``: any file capuy can read → a document in the official layout.

The file is read (``capuy.read.read_file``) and extracted (``capuy.extract.extract``); the header
is rebuilt from what the extractor found, the outline's blocks become headings, footnotes stay
footnotes, and the appendix tables become tables. ``layout_document`` turns the extracted
document into the one the renderer draws: only the body blocks (between the header and the
closing), everything else as header, signature, recipients and appendices.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from capuy.extract import extract
from capuy.model import Appendix, Block, Document, Section
from capuy.read import read_file
from capuy.read.limits import check_length
from capuy.render.authoring import APPENDIX_NOTE
from capuy.render.docx_writer import render_docx
from capuy.render.pdf import PdfConverter, docx_to_pdf

_CLOSING_WORDS = ("nơi nhận",)


def _flatten(sections: list[Section]) -> list[Section]:
    out: list[Section] = []
    for section in sections:
        out.append(section)
        out.extend(_flatten(section.children))
    return out


def _logical_line(doc: Document, line: int) -> str:
    """The text of source line ``line`` as the reader joined it (markup already removed)."""
    for block in doc.blocks:
        offset = 0
        for piece in block.text.split("\n"):
            if block.line_at(offset) == line and piece.strip():
                return piece.strip()
            offset += len(piece) + 1
    return ""


def _closing_line(doc: Document, body_start: int, appendix_line: int) -> int:
    """Where the closing starts: "Nơi nhận:" or the signature's capacity, whichever is first."""
    candidates = [appendix_line]
    if doc.signature is not None and doc.signature.line > body_start:
        candidates.append(doc.signature.line)
    for block in doc.blocks:
        first = block.text.split("\n", 1)[0].strip().lower().rstrip(":")
        if body_start < block.line < appendix_line and first in _CLOSING_WORDS:
            candidates.append(block.line)
            break
    return min(candidates)


def _as_heading(block: Block, section: Section) -> Block:
    """The block of an outline node as a heading. A run-in heading ("2.2. Nguyên nhân: Công tác
    …", a bold lead-in followed by its paragraph) keeps the paragraph's look: style
    ``run_in`` and the label and title in bold."""
    heading = replace(block, kind="heading", level=section.level, label=section.label)
    title_at = block.text.find(section.title) if section.title else -1
    if title_at < 0:
        return heading
    end = title_at + len(section.title)
    rest = block.text[end:]
    if not rest.strip(" .:;\n"):
        return heading
    if rest[:1] in ":.":
        end += 1
    return replace(heading, style="run_in", emphasis=[(0, end, "bold"), *block.emphasis])


def _appendix(appendix: Appendix) -> Appendix:
    """An appendix whose caption and note the extractor left among its blocks (a DOCX prints
    "PHỤ LỤC", the caption and "(kèm theo …)" as three paragraphs): take them back, so they
    are set as caption and note and the note is not made a second time from the header."""
    blocks = list(appendix.blocks)
    caption, note = appendix.caption, appendix.note
    while blocks and blocks[0].kind == "paragraph":
        text = blocks[0].text.strip()
        if not note and APPENDIX_NOTE.match(text):
            note = text
        elif not caption and not note and len(text) < 300:
            caption = text
        else:
            break
        blocks.pop(0)
    return replace(appendix, caption=caption, note=note, blocks=blocks)


def layout_document(doc: Document) -> Document:
    """The extracted ``doc`` as the renderer needs it: body blocks only, outline as headings."""
    header = replace(doc.header, lines=dict(doc.header.lines))
    outline = {s.line: s for s in _flatten(doc.sections)}
    end = max((b.line for b in doc.blocks), default=0) + 1
    appendix_line = min((a.line for a in doc.appendices if a.line), default=end)
    first_section = min(outline, default=appendix_line)
    header_lines = [v for v in header.lines.values() if v < first_section]
    body_start = max(header_lines, default=0)
    closing = _closing_line(doc, body_start, appendix_line)
    qualifier_line = header.lines.get("kind_qualifier")
    if qualifier_line and (qualifier := _logical_line(doc, qualifier_line)):
        header.kind = f"{header.kind}\n{qualifier}"
    period_line = header.lines.get("period")
    if period_line and (period := _logical_line(doc, period_line)):
        header.summary = f"{header.summary}\n{period}" if header.summary else period
    blocks: list[Block] = []
    for block in doc.blocks:
        if not body_start < block.line < closing:
            continue
        section = outline.get(block.line)
        if section is not None and block.kind != "table":
            block = _as_heading(block, section)
        blocks.append(block)
    return Document(
        source=doc.source,
        format=doc.format,
        lines=doc.lines,
        header=header,
        blocks=blocks,
        footnotes=doc.footnotes,
        sections=doc.sections,
        signature=doc.signature,
        recipients=doc.recipients,
        appendices=[_appendix(a) for a in doc.appendices],
        citations=doc.citations,
        quantities=doc.quantities,
        title=doc.title,
    )


def convert_file(
    path: str | Path,
    out_docx: str | Path,
    pdf: str | Path | None = None,
    converter: PdfConverter | None = None,
) -> Path:
    """Read and extract ``path``, write it in the official layout to ``out_docx`` (and ``pdf``,
    through ``converter`` when given so a batch reuses one LibreOffice)."""
    read = read_file(Path(path))
    check_length(sum(len(line) for line in read.lines), str(path))  # before extract and layout
    doc = extract(read)
    out = render_docx(layout_document(doc), out_docx)
    if pdf is not None:
        if converter is not None:
            converter.convert(out, pdf)
        else:
            docx_to_pdf(out, pdf)
    return out
