"""Reading order of a scanned page's lines where Tesseract reads across columns: the header's two
columns and a table's cells.

Tesseract reads the header's left column (superior, issuer, "*", number) and right column (Party
title, place and date) row by row, interleaved; a PDF's text layer and the document itself hold
them column by column. It reads a table line by line across the cells, so a cell wrapped over
three lines ("Đảng ủy" / "phường" / "Phổ Văn") comes apart, its pieces between the next row's
numbers; the document holds it cell by cell, row by row. Both are put back in the document's
order here, from the lines' positions alone (no image: the cached recognition of
``benchmarks/bench_ocr.py`` is re-read the same way).
"""

# Long: a table's reading (its extent, its columns, the rows' starts, the cuts across edges, a row
# cut by a page break) shares the visual rows and the column helpers; the rules that need no
# geometry of their own are in ocr_rows.

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from capuy.read.ocr_header import left_rows
from capuy.read.ocr_rows import (
    Carry,
    carried_rows,
    head_or_gap,
    marker_column,
    numbers_column,
)
from capuy.text import search_key

__all__ = ["header_columns", "header_end", "table_cells", "table_rows"]

HEADER_LINES = 14
"""The header is among the first lines of the first page."""
_COLUMN_SPLIT = 0.45
"""A line starting right of this share of the page width is in the header's right column."""
_NUMBER = re.compile(r"^so\b\W*[\d/-]")
"""The number line ("Số 245-BC/HU", a draft's "Số -BC/TU"), not a summary "sơ kết …"."""
_PLACE_DATE = re.compile(r"^(?:[^,\d]{2,40},\s*)?ngay\b.*\b(?:thang|nam)\b")
"""A place and date line ("Phổ Châu, ngày 08 tháng 3 năm"), not a sentence citing a date."""
_YEAR = re.compile(r"^\d{4}$")
ANCHOR_INCH = 0.15
"""Lines of one table column start within this distance of each other."""
TABLE_COLUMNS = 3
"""A row of at least this many cells side by side is a table row: the header and the closing
have two columns, a table of the body three or more."""
ROW_PITCH = 2.0
"""Lines of one table are at most this many line heights apart, top to top."""
TAIL_WORDS = 4
"""A cell's wrapped last lines after a table's last row are short ("xã" / "Phổ" / "Thuận")."""


Cut = Callable[[Any, float, float], Any]  # (line, x, tolerance) → its two parts at x, or None


class PageLine(Protocol):
    text: str
    left: int
    top: int
    height: int
    right: int
    """0 when not known."""


L = TypeVar("L", bound=PageLine)


def header_columns(lines: list[L], width: int) -> list[L]:
    """The first page's header read column by column: the left column's lines, then the right
    column's, up to the last of the number and the place-date lines (a year wrapped onto the
    next line included)."""
    marks = _header_marks(lines)
    end = marks[-1] if marks else -1
    if end < 1:
        return lines
    bottom = max(lines[index].top + lines[index].height for index in marks)
    # lines Tesseract read among them but printed lower (the summary) go after
    zone = [line for line in lines[: end + 1] if line.top < bottom]
    lower = [line for line in lines[: end + 1] if line.top >= bottom]
    left = left_rows([line for line in zone if line.left < width * _COLUMN_SPLIT])
    right = left_rows([line for line in zone if line.left >= width * _COLUMN_SPLIT], False)
    return [*left, *right, *_by_top(lower, lines[end + 1 :])]


def _by_top(lower: list[L], rest: list[L]) -> list[L]:
    """``rest`` with each of the ``lower`` lines before the first of them printed below it: the
    summary under the kind ("triển khai … năm" read before "KẾ HOẠCH", its last word "2027" on a
    line after) goes between them, not before the kind."""
    merged = list(rest)
    for line in reversed(lower):
        at = next((i for i, other in enumerate(merged) if other.top > line.top), len(merged))
        merged.insert(at, line)
    return merged


def _header_marks(lines: Sequence[PageLine]) -> list[int]:
    """The indexes of the number and the place-date lines among the first page's first lines
    (a year wrapped onto the line after the date's included)."""
    marks: list[int] = []
    for index, line in enumerate(lines[:HEADER_LINES]):
        key = search_key(line.text.strip(" _.,:;*'\"|-"))  # "- Số 18-TB/ĐU": a speck before
        after_date = bool(marks) and marks[-1] == index - 1
        if _NUMBER.match(key) or _PLACE_DATE.search(key) or (_YEAR.match(key) and after_date):
            marks.append(index)
    return marks


def header_end(lines: Sequence[PageLine]) -> int:
    """The index of the header's last line (the number's or the place-date's); -1: none."""
    marks = _header_marks(lines)
    return marks[-1] if marks else -1


def _visual_rows(lines: list[L]) -> list[list[L]]:
    """Lines side by side grouped, top to bottom, each row left to right. A line joins the row
    above when its top, its bottom or its middle is level with the row's line of median height:
    a line's box grows upwards with a capital's tone mark or a speck above it ("Sơ kết, …" 81
    pixels tall beside its row's 50, its top level with the row above), or downwards with a
    rule below it ("ngày" 88 high, its bottom level with the next row's) — the median line of
    a row is one whose box is the text's."""
    rows: list[list[L]] = []
    for line in sorted(lines, key=lambda item: 2 * item.top + item.height):
        if rows:
            row = sorted(rows[-1], key=lambda item: item.height)
            if _level(line, row[(len(row) - 1) // 2]):
                rows[-1].append(line)
                continue
        rows.append([line])
    return [sorted(row, key=lambda item: item.left) for row in rows]


def _level(one: PageLine, other: PageLine) -> bool:
    """Two lines on one text line: tops or bottoms within a third of the smaller height, or
    middles within a quarter of the taller (a dash sits at the text's middle)."""
    near = min(one.height, other.height) / 3
    middle = abs(2 * one.top + one.height - 2 * other.top - other.height) / 2
    return (
        abs(one.top - other.top) < near
        or abs(one.top + one.height - other.top - other.height) < near
        or middle < max(one.height, other.height) / 4
    )


def _anchors(
    rows: Sequence[Sequence[PageLine]],
    near: float,
    region: Sequence[Sequence[PageLine]] = (),
    keep_crossed: bool = False,
    cut: Cut | None = None,
) -> list[float]:
    """The left edges of the columns: where the rows' pieces start, less the edges the lines of
    the rows or of the whole ``region`` (the table's wrapped lines too) run across
    (``_crossed``) — kept while a table's extent is found (``keep_crossed``): fewer columns
    would make a body paragraph's lines look like one cell's wrapped lines."""
    lefts = sorted(line.left for row in rows for line in row)
    anchors: list[float] = []
    for left in lefts:
        if anchors and left - anchors[-1] <= near:
            continue
        anchors.append(left)
    if keep_crossed:
        return anchors
    within = region or rows
    return [
        anchor
        for anchor, following in zip(anchors, [*anchors[1:], _right(within)], strict=True)
        if not _crossed(anchor, within, near, cut, following)
        and not head_or_gap(anchor, following, within, near)
    ]


def _right(rows: Sequence[Sequence[PageLine]]) -> float:
    return max((line.right for row in rows for line in row), default=0)


def _two_cells(line: L, anchor: float, following: float, near: float, cut: Cut) -> Any:
    """``cut``'s two parts of ``line`` at ``anchor`` — unless the right part is one word ending
    flush with its cell, before the next column's edge ``following`` and its padding: a
    justified cell's lines end flush, so their last words ("ngày", "hành") line up after a wide
    gap, row after row, like a column of their own."""
    two = cut(line, anchor, near)
    if two is None:
        return None
    cell = two[1]
    if cell.right > following:  # the right part runs into the next column: its first cell
        cell = (cut(cell, following, near) or (cell,))[0]
    flush = " " not in cell.text.strip() and cell.right > following - 2 * near
    return None if flush else two


def _crossed(
    anchor: float,
    rows: Sequence[Sequence[PageLine]],
    near: float,
    cut: Cut | None = None,
    following: float = 0,
) -> bool:
    """A column edge is never crossed by a cell's text; a justified cell's line ("Cơ      bản"
    in a narrow column, its wide gap taken for a column gap) starts a piece where the cell's
    other lines ("chấp hành" below it) run across. An edge crossed by two lines or more, and by
    at least half as many lines as start at it, is such a piece (Tesseract joining two real
    cells across an edge does so once, not in most rows)."""
    lines = [line for row in rows for line in row]
    starts = sum(1 for line in lines if abs(line.left - anchor) <= near)
    crossing = sum(
        1
        for line in lines
        if line.left < anchor - near
        and line.right > anchor + near / 2
        and (cut is None or _two_cells(line, anchor, following, near, cut) is None)
    )
    return crossing >= 2 and 2 * crossing >= starts


def _column(left: float, anchors: list[float], near: float) -> int | None:
    """The column a line starts at (within ``near`` of its left edge), else None."""
    for index, anchor in enumerate(anchors):
        if abs(left - anchor) <= near:
            return index
    return None


def _within(left: float, anchors: list[float], near: float) -> int | None:
    """The column a line lies in: the last whose left edge is left of it (a centred heading
    starts right of its column's edge), else None (left of the table)."""
    inside = [index for index, anchor in enumerate(anchors) if anchor <= left + near]
    return inside[-1] if inside else None


def _one_cell(row: Sequence[PageLine], anchors: list[float], near: float) -> bool:
    """The row's pieces all lie in one column: a cell's wrapped line ("xã" "Phổ" read apart)."""
    columns = {_within(line.left, anchors, near) for line in row}
    return len(columns) == 1 and None not in columns


def _far_below(row: Sequence[PageLine], above: Sequence[PageLine]) -> bool:
    """A paragraph's space above the row: a heading after a table, not a cell's next line
    (a table's lines follow each other a line's pitch apart)."""
    height = max(line.height for line in [*row, *above])
    return row[0].top - max(line.top for line in above) > ROW_PITCH * height


def _tail(
    row: Sequence[PageLine],
    above: Sequence[PageLine],
    anchors: list[float],
    near: float,
    several: bool,
) -> bool:
    """A wrapped line of the last row's cells: a line's pitch below, starting at a column, and
    either short and in one cell ("xã" / "Phổ" / "Thuận") or, in a table of several rows, right
    of the first column (the symbol's and the subject's next lines: a paragraph after the table
    starts at the margin; one "row" alone may be a line Tesseract cut at a wide word gap)."""
    if _far_below(row, above) or _column(row[0].left, anchors, near) is None:
        return False
    short = sum(len(line.text.split()) for line in row) <= TAIL_WORDS
    inner = all((_within(line.left, anchors, near) or 0) >= 1 for line in row)
    return (short and _one_cell(row, anchors, near)) or (several and inner)


def _regions(rows: list[list[L]], near: float) -> list[tuple[int, int]]:
    """(first, last + 1) visual rows of each table: from a row of three cells or more, on
    while rows are table rows or lines that start at one of its columns; then the wrapped
    short tails of the last row's cells."""
    regions: list[tuple[int, int]] = []
    index = 0
    while index < len(rows):
        if len(rows[index]) < TABLE_COLUMNS:
            index += 1
            continue
        start, end = index, index + 1
        anchors = _anchors([rows[index]], near, keep_crossed=True)
        probe = end
        while probe < len(rows):
            row = rows[probe]
            if len(row) >= TABLE_COLUMNS or (
                len(row) >= 2 and all(_column(x.left, anchors, near) is not None for x in row[1:])
            ):
                wide = [row for row in rows[start : probe + 1] if len(row) >= TABLE_COLUMNS]
                anchors = _anchors(wide or [rows[start]], near, keep_crossed=True)
                end = probe = probe + 1
            elif _one_cell(row, anchors, near) and not _far_below(row, rows[probe - 1]):
                probe += 1  # a wrapped line of a cell, if another table row follows
            else:
                break
        several = sum(len(row) >= TABLE_COLUMNS for row in rows[start:end]) > 1
        while end < len(rows) and _tail(rows[end], rows[end - 1], anchors, near, several):
            end += 1
        if regions and regions[-1][1] == start and not _far_below(rows[start], rows[start - 1]):
            # one table whose columns a row read across two cells had hidden (no region ends
            # inside a table but at a line that is not one of its rows)
            start = regions.pop()[0]
        regions.append((start, end))
        index = end
    return regions


CARRIED_ROWS = 3
"""At most this many visual rows of a row cut by the page break lie between the page's top, its
table's head printed again and the next table row."""


def _top_table(spans: list[tuple[int, int]], rows: list[list[L]]) -> list[tuple[int, int]]:
    """``spans`` (``_regions``) on a page that goes on with the table the page before ended in:
    the first table runs from the page's top, over the cut row's lines (a cell's "Trung ương",
    the notes' "bộ", which start at none of the centred heads' edges) before it or between the
    head printed again and the next row, when they follow each other a line's pitch apart."""
    if not spans or spans[0][0] > CARRIED_ROWS:
        return spans
    first, end = 0, spans[0][1]
    close = all(not _far_below(rows[i], rows[i - 1]) for i in range(1, spans[0][0] + 1))
    if not close:
        return spans
    rest = spans[1:]
    if (
        rest
        and rest[0][0] - end <= CARRIED_ROWS
        and all(not _far_below(rows[i], rows[i - 1]) for i in range(end, rest[0][0] + 1))
    ):
        end = rest.pop(0)[1]
    return [(first, end), *rest]


WIDE_TABLE = 5
"""Columns: in a table this wide, a visual row with a piece in every column but the numbers' is a
row's first line, whatever its first letter ("14 Kiểm" not read, "tra" left of "Kết luận 50-",
"Ủy ban Kiểm tra", "Trung", "Quý I/2027"): a cell's wrapped lines fill a few columns, not all."""


def _starts_row(
    row: Sequence[PageLine],
    anchors: list[float],
    near: float,
    numbers: int | None = 0,
    marker: int | None = None,
) -> bool:
    """A visual row that begins a table row: pieces in three columns or more, or in two of
    which one is the ``numbers`` column (the row's number: the first, unless a speck or a
    number read further left made a column before it). Two cells' wrapped lines side by side
    ("46-NQ/TW" under "Nghị quyết số", the subject's next line right of it) continue the row
    above; pieces of one cell side by side ("xã" "Phổ") are one cell. A row also starts where
    the ``marker`` column (``ocr_rows.marker_column``) has a piece, and where no column holds
    row numbers (not read, or none printed) only there. Cells' wrapped lines side by side
    without a number whose first begins in lower case ("ngày 15/01/2026" beside "24/11/2023
    của …" and "đến 100") go on a sentence: they continue, however many cells they fill; so do
    those whose first begins with a digit right of the numbers' column ("46-CTr/ĐU" under
    "Chương trình số", "ngày" and the date beside it): a row's first cell begins with a word
    (a number read left of its column, "16", is the row's)."""
    row = _worded(row) or row
    columns = {_within(line.left, anchors, near) for line in row}
    initial = row[0].text.lstrip(" '.,:;-_")[:1]
    cut_off = numbers is not None and (_within(row[0].left, anchors, near) or 0) > numbers
    if len(anchors) >= WIDE_TABLE and len(columns - {None, numbers}) >= len(anchors) - 1:
        return True  # every cell but the number's: a row whose number and first word were lost
    if numbers not in columns and (initial.islower() or (cut_off and initial.isdigit())):
        return False  # wrapped lines going on a sentence, or a symbol or date cut from its words
    if marker is not None and marker in columns:
        return True  # a row whose number was lost ("5" not read) starts at its one-line cell
    if numbers is None and marker is not None:
        return False
    first = 0 if numbers is None else numbers
    return len(columns) >= TABLE_COLUMNS or (len(columns) >= 2 and first in columns)


def _cut_across(
    region: list[list[L]], anchors: list[float], near: float, cut: Cut
) -> dict[int, list[L]]:
    """The lines Tesseract ran across a column's edge ("… hóa, ban Nghị quyết số 37-NQ/TW": two
    cells, their gap no wider than a word gap), cut there by ``cut``: a cell's text never runs
    over its column's edge. By the line's id."""
    pieces: dict[int, list[L]] = {}
    edges = list(zip(anchors, [*anchors[1:], _right(region)], strict=True))
    for row in region:
        for line in row:
            parts = [line]
            for anchor, following in edges:
                last = parts[-1]
                if last.left < anchor - near and last.right > anchor + near / 2:
                    two = _two_cells(last, anchor, following, near, cut)
                    if two is not None:
                        parts[-1:] = list(two)
            if len(parts) > 1:
                pieces[id(line)] = parts
    return pieces


def _assemble(
    region: list[list[L]],
    starts: list[bool],
    going_on: set[int],
    anchors: list[float],
    near: float,
) -> list[list[list[L]]]:
    """The region's visual rows as table rows of cells: a row that ``starts`` a table row opens
    one, any other continues the cells of the row above; the visual rows ``going_on`` (the
    last row of the page before, cut by the page break) make one row of their own, first."""
    carried: list[list[list[L]]] = [[[] for _ in anchors]] if going_on else []
    table_rows: list[list[list[L]]] = list(carried)
    for index, row in enumerate(region):
        opens = starts[index] or len(table_rows) == len(carried)
        if index not in going_on and opens:
            table_rows.append([[] for _ in anchors])
        target = table_rows[0] if index in going_on else table_rows[-1]
        for line in row:
            column = _within(line.left, anchors, near)
            target[column if column is not None else 0].append(line)
    return table_rows


def table_rows(
    lines: list[L],
    dpi: int,
    cut: Cut | None = None,
    carry: Carry | None = None,
    carried: set[int] | None = None,
) -> list[L | list[list[L]]]:
    """The page's lines with each table's rows in place of its lines: a table row is its cells
    left to right, each cell its lines top to bottom (a row of several cells starts a table row,
    a line alone continues the cell of its column in the row above: cells are top-aligned; a
    column no row fills is dropped — a heading centred right of its column's edge makes a
    column of its own, empty in the other rows); the
    table's rows take the place of its first line in Tesseract's order. ``cut``: see
    ``_cut_across``. ``carry``: the page before ended in a table (``ocr_rows.Carry``); the lines
    at this page's top that go on with its last row are a row of their own under its columns
    (``_under``), that row's id added to ``carried``."""
    near = ANCHOR_INCH * dpi
    rows = _visual_rows(lines)
    ordered: list[L | list[list[L]]] = list(lines)
    spans = _regions(rows, near)
    for start, end in _top_table(spans, rows) if carry is not None else spans:
        region = rows[start:end]
        wide = [row for row in region if len(row) >= TABLE_COLUMNS]
        anchors = _anchors(wide, near, region, cut=cut)
        if len(anchors) < TABLE_COLUMNS:
            continue  # the "columns" were a paragraph's wide word gaps its own lines run across
        pieces = _cut_across(region, anchors, near, cut) if cut is not None else {}
        if pieces:
            region = _visual_rows(
                [part for row in region for line in row for part in pieces.get(id(line), (line,))]
            )
            ordered = [
                part
                for item in ordered
                for part in ([item] if isinstance(item, list) else pieces.get(id(item), (item,)))
            ]
        columns, numbers, starts = _row_starts(region, anchors, near)
        going_on = (
            carried_rows(
                [[x.text for x in row] for row in region],
                starts,
                [{_within(x.left, anchors, near) for x in _worded(row)} for row in region],
                numbers,
                carry.heads,
            )
            if carry is not None and start == 0
            else set()
        )
        going_on_row = _under(region, going_on, numbers, anchors, near, carry)
        if going_on and not going_on_row:  # not to be put under the page before's columns: a
            starts[min(going_on)] = True  # row of its own, not the heads' next lines
        table_rows = _assemble(region, starts, going_on if going_on_row else set(), anchors, near)
        used = [column for column in range(len(anchors)) if any(row[column] for row in table_rows)]
        table_rows = [[row[column] for column in used] for row in table_rows]
        if going_on_row:
            table_rows[0] = going_on_row
            if carried is not None:
                carried.add(id(going_on_row))
        ordered = _in_place(ordered, table_rows)
    return ordered


def _worded(row: Sequence[L]) -> list[L]:
    """The row's pieces with a letter or digit: a speck read "-" or "'" starts no cell."""
    return [line for line in row if any(ch.isalnum() for ch in line.text)]


def _under(
    region: list[list[L]],
    going_on: set[int],
    numbers: int | None,
    anchors: list[float],
    near: float,
    carry: Carry | None,
) -> list[list[L]] | None:
    """The visual rows ``going_on`` from the page before as one row of cells under that page's
    table's columns (``carry.edges``: the two pages' tables may not have the same columns, one
    of them lost at 200 dpi), a speck in the numbers' column left out. None when none, or when
    a line falls in that table's first column: the plain-text reader takes a row for the rest
    of the row above only when its first cell is empty."""
    if not going_on or carry is None:
        return None
    lines = [
        line
        for index in sorted(going_on)
        for line in region[index]
        if _within(line.left, anchors, near) != numbers or numbers is None
    ]
    edges = list(carry.edges)
    columns = [_within(line.left, edges, near) or 0 for line in lines]
    if not lines or 0 in columns:
        return None
    row: list[list[L]] = [[] for _ in edges]
    for line, column in zip(lines, columns, strict=True):
        row[column].append(line)
    return row


def _row_starts(
    region: list[list[L]], anchors: list[float], near: float
) -> tuple[list[set[int | None]], int | None, list[bool]]:
    """Each visual row's columns, the numbers' column, and whether each row starts a table
    row (``_starts_row``; a head over several lines one row: ``_one_head``)."""
    columns = [{_within(line.left, anchors, near) for line in row} for row in region]
    texts = [
        [line.text for row in region for line in row if _within(line.left, anchors, near) == i]
        for i in range(min(2, len(anchors)))
    ]
    numbers = numbers_column(texts)
    marker = marker_column(columns, numbers, len(anchors), TABLE_COLUMNS)
    starts = [_starts_row(row, anchors, near, numbers, marker) for row in region]
    return columns, numbers, _one_head(region, starts, numbers, anchors, near)


def _one_head(
    region: list[list[L]],
    starts: list[bool],
    numbers: int | None,
    anchors: list[float],
    near: float,
) -> list[bool]:
    """The table's head as one row where the numbers' column's head wraps: a narrow "TT" column
    printed "T" / "T" beside "Nội dung" / "công việc", "Cơ" / "quan" / "phối" / "hợp" made a
    row of each head line with a piece in the numbers' column. Where the region begins with a
    line without a digit, the lines after it with a piece in the numbers' column and no digit
    anywhere (the head's "T") start no row, up to the first that has a digit or no such piece
    (a row whose number was not read is a row)."""
    if numbers is None or not region or _has_digit(region[0]):
        return starts
    fixed = list(starts)
    for index in range(1, len(region)):
        marked = any(_within(line.left, anchors, near) == numbers for line in region[index])
        if not marked or _has_digit(region[index]):
            break
        fixed[index] = False
    return fixed


def _has_digit(row: Sequence[PageLine]) -> bool:
    return any(ch.isdigit() for line in row for ch in line.text)


def _in_place(
    ordered: list[L | list[list[L]]], table_rows: list[list[list[L]]]
) -> list[L | list[list[L]]]:
    """``ordered`` with the table's rows in place of its lines, where its first line was."""
    members = {id(line) for cells in table_rows for cell in cells for line in cell}
    first = min(
        index
        for index, item in enumerate(ordered)
        if not isinstance(item, list) and id(item) in members
    )
    rest = [item for item in ordered if isinstance(item, list) or id(item) not in members]
    before = len(
        [item for item in ordered[:first] if isinstance(item, list) or id(item) not in members]
    )
    return [*rest[:before], *table_rows, *rest[before:]]


def table_cells(lines: list[L], dpi: int) -> list[L]:
    """Each table's lines cell by cell, row by row (``table_rows`` flattened)."""
    flat: list[L] = []
    for item in table_rows(lines, dpi):
        if isinstance(item, list):
            flat += [line for cell in item for line in cell]
        else:
            flat.append(item)
    return flat
