"""The extraction pipeline: read model in, every stage in order, extracted model out.

Stages (one module each, like eyecite): ``layout`` (logical lines, regions) → ``header`` →
``outline`` → ``closing`` (recipients, signature) → ``appendix`` → ``citations`` (+ ``resolve``)
→ ``quantities``; then the header of an authored Markdown file's front matter (``frontmatter``)
when the text has none, the header fallbacks that need citations (seed 000's number from its
appendix note) and the footnote links. Stages only read ``doc.blocks``/``doc.footnotes``/
``doc.lines`` and write their own fields, so each can be tested alone.

Citations are looked for everywhere (header summary, body, closing, appendix tables,
footnotes) except the document's own "Số …"; quantities in the body and the footnotes only
(the appendix lists documents, its "(1) … 03 năm" are item numbers and periods).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from capuy.extract import tokens
from capuy.extract.appendix import extract_appendices
from capuy.extract.citations import citation_at
from capuy.extract.closing import extract_recipients, extract_signature
from capuy.extract.frontmatter import read_front_matter
from capuy.extract.header import (
    SUMMARY_WRAPPED,
    apply_fallbacks,
    extract_header,
    is_all_caps,
    is_header_cell,
    is_header_line,
    is_summary_line,
    kind_names,
    split_columns,
    starts_body,
)
from capuy.extract.layout import (
    Regions,
    clean,
    closing_lines,
    find_regions,
    header_lines,
)
from capuy.extract.outline import extract_outline, is_outline_block
from capuy.extract.quantities import QuantityScanner, label_before
from capuy.model import Block, Citation, Document, Footnote, Quantity

_BODY_KINDS = {"paragraph", "heading", "list_item"}


@dataclass
class _Unit:
    """A piece of text to scan, with its line mapping and the footnote it belongs to."""

    text: str
    owner: Block | Footnote
    footnote: str = ""


def _body_start_finder() -> object:
    """``is_body_start(block)`` for ``find_regions``, called on the blocks in order.

    A header written without markup is still a header: a table before the body holding the
    Party title, the number or the place and date is its two columns; a line typed in two
    columns is read piece by piece; and the first line after the kind may be its summary even
    with a capital first letter ("Kết quả công tác tháng 3 …"), in the kind's block or the
    next one.
    """
    kind_seen = False
    summary_open = False  # the kind was just seen and no summary yet
    kind_block = -1
    index = -1
    last_summary = (-2, "")  # the block and text of the last summary line, to see it run on

    def is_body_start(block: Block) -> bool:
        nonlocal kind_seen, summary_open, kind_block, index, last_summary
        index += 1
        if block.kind == "table":
            before_kind = kind_block < 0
            return not (before_kind and any(is_header_cell(c) for r in block.rows for c in r))
        if is_outline_block(block):
            return True
        next_block = summary_open and index == kind_block + 1
        for piece in block.text.split("\n"):
            for part in split_columns(piece):
                text = clean(part)
                if not text:
                    continue
                if last_summary[0] >= 0 and _resolving_body(text):
                    return True
                runs_on = (
                    index in (last_summary[0], last_summary[0] + 1)
                    and len(last_summary[1]) >= SUMMARY_WRAPPED
                    and last_summary[1][-1] not in ".:;"
                )
                summary = (
                    (summary_open and (index == kind_block or next_block)) or runs_on
                ) and is_summary_line(text)
                if summary or (kind_block >= 0 and text[0].islower() and index > kind_block):
                    last_summary = (index, text)
                if not is_header_line(text, kind_seen) and not summary:
                    return True
                if summary or (kind_seen and not text.isupper() and is_header_line(text, True)):
                    summary_open = summary_open and index == kind_block and not summary
                if (
                    text.upper() == text
                    and any(c.isalpha() for c in text)
                    and not text.startswith("SỐ")
                ):
                    if kind_block < 0 and text in kind_names():
                        summary_open, kind_block = True, index
                    kind_seen = kind_seen or not text.startswith("CỦA")
        return False

    return is_body_start


def _resolving_body(text: str) -> bool:
    """After the summary, a capitals line naming a body ("BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI" over a
    nghị quyết's "- Căn cứ …") is the body that resolves, the first line of the text, not
    the summary's next line: the summary (trích yếu) is printed in lower case (HD 36-HD/VPTW).
    Its words are compared without their marks: a scan reads "BẠN THƯỜNG VỤ" as often as not."""
    return is_all_caps(text) and starts_body(text, marks_lost=True) and len(text.split()) >= 2


def _units(doc: Document, blocks: range, kinds: set[str]) -> Iterator[_Unit]:
    for index in blocks:
        block = doc.blocks[index]
        if block.kind in kinds:
            yield _Unit(block.text, block)


def _footnote_units(doc: Document) -> Iterator[_Unit]:
    for footnote in doc.footnotes:
        yield _Unit(footnote.text, footnote, footnote.label)


def _citations(units: Iterator[_Unit]) -> list[Citation]:
    found: list[Citation] = []
    for unit in units:
        for match in tokens.SYMBOL.finditer(unit.text):
            citation = citation_at(unit.text, match)
            citation.line = unit.owner.line_at(match.start())
            citation.footnote = unit.footnote
            found.append(citation)
    return found


_BROKEN_TAIL = re.compile(r"(?<![\w/])\d+\s?[-/]\s?(?:[A-ZĐ][\w]*\s?[-/]\s?)?$")
_BROKEN_HEAD = re.compile(r"^[A-ZĐ][\w/-]*")


def _broken_symbols(doc: Document, blocks: range) -> list[Citation]:
    """Symbols cut between two blocks ("… Công văn số 5169-" / "CV/BTCTU ngày …"), as a
    PDF text layer prints a table cell line by line; each is found once, at its first line."""
    found: list[Citation] = []
    for index in blocks:
        if index + 1 >= len(doc.blocks):
            break
        first, second = doc.blocks[index], doc.blocks[index + 1]
        tail = _BROKEN_TAIL.search(first.text[-40:])
        if tail is None or not _BROKEN_HEAD.match(second.text):
            continue
        cut = max(0, len(first.text) - 80)
        joined = first.text[cut:] + second.text[:160]
        junction = len(first.text) - cut
        for match in tokens.SYMBOL.finditer(joined):
            if match.start() < junction < match.end():
                citation = citation_at(joined, match)
                citation.line = first.line_at(cut + match.start())
                found.append(citation)
    return found


def _quantities(doc: Document, units: Iterator[_Unit]) -> list[Quantity]:
    found: list[Quantity] = []
    previous_text = ""
    for unit in units:
        for quantity in QuantityScanner(unit.text, unit.owner.line_at).scan():
            quantity.footnote = unit.footnote
            if not quantity.label and quantity.start <= 2 and previous_text.rstrip().endswith(":"):
                quantity.label = label_before(previous_text, len(previous_text))
            found.append(quantity)
        previous_text = unit.text
    return found


def link_footnotes(doc: Document) -> None:
    """Set ``Footnote.ref_line`` from the call marks the reader kept in the blocks."""
    by_label = {footnote.label: footnote for footnote in doc.footnotes}
    for block in doc.blocks:
        for ref in block.footnote_refs:
            footnote = by_label.get(ref.label)
            if footnote is not None and footnote.ref_line is None:
                footnote.ref_line = block.line_at(ref.offset)


def _first_body_line(doc: Document, regions: Regions) -> int:
    if regions.body < len(doc.blocks):
        return doc.blocks[regions.body].line
    return 10**9


def regions_of(doc: Document) -> Regions:
    return find_regions(doc, _body_start_finder())


def extract(doc: Document) -> Document:
    """Fill header, title, sections, signature, recipients, appendices, citations, quantities."""
    regions = regions_of(doc)
    header, title = extract_header(header_lines(doc.blocks, 0, regions.body, split_columns))
    doc.sections = extract_outline(doc, regions.body, regions.closing)
    closing = closing_lines(doc.blocks, regions.closing, regions.appendix)
    doc.recipients = extract_recipients(closing)
    doc.signature = extract_signature(closing)
    doc.appendices = extract_appendices(doc.blocks, regions.appendix)

    # The header is scanned too (a summary line may cite "Chỉ thị số 05-CT/TW"), except the
    # document's own "Số 708-BC/TU".
    everything = range(0, len(doc.blocks))
    citations = _citations(_units(doc, everything, _BODY_KINDS | {"table"}))
    own_number = header.lines.get("number")
    citations = [
        c
        for c in citations
        if not (c.line == own_number and c.line < _first_body_line(doc, regions))
    ]
    citations += _broken_symbols(doc, everything)
    citations += _citations(_footnote_units(doc))
    doc.citations = sorted(citations, key=lambda c: (c.line, c.start))

    appendix_lines = {appendix.line for appendix in doc.appendices}
    apply_fallbacks(header, doc.appendices, [c for c in doc.citations if c.line in appendix_lines])
    front = read_front_matter(doc.lines) if doc.format == "md" else None
    if front is not None and not header.kind:
        # The authoring format's YAML header (docs/authoring.md) stands for the header lines.
        header, title = front.header, front.title
        doc.signature = doc.signature or front.signature
        doc.recipients = doc.recipients or front.recipients
    doc.header = header
    doc.title = title or header.kind

    body = range(regions.body, regions.closing)
    quantities = _quantities(doc, _units(doc, body, _BODY_KINDS))
    quantities += _quantities(doc, _footnote_units(doc))
    doc.quantities = sorted(quantities, key=lambda q: (q.line, q.start))
    link_footnotes(doc)
    return doc
