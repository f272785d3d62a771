"""A ruled table read from its rules: the printed cell borders of a page image become a grid
(tables, row bands, column edges, merged cells); ``capuy.read.ocr_cells`` puts Tesseract's
words into its cells.

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

from dataclasses import dataclass, replace
from typing import Any, Protocol

__all__ = ["Grid", "PageLine", "Table", "find_grid", "inside"]

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

    def holds(self, line: PageLine) -> bool:
        """Whether ``line`` is in one of the tables (a "2021" Tesseract put last on the page is
        a cell's wrapped year, not the page's number)."""
        return any(inside(line, table) for table in self.tables)

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


class PageLine(Protocol):
    """A line of Tesseract's words with their boxes (``ocr_layout.OcrLine``)."""

    text: str
    left: int
    top: int
    height: int
    confidences: list[float]
    right: int
    boxes: list[tuple[int, int]]
    spans: list[tuple[int, int]]


def inside(line: PageLine, table: Table) -> bool:
    """Whether the line's middle is within the table's rules (left of its right edge)."""
    middle = line.top + line.height / 2
    return table.top <= middle <= table.bottom and line.left < table.right
