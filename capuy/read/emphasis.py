"""Bold and italic ranges inside a block (``Block.emphasis``), from per-character flags.

A report's run-in headings are a bold lead-in followed by plain text (``**2.2. Nguyên nhân:**
Công tác …``); the extractor and the renderer need to know where the bold stops.
"""

from __future__ import annotations

MARKS = ("bold", "italic")


def emphasis_ranges(text: str, flags: list[tuple[bool, bool]]) -> list[tuple[int, int, str]]:
    """Maximal ``(start, end, "bold" | "italic")`` ranges of ``text``, trimmed of spaces."""
    ranges: list[tuple[int, int, str]] = []
    for index, mark in enumerate(MARKS):
        start: int | None = None
        for offset in range(len(text) + 1):
            on = offset < len(text) and offset < len(flags) and flags[offset][index]
            if on and start is None:
                start = offset
            elif not on and start is not None:
                ranges.append(_trim(text, start, offset, mark))
                start = None
    return sorted(r for r in ranges if r[1] > r[0])


def shift(ranges: list[tuple[int, int, str]], by: int) -> list[tuple[int, int, str]]:
    return [(start + by, end + by, mark) for start, end, mark in ranges]


def _trim(text: str, start: int, end: int, mark: str) -> tuple[int, int, str]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end, mark
