"""A ruled table's words into its cells (``capuy.read.ocr_grid`` finds the grid): each word goes
to the cell holding its box's middle, a cell's lines are Tesseract's lines cut to the cell, and
the table is read row by row, cell by cell — the order of the document's own text, with no rule
for two-level numbers, group rows or wrapped cells. The lines around the tables go to the
word-box rules (``ocr_order.table_rows``), passed in as ``fallback``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from capuy.read.ocr_grid import Grid, PageLine, Table, inside

__all__ = ["grid_items", "read_table"]

L = TypeVar("L", bound=PageLine)
Fallback = Callable[[list[L], bool], list[Any]]
"""The word-box rules for the lines around the tables; True: the lines at the page's top."""
RULE_MARKS = frozenset("|Il[]!")
"""A one-character "word" on a vertical rule is the rule read as a letter."""


def grid_items(
    lines: list[L],
    grid: Grid,
    fallback: Fallback[L],
    going_on: bool,
    carried: set[int],
    numbers: Sequence[L] = (),
) -> list[Any]:
    """The page's lines with each ruled table's rows (cells of lines) in place of its lines;
    the lines around the tables go through ``fallback`` (the word-box rules) part by part.
    ``going_on``: the page before ended in a table row; a row at this page's top whose first
    cell is empty (under the head printed again, or first) goes on with that row: its id is
    added to ``carried``, and it comes first (the reader joins it to the row before).
    ``numbers``: number-shaped words read too unsure to be among ``lines`` (a group row's "2"):
    those in a table's cells, where no line has them, are read there."""
    items: list[Any] = []
    rest = list(lines)
    for table in grid.tables:
        above = [line for line in rest if line.top + line.height / 2 < table.top]
        held = [line for line in rest if line not in above and inside(line, table)]
        rest = [line for line in rest if line not in above and line not in held]
        known = {box for line in held for box in line.boxes}
        held += [n for n in numbers if inside(n, table) and n.boxes[0] not in known]
        if above:
            items += fallback(above, not items)
        rows = read_table(held, table)
        if going_on and not items:
            rows = _going_on(rows, carried)
        items += rows
    if rest:
        items += fallback(rest, not items)
    return items


def _going_on(rows: list[list[list[L]]], carried: set[int]) -> list[list[list[L]]]:
    """The table's rows with the one going on from the page before first (see ``grid_items``):
    the first row with an empty first cell, if only full rows (the head) are above it."""
    for index, row in enumerate(rows[:2]):
        if row and not row[0] and len(row) > 1:
            if all(all(cell for cell in above) for above in rows[:index]):
                carried.add(id(row))
                return [row, *rows[:index], *rows[index + 1 :]]
            break
    return rows


def read_table(lines: Sequence[L], table: Table) -> list[list[list[L]]]:
    """The table's rows, each its cells left to right, each cell its lines top to bottom, the
    words placed by their boxes' middles; a row with no word is left out. Underscores at a
    word's ends are a rule or a speck row read with it ("2016__", "01-KL/TW_", "12_"): a
    table's printed text has none (a blank to fill is dotted, a line is the rule itself)."""
    found: dict[tuple[int, int], list[Placed[L]]] = {}
    for line in lines:
        words = line.text.split(" ")
        if len(words) != len(line.boxes) or len(words) != len(line.spans):
            continue
        for index, ((left, right), (top, bottom)) in enumerate(
            zip(line.boxes, line.spans, strict=True)
        ):
            cell = _cell(table, (left + right) / 2, (top + bottom) / 2)
            conf = line.confidences[index] if index < len(line.confidences) else 0.0
            if cell is None or _on_rule(words[index], conf, left, right, table.cells[cell[0]]):
                continue
            text = _off_rule(words[index], left, table.cells[cell[0]], table).strip("_")
            if not text:  # a piece of a rule read as underscores
                continue
            found.setdefault(cell, []).append((top, bottom, index, line, text))
    rows: list[list[list[L]]] = []
    for band, edges in enumerate(table.cells):
        row = [_cell_lines(found.get((band, edge), [])) for edge in edges[:-1]]
        if any(row):
            rows.append(row)
    return rows


def _cell(table: Table, x: float, y: float) -> tuple[int, int] | None:
    """The (band, left edge) of the cell at (x, y); a cell merged down is its top part's."""
    band = next((b for b, bottom in enumerate(table.rows[1:]) if y < bottom), None)
    if band is None or y < table.top:
        return None
    edges = table.cells[band]
    edge = next((a for a, b in zip(edges, edges[1:], strict=False) if x < b), None)
    if edge is None or x < edges[0]:
        return None
    while (band, edge) in table.joined:
        above = table.cells[band - 1]
        edge = next((a for a in above if abs(a - edge) <= 2), edge)
        band -= 1
    return band, edge


RULE_CONFIDENCE = 75.0
"""Under this, a short "word" whose box spans a vertical rule is the rule read as letters."""
RULE_NEAR = 0.03
"""Inch: a word starting this close to a rule may have the rule stuck on ("ICòn", "!24-QĐ")."""


def _on_rule(word: str, conf: float, left: int, right: int, edges: list[int]) -> bool:
    """A "word" that is a vertical rule read as a mark ("|", "I", "]") or, unsure and short,
    as letters ("Ệ", "Em" between a symbol and its date): the rule runs through its box's
    middle half."""
    quarter = (right - left) / 4  # the rule inside the box, not at its edge ("|5": a number)
    on = any(left + quarter <= x <= right - quarter for x in edges)
    return on and (word in RULE_MARKS or (conf < RULE_CONFIDENCE and len(word) <= 3))


def _off_rule(word: str, left: int, edges: list[int], table: Table) -> str:
    """``word`` without a rule read as its first character: a "I", "|", "!", "[" or "l" before
    a capital or a digit, the word's box starting at the rule."""
    near = RULE_NEAR * table.dpi
    if (
        len(word) > 1
        and word[0] in "|!I[l"
        and (word[1].isupper() or word[1].isdigit())
        and any(abs(left - x) <= near for x in edges)
    ):
        return word[1:]
    return word


Placed = tuple[int, int, int, L, str]
"""A word in a cell: its box's top and bottom, its index in its line, the line, its text."""


def _cell_lines(words: list[Placed[L]]) -> list[L]:
    """A cell's words as lines: the words of each of Tesseract's lines that fall in the cell,
    left to right, the lines top to bottom by their words' middle top (a word's box alone can
    be half a line too tall, and a speck's as tall as two lines: neither says where a line is);
    lines level with each other are one (the pieces of a justified line)."""
    groups: dict[int, list[Placed[L]]] = {}
    for word in words:
        groups.setdefault(id(word[3]), []).append(word)

    def middle_top(group: list[Placed[L]]) -> int:
        return sorted(w[0] for w in group)[len(group) // 2]

    rows: list[list[Placed[L]]] = []  # the pieces of one row, side by side
    for group in sorted(groups.values(), key=middle_top):
        height = sorted(w[1] - w[0] for w in group)[len(group) // 2]
        if rows and middle_top(group) - middle_top(rows[-1]) < height / 2:
            rows[-1] += group  # a justified line Tesseract cut at its wide gaps
        else:
            rows.append(group)
    lines: list[L] = []
    for group in rows:
        group.sort(key=lambda item: item[3].boxes[item[2]][0])
        texts = [w[4] for w in group]
        boxes = [w[3].boxes[w[2]] for w in group]
        spans = [w[3].spans[w[2]] for w in group]
        top = min(span[0] for span in spans)
        lines.append(
            replace(  # type: ignore[type-var]  # every page line is a dataclass (OcrLine)
                group[0][3],
                text=" ".join(texts),
                left=boxes[0][0],
                top=top,
                height=max(span[1] for span in spans) - top,
                confidences=[w[3].confidences[w[2]] for w in group],
                right=boxes[-1][1],
                boxes=boxes,
                spans=spans,
            )
        )
    return lines
