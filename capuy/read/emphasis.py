"""Bold and italic ranges inside a block (``Block.emphasis``), from formatting spans.

A report's run-in headings are a bold lead-in followed by plain text (``**2.2. Nguyên nhân:**
Công tác …``); the extractor and the renderer need to know where the bold stops.
"""

from __future__ import annotations

MARKS = ("bold", "italic")


Span = tuple[int, int, bool, bool]
"""``(start, end, bold, italic)``: a stretch of text written with one formatting."""


def emphasis_ranges(text: str, spans: list[Span]) -> list[tuple[int, int, str]]:
    """Maximal ``(start, end, "bold" | "italic")`` ranges of ``text``, trimmed of spaces."""
    ranges: list[tuple[int, int, str]] = []
    for index, mark in enumerate(MARKS):
        start: int | None = None
        end = 0
        for span in spans:
            span_start, span_end = max(0, span[0]), min(len(text), span[1])
            if span_end <= span_start:
                continue
            on = span[2 + index]
            if on and start is not None and span_start == end:
                end = span_end
            elif on:
                if start is not None:
                    ranges.append(_trim(text, start, end, mark))
                start, end = span_start, span_end
            elif start is not None:
                ranges.append(_trim(text, start, end, mark))
                start = None
        if start is not None:
            ranges.append(_trim(text, start, end, mark))
    return sorted(r for r in ranges if r[1] > r[0])


def shift_spans(spans: list[Span], by: int) -> list[Span]:
    return [(start + by, end + by, bold, italic) for start, end, bold, italic in spans]


def shift(ranges: list[tuple[int, int, str]], by: int) -> list[tuple[int, int, str]]:
    return [(start + by, end + by, mark) for start, end, mark in ranges]


def _trim(text: str, start: int, end: int, mark: str) -> tuple[int, int, str]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end, mark
