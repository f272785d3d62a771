"""Where a scanned table's rows start, when its row numbers do not say it (``ocr_order``).

Cells are top-aligned: every table row's first visual line has a piece in each filled column,
a wrapped cell's next lines only in the columns that wrap. A row starts at its number (the
"TT" column); where the numbers were not read — a 200-dpi scan loses the narrow "TT" column
whole, so the first column is text — "hành văn bản triển khai" / "ngày 09/10/2014" under a
row's first line, two columns with the first, read as a row of its own, and the date was cut
from its symbol. A column of one-line cells ("Thời hạn") says it instead.

The columns come as each visual row's set of column indexes (None: left of the table).

Two more things a table's rows need from the lines' positions: which column edges are real
(``head_or_gap``: a centred head or a justified gap is none), and which lines at a page's top go
on with the row the page before ended in (``carried_rows``: a row cut by the page break).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from capuy.text import search_key

__all__ = ["Carry", "carried_rows", "head_or_gap", "head_words", "marker_column", "numbers_column"]

ROW_NUMBER = re.compile(r"\W?\d{1,3}\W?")
"""A row's number as read ("5", "4_", "12.")."""


def numbers_column(texts: list[list[str]]) -> int | None:
    """The column of the rows' numbers among the first columns (``texts``: each one's pieces):
    the one with the most pieces that are row numbers, a third of its pieces at least (the
    column heads "ST" / "T" are read too; a "16" read left of its column makes a column of one
    number). None: no numbers read."""
    found: list[tuple[int, int]] = []
    for index, pieces in enumerate(texts):
        numbers = sum(1 for text in pieces if ROW_NUMBER.fullmatch(text.strip()))
        if numbers and 3 * numbers >= len(pieces):
            found.append((numbers, -index))
    return -max(found)[1] if found else None


def marker_column(
    columns: list[set[int | None]], numbers: int | None, count: int, table_columns: int
) -> int | None:
    """The column whose cells are one line, so that a piece in it starts a table row — where
    no column holds row numbers, or a row's number was not read. Of the ``count`` columns, the
    one with a piece in the fewest visual rows among those filled in half the table's wide rows
    (``table_columns`` pieces or more) or more and in two at least (a speck's column is not
    one), missing from a quarter of the visual rows at least (no wrapping, nothing to tell),
    whose cells are one line (``_one_line``). None: no column tells."""
    counts = [sum(1 for found in columns if index in found) for index in range(count)]
    wide = sum(1 for found in columns if len(found - {None}) >= table_columns)
    candidates = [
        index
        for index, filled in enumerate(counts)
        if filled >= 2
        and 2 * filled >= wide
        and index != numbers
        and 4 * filled <= 3 * len(columns)
        and _one_line(index, columns, filled)
    ]
    return min(candidates, key=lambda index: counts[index]) if candidates else None


def _one_line(index: int, columns: list[set[int | None]], filled: int) -> bool:
    """A column of one-line cells: below the heads (followed by the first row), its pieces are
    in visual rows that follow each other less than once in four (rows of one line)."""
    pairs = sum(1 for one, two in zip(columns[1:], columns[2:], strict=False) if index in one & two)
    return 4 * pairs < filled


class _Piece(Protocol):
    text: str
    left: int
    right: int


def head_or_gap(
    anchor: float, following: float, rows: Sequence[Sequence[_Piece]], near: float
) -> bool:
    """An edge no column starts at, though a line of the table's body runs across it: where only
    the column heads start ("Triển khai văn bản" centred 130 pixels right of its column's edge,
    "Ghi chú" over "Hoàn thành"), or only one-word pieces flush with the next edge ``following``
    (the "số" of a justified "Chương      trình      số"). Cells are left-aligned, so the body's
    lines start at each column's edge. A line that can be cut at the edge still runs across it
    here: a justified line's wide word gaps ("Kết   luận") fall anywhere."""
    starts = [line for row in rows for line in row if abs(line.left - anchor) <= near]
    body = [line for row in rows[1:] for line in row]
    crossed = any(line.left < anchor - near and line.right > anchor + near / 2 for line in body)
    if not starts or not crossed:
        return False
    heads = {id(line) for line in rows[0]}
    if all(id(line) in heads for line in starts):
        return True
    return all(
        " " not in line.text.strip() and line.right > following - 2 * near for line in starts
    )


class Carry(NamedTuple):
    """What a page that ends in a table row hands the next: the words of its tables' first rows
    (its head among them: a speck read as a line can cut a table in two) and the left edges of
    its last table's columns, which the next page's lines are put under."""

    heads: tuple[frozenset[str], ...]
    edges: tuple[float, ...]


HEAD_SHARE = 0.6
"""Of a visual row's words, the share that must be the previous page's head row's words for the
row to be that head printed again."""


def carried_rows(
    rows: list[list[str]],
    starts: list[bool],
    columns: list[set[int | None]],
    numbers: int | None,
    heads: tuple[frozenset[str], ...],
) -> set[int]:
    """The visual rows at the top of a page that go on with the table row the page before ended
    in (a row cut by the page break: "16-CTr/ĐU" / "07/03/2026" under "Chương trình số"): after
    the table's head printed again (its words those of the page before's head row ``head``, the
    head's own wrapped lines too), the rows that start no table row and have nothing in the
    numbers' column. ``rows``: each visual row's pieces' texts; ``starts``, ``columns``: each
    one's ``_starts_row`` and columns."""
    head = max(heads, key=lambda words: _share(rows[0], words), default=frozenset())
    index = 0
    while (
        index < len(rows)
        and (index == 0 or not starts[index])
        and (
            _of_head(rows[index], head)
            or (index > 0 and _head_mark(rows[index], columns[index], numbers))
        )
    ):
        index += 1
    going_on: set[int] = set()
    while index < len(rows) and not starts[index] and numbers not in columns[index]:
        going_on.add(index)
        index += 1
    return going_on


def _head_mark(pieces: list[str], columns: set[int | None], numbers: int | None) -> bool:
    """A line of the numbers' column's head ("T" of "TT" on a line of its own): no digit in it,
    nothing beside it."""
    return (
        numbers is not None
        and columns <= {numbers}
        and not any(ch.isdigit() for piece in pieces for ch in piece)
    )


def _share(pieces: list[str], head: frozenset[str]) -> float:
    """The share of the pieces' words that are ``head``'s."""
    words = [search_key(word) for piece in pieces for word in piece.split()]
    return sum(word in head for word in words) / len(words) if words else 0.0


def _of_head(pieces: list[str], head: frozenset[str]) -> bool:
    return _share(pieces, head) >= HEAD_SHARE


def head_words(cells: list[list[str]]) -> frozenset[str]:
    """The words of a table's head row (each cell's lines' texts), as ``carried_rows`` compares
    them."""
    return frozenset(search_key(word) for cell in cells for text in cell for word in text.split())
