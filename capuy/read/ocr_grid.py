"""A ruled table read from its rules: the printed cell borders of a page image become a grid
(tables, row bands, column edges, merged cells), and Tesseract's words are put into its cells.

Why: the word-box rules of ``ocr_order``/``ocr_rows`` guess a table's columns and rows from the
words alone, and each new set of tables broke them differently (two-level numbers "1.1", group
rows with empty cells, wrapped cells, a head cut by a page break). The tables capuy renders and
those typed in Word are ruled: where the rules are printed, the cells are known, and a table is
read row by row, cell by cell — the order of the document's own text (``pdftotext -raw``). A
page without rules (a borderless table, a rule too faint) has no grid and goes to those rules.

How: Pillow only (the project has no numpy; see docs/decisions.md). The page's ink (darker than
``INK``, which a photographed page's uneven background is not) is thickened by a pixel so that a
rule a few tenths of a degree off level stays in one pixel row over a strip; the image is then
averaged over strips of ``STRIP`` pixels along the rule's direction (Pillow's box resize, in C)
and a strip almost all ink is a piece of rule. Consecutive pieces make a run, runs in touching
pixel rows a rule (a residual skew moves a long rule down a row every few hundred pixels). Text
makes no such run: a glyph's stroke is far shorter than ``MIN_RULE`` and letters leave gaps; a
thick dark box is not a rule (``MAX_THICK``). Rules that cross make a table; a horizontal and a
vertical rule meeting within ``MEET`` are taken to cross.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar

__all__ = ["Grid", "Table", "find_grid", "grid_items"]

INK = 160
"""Grey level under which a pixel is ink: a photographed page's background darkens to about 200,
a blurred 300-dpi rule stays under 120."""
STRIP = 1 / 15
"""Inch: the length over which ink is averaged along a rule's direction (20 pixels at 300 dpi)."""
FULL = 0.9
"""Share of a strip that must be ink for it to be a piece of a rule (a white speck on the rule
is filled by the thickening)."""
MIN_RULE = 0.3
"""Inch: the shortest rule (a one-line row's border is about 0,3 inch high; a letter's stem 0,1)."""
MAX_THICK = 0.06
"""Inch: a rule is thinner (printed 0,5–1 pt, thickened by the strip's tilt); a black box is not."""
MEET = 0.02
"""Inch: how far a rule's end may stop short of the rule it meets (its ends are found to the
pixel; a cell's padding, which a line of text stops short by, is 0,04 inch or more)."""
NEAR = 0.06
"""Inch: two rules closer than this are one border (a rule found in two pieces)."""


@dataclass(frozen=True)
class _Rule:
    pos: int
    """The y of a horizontal rule, the x of a vertical one."""
    start: int
    end: int


@dataclass
class Table:
    """A ruled table: ``rows`` the y of its horizontal rules top to bottom (the bands between
    them are its rows), ``cells`` for each band the x edges of its cells left to right (a band
    whose cells are merged across has fewer), ``joined`` the (band, left edge) of cells with no
    rule above them: the lower part of a cell merged down from the band above."""

    left: int
    top: int
    right: int
    bottom: int
    rows: list[int]
    cells: list[list[int]]
    joined: list[tuple[int, int]]
    dpi: int = 300

    def to_json(self) -> dict[str, Any]:
        return {
            "box": [self.left, self.top, self.right, self.bottom],
            "rows": self.rows,
            "cells": self.cells,
            "joined": [list(pair) for pair in self.joined],
            "dpi": self.dpi,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Table:
        left, top, right, bottom = data["box"]
        joined = [(int(a), int(b)) for a, b in data["joined"]]
        rows, cells = list(data["rows"]), data["cells"]
        return cls(left, top, right, bottom, rows, cells, joined, int(data.get("dpi", 300)))


@dataclass
class Grid:
    """A page's ruled tables, top to bottom (none: the page has no ruled table)."""

    tables: list[Table]

    def holds(self, line: _Line) -> bool:
        """Whether ``line`` is in one of the tables (a "2021" Tesseract put last on the page is
        a cell's wrapped year, not the page's number)."""
        return any(_inside(line, table) for table in self.tables)

    def to_json(self) -> list[dict[str, Any]]:
        return [table.to_json() for table in self.tables]

    @classmethod
    def from_json(cls, data: list[dict[str, Any]] | None) -> Grid:
        return cls([Table.from_json(item) for item in data or []])


def find_grid(image: object, dpi: int) -> Grid:
    """The ruled tables of a straightened page image (Pillow, mode "L")."""
    from PIL import Image, ImageFilter

    assert isinstance(image, Image.Image)
    ink = image.point(lambda v: 255 if v < INK else 0).filter(ImageFilter.MaxFilter(3))
    flat = _rules(ink, dpi)
    upright = _rules(ink.transpose(Image.Transpose.TRANSPOSE), dpi)
    return Grid(_tables(flat, upright, dpi))


def _rules(ink: object, dpi: int) -> list[_Rule]:
    """The horizontal rules of ``ink`` (a vertical one: pass the image transposed)."""
    from PIL import Image

    assert isinstance(ink, Image.Image)
    strip = max(4, round(STRIP * dpi))
    width, height = ink.size
    cols = width // strip
    small = ink.resize((cols, height), Image.Resampling.BOX, box=(0, 0, cols * strip, height))
    data, pixels = small.tobytes(), ink.tobytes()
    full = round(FULL * 255)
    pieces: list[tuple[int, int, int]] = []  # (y, first pixel, last pixel + 1)
    for y in range(height):
        row = data[y * cols : (y + 1) * cols]
        x = 0
        while x < cols:
            if row[x] < full:
                x += 1
                continue
            start = x
            while x < cols and (row[x] >= full or (x + 1 < cols and row[x + 1] >= full)):
                x += 1
            if (x - start) * strip >= MIN_RULE * dpi:
                pieces.append((y, *_ends(pixels, y * width, width, start * strip, x * strip)))
    return _joined(pieces, strip, dpi)


def _ends(pixels: bytes, offset: int, width: int, start: int, end: int) -> tuple[int, int]:
    """A run's ends to the pixel: the strips round them, and only the pixel tells a rule that
    runs into the rule it meets from a line of text that stops a cell's padding short of it."""
    while start > 0 and pixels[offset + start - 1]:
        start -= 1
    while end < width and pixels[offset + end]:
        end += 1
    return start, end


def _joined(pieces: list[tuple[int, int, int]], strip: int, dpi: int) -> list[_Rule]:
    """Runs in touching pixel rows, overlapping, as one rule each (its middle row, its extent)."""
    open_: list[list[int]] = []  # [first y, last y, start, end]
    done: list[list[int]] = []
    for y, start, end in pieces:
        for rule in open_:
            if rule[1] >= y - 2 and start <= rule[3] + strip and end >= rule[2] - strip:
                rule[1], rule[2], rule[3] = y, min(rule[2], start), max(rule[3], end)
                break
        else:
            open_.append([y, y, start, end])
        done += [rule for rule in open_ if rule[1] < y - 2]
        open_ = [rule for rule in open_ if rule[1] >= y - 2]
    return [
        _Rule((first + last) // 2, start, end)
        for first, last, start, end in done + open_
        if last - first <= MAX_THICK * dpi
    ]


def _meets(flat: _Rule, upright: _Rule, near: float) -> bool:
    return (
        flat.start - near <= upright.pos <= flat.end + near
        and upright.start - near <= flat.pos <= upright.end + near
    )


def _tables(flat: list[_Rule], upright: list[_Rule], dpi: int) -> list[Table]:
    """Rules that cross, grouped (connected), as tables: two horizontal and two vertical at
    least."""
    near = MEET * dpi
    groups: list[tuple[list[_Rule], list[_Rule]]] = []
    for rule in flat:
        crossing = [up for up in upright if _meets(rule, up, near)]
        if not crossing:
            continue
        merged = [g for g in groups if any(up in g[1] for up in crossing)]
        hs = [rule] + [h for g in merged for h in g[0]]
        vs = list(dict.fromkeys([*crossing, *(v for g in merged for v in g[1])]))
        groups = [g for g in groups if g not in merged] + [(hs, vs)]
    tables = [
        replace(
            _table([h for h in hs if sum(_meets(h, v, near) for v in vs) >= 2], vs, NEAR * dpi),
            dpi=dpi,
        )
        for hs, vs in groups
        if len(hs) >= 2 and len(vs) >= 2
    ]
    return sorted((t for t in tables if len(t.rows) >= 2), key=lambda t: t.top)


def _clustered(values: list[int], near: float) -> list[int]:
    out: list[int] = []
    for value in sorted(values):
        if out and value - out[-1] <= near:
            continue
        out.append(value)
    return out


def _table(flat: list[_Rule], upright: list[_Rule], near: float) -> Table:
    """The grid of one table's rules: its bands, each band's cell edges, the merged cells."""
    rows = _clustered([rule.pos for rule in flat], near)
    left, right = min(v.pos for v in upright), max(v.pos for v in upright)
    cells: list[list[int]] = []
    joined: list[tuple[int, int]] = []
    for band, (top, bottom) in enumerate(zip(rows, rows[1:], strict=False)):
        middle = (top + bottom) / 2  # a rule's ends are known to a strip: its middle is safe
        edges = _clustered([v.pos for v in upright if v.start <= middle <= v.end], near)
        edges = _clustered([left, *edges, right], near)
        cells.append(edges)
        for a, b in zip(edges, edges[1:], strict=False):
            ruled = any(abs(h.pos - top) <= near and h.start <= (a + b) / 2 <= h.end for h in flat)
            if band and not ruled:
                joined.append((band, a))
    return Table(left, rows[0], right, rows[-1], rows, cells, joined)


class _Line(Protocol):
    text: str
    left: int
    top: int
    height: int
    confidences: list[float]
    right: int
    boxes: list[tuple[int, int]]
    spans: list[tuple[int, int]]


L = TypeVar("L", bound=_Line)
Fallback = Callable[[list[L], bool], list[Any]]
"""The word-box rules for the lines around the tables; True: the lines at the page's top."""
RULE_MARKS = frozenset("|Il[]!")
"""A one-character "word" on a vertical rule is the rule read as a letter."""


def _inside(line: _Line, table: Table) -> bool:
    middle = line.top + line.height / 2
    return table.top <= middle <= table.bottom and line.left < table.right


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
        inside = [line for line in rest if line not in above and _inside(line, table)]
        rest = [line for line in rest if line not in above and line not in inside]
        known = {box for line in inside for box in line.boxes}
        inside += [n for n in numbers if _inside(n, table) and n.boxes[0] not in known]
        if above:
            items += fallback(above, not items)
        rows = read_table(inside, table)
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
    words placed by their boxes' middles; a row with no word is left out."""
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
            text = _off_rule(words[index], left, table.cells[cell[0]], table)
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
