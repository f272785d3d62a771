"""The one document model every part of capuy speaks (DESIGN.md §2).

Readers turn files into a ``Document`` (blocks and footnotes); the extractor fills in what it
finds (header, outline, signature, recipients, appendices, citations, quantities); the checker
reads it and returns ``Finding``s; the renderer writes it as DOCX. Nothing here does I/O, so the
parts can only talk to each other through these dataclasses.

Line numbers are 1-based lines of the input text file; for DOCX they are 1-based paragraph
indexes. Text is NFC with every diacritic kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal, get_args

BlockKind = Literal["paragraph", "heading", "list_item", "table"]
Severity = Literal["error", "warning", "info"]
Category = Literal[
    "arithmetic",
    "citation-date",
    "citation-type",
    "citation-conflict",
    "term",
    "spelling",
    "duplicate",
    "format",
    "other",
]
CATEGORIES: tuple[str, ...] = get_args(Category)  # the one list, in report order


def source_line(first_line: int, segments: list[tuple[int, int]], offset: int) -> int:
    """The source line of the character at ``offset`` of a text joined from several lines.

    ``segments`` lists (offset where a source line's text starts, that line); before the first
    segment the text is on ``first_line``.
    """
    line = first_line
    for start, seg_line in segments:
        if start > offset:
            break
        line = seg_line
    return line


@dataclass
class FootnoteRef:
    """A footnote call mark inside a block: ``label`` sits at ``offset`` in ``Block.text``."""

    label: str
    offset: int


@dataclass
class Block:
    """One paragraph, heading, list item or table as the source has it.

    ``text`` is plain text: markup (``**``, ``<sup>``, ``<i>``) and footnote call marks are
    removed; line breaks inside a block are kept as ``\\n``. ``segments`` maps character offsets
    of ``text`` back to source lines, because a paragraph cut by a page break (and a footnote
    printed in the gap) is joined back into one block but its parts live on different lines.
    """

    kind: BlockKind
    text: str
    line: int
    level: int = 0
    label: str = ""
    bold: bool = False
    italic: bool = False
    style: str = ""
    footnote_refs: list[FootnoteRef] = field(default_factory=list)
    segments: list[tuple[int, int]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    row_lines: list[int] = field(default_factory=list)
    # (start, end, "bold" | "italic") ranges of ``text`` set in bold or italic inside the block
    # (a bold lead-in "Về công tác …:"); filled by the authoring parser, used by the renderer.
    emphasis: list[tuple[int, int, str]] = field(default_factory=list)
    # The OCR engine's mean word confidence (0–100) for a block read from a scan; None when the
    # text was not recognised from an image (capuy.read.ocr).
    confidence: float | None = None
    # What the OCR repairs changed in this block against a vocabulary, one note each
    # ("114-QĐ/TW: ngày 11/7/2O23 → 11/7/2023 (danh mục văn bản Trung ương)"); empty otherwise.
    repairs: list[str] = field(default_factory=list)

    def line_at(self, offset: int) -> int:
        """The source line of the character at ``offset`` in ``text``."""
        return source_line(self.line, self.segments, offset)


@dataclass
class Footnote:
    """A footnote's text and where it is called from (``ref_line`` is None when unlinked)."""

    label: str
    text: str
    line: int
    ref_line: int | None = None
    segments: list[tuple[int, int]] = field(default_factory=list)

    def line_at(self, offset: int) -> int:
        return source_line(self.line, self.segments, offset)


@dataclass
class Header:
    """The header components of a Party document (DESIGN.md §5).

    ``number`` is empty and ``symbol`` keeps its blank (``-BC/HU``) in a draft that has not been
    numbered yet. ``lines`` records where each component was found, for the format checker.
    """

    superior: str = ""
    issuer: str = ""
    number: str = ""
    symbol: str = ""
    place: str = ""
    date: date | None = None
    kind: str = ""
    summary: str = ""
    draft: bool = False
    classification: str = ""
    urgency: str = ""
    lines: dict[str, int] = field(default_factory=dict)


@dataclass
class Signature:
    """The signature block: capacity (T/M, K/T, T/L, TUQ …), title and name."""

    capacity: str = ""
    title: str = ""
    name: str = ""
    line: int = 0


@dataclass
class Section:
    """A node of the outline: ``I`` → ``1`` → ``1.1`` → ``a`` with its title."""

    label: str
    title: str
    level: int
    line: int
    children: list[Section] = field(default_factory=list)


@dataclass
class Table:
    rows: list[list[str]]
    line: int
    caption: str = ""
    row_lines: list[int] = field(default_factory=list)


@dataclass
class Appendix:
    """``PHỤ LỤC`` with its caption, its ``(kèm theo …)`` note and its tables."""

    title: str
    caption: str = ""
    note: str = ""
    line: int = 0
    tables: list[Table] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Citation:
    """A Party or State document cited in the text.

    ``symbol`` is written as in the text with spaces removed (``45-NQ/TW``, ``08-QĐi/TW``,
    ``06/QĐ-TTg``, ``26/2022/UBTVQH15``). ``system`` tells Party symbols from State ones.
    ``term`` is a congress term ordinal written beside it (``XI`` from ``(khóa XI)``), if any.
    """

    symbol: str
    number: str
    type_code: str
    issuer_code: str
    type_word: str = ""
    date: date | None = None
    line: int = 0
    text: str = ""
    system: Literal["party", "state"] = "party"
    year: str = ""
    raw_date: str = ""
    term: str = ""
    author: str = ""
    footnote: str = ""
    start: int = 0
    end: int = 0


@dataclass
class Quantity:
    """A number the text states, with what it counts.

    ``kind`` is ``count`` (``09 đồng chí``), ``ratio`` (``51/256``, ``19 đơn/26 vụ``),
    ``percent`` (``19,92%``), ``money`` (``1,1 tỷ đồng``) or ``measure`` (``1,37 ha``).
    ``parts`` holds a parenthesised breakdown (``khiển trách 19, cảnh cáo 08``), each part with
    its ``label``. ``of`` says what a percentage is of, or what is counted.
    """

    kind: Literal["count", "ratio", "percent", "money", "measure"]
    value: Decimal
    text: str
    line: int
    unit: str = ""
    label: str = ""
    of: str = ""
    denominator: Decimal | None = None
    denominator_unit: str = ""
    parts: list[Quantity] = field(default_factory=list)
    start: int = 0
    end: int = 0
    footnote: str = ""
    # For a percentage: the ratio stated just before it in the same clause ("51/256 … (19,92%")
    # so the checker can compare them. Added by the extractor (default None).
    ratio: Quantity | None = None


@dataclass
class Document:
    """A report or other Party document, as read and as extracted."""

    source: str
    format: str = "txt"
    lines: list[str] = field(default_factory=list)
    header: Header = field(default_factory=Header)
    blocks: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    signature: Signature | None = None
    recipients: list[str] = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    title: str = ""
    # How the reader got the text: the text encoding it decoded ("utf-8", "tcvn3", "vni",
    # "viqr", "cp1258" …; for a DOCX the legacy font encoding of converted runs), "ocr" for a
    # scan, "" when nothing needed saying. ``confidence`` is a scan's mean OCR confidence (0–100).
    encoding: str = ""
    confidence: float | None = None


@dataclass
class Finding:
    """One thing the checker found (the ``capuy check --json`` contract, DESIGN.md §4)."""

    rule: str
    category: Category
    severity: Severity
    line: int
    excerpt: str
    message: str
    suggestion: str = ""
    source: str = ""
