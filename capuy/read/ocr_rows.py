"""Where a scanned table's rows start, when its row numbers do not say it (``ocr_order``).

Cells are top-aligned: every table row's first visual line has a piece in each filled column,
a wrapped cell's next lines only in the columns that wrap. A row starts at its number (the
"TT" column); where the numbers were not read — a 200-dpi scan loses the narrow "TT" column
whole, so the first column is text — "hành văn bản triển khai" / "ngày 09/10/2014" under a
row's first line, two columns with the first, read as a row of its own, and the date was cut
from its symbol. A column of one-line cells ("Thời hạn") says it instead.

The columns come as each visual row's set of column indexes (None: left of the table).
"""

from __future__ import annotations

import re

__all__ = ["marker_column", "numbers_column"]

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
