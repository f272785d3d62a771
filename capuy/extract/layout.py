"""Stage 0 — layout: the document cut into logical lines and regions.

Readers join a paragraph broken by a page (and may keep a multi-line header or signature in one
block with ``\\n``), so the header, signature and recipient stages work on *logical lines*: each
``\\n``-separated piece of a block, with its own source line from ``Block.line_at``.

Regions, in reading order: the header (everything before the first body paragraph or outline
label), the body, the closing (from "Nơi nhận:" or the signature's "T/M …", whichever comes
first) and the appendix (from "PHỤ LỤC"). Each later stage looks only at its region.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from capuy.model import Block, Document

CAPACITY = re.compile(r"^\s*(?P<capacity>(?:T/M|K/T|T/L|TUQ|TM\.|KT\.|TL\.|Q\.(?=\s))\s*.*)$")
"""The signature's capacity line: T/M, K/T, T/L, TUQ (HD 36-HD/VPTW), and "Q." (quyền: an acting
head signs "Q. TRƯỞNG BAN")."""
RECIPIENTS = re.compile(r"^\s*Nơi\s+nhận\s*:?\s*$", re.IGNORECASE)
APPENDIX = re.compile(r"^\s*PHỤ\s+LỤC\b")
_MARKUP = re.compile(r"\*+|</?(?:b|i|u|em|strong|sup)>")


@dataclass
class Line:
    """One ``\\n``-separated piece of a block, with the source line it came from."""

    text: str
    line: int
    block: int
    bold: bool = False
    starts_item: bool = False


@dataclass
class Regions:
    """Block indexes where each region starts (``len(blocks)`` when absent)."""

    body: int
    closing: int
    appendix: int


def line_counter(text: str, first_line: int = 1) -> Callable[[int], int]:
    """``offset -> line`` for a plain string whose first line is ``first_line`` (bisect, O(log n))."""
    breaks = [m.start() for m in re.finditer("\n", text)]

    def line_at(offset: int) -> int:
        return first_line + bisect.bisect_left(breaks, offset)

    return line_at


def clean(text: str) -> str:
    """Text without leftover markup stars or tags, spaces collapsed."""
    return re.sub(r"\s+", " ", _MARKUP.sub("", text)).strip()


def block_lines(blocks: list[Block], start: int = 0, stop: int | None = None) -> list[Line]:
    """The logical lines of ``blocks[start:stop]``."""
    lines: list[Line] = []
    stop = len(blocks) if stop is None else stop
    for index in range(start, stop):
        block = blocks[index]
        if block.kind == "table":
            continue
        offset = 0
        first = True
        for piece in block.text.split("\n"):
            if piece.strip():
                item = first and block.kind == "list_item"
                lines.append(Line(clean(piece), block.line_at(offset), index, block.bold, item))
                first = False
            offset += len(piece) + 1
    return lines


def header_lines(
    blocks: list[Block], start: int, stop: int, split: Callable[[str], list[str]]
) -> list[Line]:
    """Logical lines of the header: a header typed in two columns is read left column first
    (a table column by column, a line split at its tab or run of spaces by ``split``)."""
    lines: list[Line] = []
    for index in range(start, stop):
        block = blocks[index]
        if block.kind == "table":
            lines += _table_columns(block, index)
            continue
        offset = 0
        for piece in block.text.split("\n"):
            for part in split(piece) if piece.strip() else []:
                text = clean(part)
                if text:
                    lines.append(Line(text, block.line_at(offset), index, block.bold))
            offset += len(piece) + 1
    return lines


def _table_columns(block: Block, index: int) -> list[Line]:
    lines: list[Line] = []
    columns = max((len(row) for row in block.rows), default=0)
    for column in range(columns):
        for row_index, row in enumerate(block.rows):
            if column >= len(row):
                continue
            line = block.row_lines[row_index] if row_index < len(block.row_lines) else block.line
            for piece in row[column].split("\n"):
                if piece.strip():
                    lines.append(Line(clean(piece), line, index, block.bold, True))
    return lines


def closing_lines(blocks: list[Block], start: int, stop: int) -> list[Line]:
    """Logical lines of the closing; a table (the DOCX layout puts "Nơi nhận:" and the
    signature side by side in a borderless table) is read column by column, one paragraph of
    a cell per line, each opening an entry."""
    lines: list[Line] = []
    for index in range(start, stop):
        block = blocks[index]
        if block.kind != "table":
            lines += block_lines(blocks, index, index + 1)
            continue
        lines += _table_columns(block, index)
    return lines


_CLOSING_HEADS = ("nơi", "t/", "k/", "tuq", "tm.", "kt.", "tl.")


def _starts_closing(block: Block) -> bool:
    if block.kind != "table" and not block.text.lstrip(" *#\t").lower().startswith(_CLOSING_HEADS):
        return False
    if block.kind == "table":
        first_cell = block.rows[0][0] if block.rows and block.rows[0] else ""
        first = clean(first_cell[:80].split("\n", 1)[0])
    else:
        first = clean(block.text[:80].split("\n", 1)[0])
    return bool(RECIPIENTS.match(first) or CAPACITY.match(first))


def find_regions(doc: Document, is_body_start: object) -> Regions:
    """Where the body, the closing and the appendix start. ``is_body_start(block) -> bool``."""
    blocks = doc.blocks
    body = len(blocks)
    for index, block in enumerate(blocks):
        if is_body_start(block):  # type: ignore[operator]
            body = index
            break
    appendix = len(blocks)
    for index in range(body, len(blocks)):
        if blocks[index].kind != "table" and APPENDIX.match(clean(blocks[index].text[:40])):
            appendix = index
            break
    closing = appendix
    for index in range(body, appendix):
        if _starts_closing(blocks[index]):
            closing = index
            break
    return Regions(body=body, closing=closing, appendix=appendix)
