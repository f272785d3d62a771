"""A page's body lines in print order where Tesseract's blocks are not.

Tesseract reads a page block by block, and it makes a block of its own of lines set in from the
margin: a heading indented under a table ("II- PHƯƠNG HƯỚNG …") and the first line of the
paragraph under it were read after the paragraph's last line and the closing's "Nơi nhận:", so
the section came out below the recipients. Lines of one column are printed top to bottom: a line
that lies wholly above another it overlaps across the page goes before it. Lines side by side
(the closing's two columns, two signers) do not overlap and keep Tesseract's column order.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

OVERLAP = 0.25
"""Of the narrower line's width: two lines overlapping less than this across the page are side
by side (a recipient's long line ending under the signature's first letters), not one column."""


class _Placed(Protocol):
    left: int
    top: int
    height: int
    right: int


L = TypeVar("L", bound=_Placed)


def in_print_order(lines: list[L]) -> list[L]:
    """``lines`` in Tesseract's order, each moved up before the first line already placed that
    it overlaps across the page and lies wholly above, and before the lines placed just before
    that one which also lie wholly below it (a title's wrapped "2026" read after the section
    under it goes above the heading "I- MỤC ĐÍCH", which it does not overlap). A stable
    insertion: lines in order, and lines side by side, stay as they were; a line that overlaps
    nothing below it (the signature beside the recipients) is not moved."""
    placed: list[L] = []
    for line in lines:
        at = next(
            (index for index, other in enumerate(placed) if _above_in_column(line, other)),
            len(placed),
        )
        while 0 < at < len(placed) and placed[at - 1].top >= line.top + line.height:
            at -= 1  # and before the lines just above that one which are printed below it too
        placed.insert(at, line)
    return placed


def _above_in_column(line: _Placed, other: _Placed) -> bool:
    if line.top + line.height > other.top:  # not wholly above: the same row, or lower
        return False
    if line.right <= line.left or other.right <= other.left:  # an edge not known: keep the order
        return False
    overlap = min(line.right, other.right) - max(line.left, other.left)
    narrower = min(line.right - line.left, other.right - other.left)
    return overlap >= OVERLAP * narrower
