"""Visual lines of a PDF page (with position and font size) → paragraphs.

pypdf gives the text of each page line by line; its ``visitor_text`` callback also gives where
each piece is drawn. A line goes on the previous paragraph unless something on the page says
a new one starts:

* the font size changes (body 14pt → footnotes 10pt, title 16pt);
* the gap to the previous baseline is clearly larger than the usual line pitch of that size
  (spacing between paragraphs), or the line is not below the previous one (a second column of
  the header table);
* the line starts right of the usual left margin of that size (first-line indent, centred);
* a footnote number (``2 Trong đó…``) opens a line in a size smaller than the body's;
* the previous line was very short, or ended a sentence and was short, or ended a sentence and
  this line starts a list item or a numbered heading, or was short and in lower case and this
  line is all capitals (the place and date, then the kind, in a header without spacing);

unless pypdf kept a space at the end of the previous line, which it does only inside a
paragraph.

Margins and pitches are the most common values over the whole document, per font size.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

LIST_OR_LABEL = re.compile(r"^(?:[-+*•▪➢–]\s|\d+(?:\.\d+)*\.\s|[IVXLC]+[-.]\s|[a-zđ]\)\s)")
"""Starts of items and numbered headings (not "(2)": enumerations run on inside paragraphs)."""
DASH_ITEM = re.compile(r"^[-+•▪➢–]\s")
"""A list item; a wrapped "kinh tế\n- xã hội" also starts with a dash, but after a word."""
FOOTNOTE_START = re.compile(r"^\d{1,3} \S")
TERMINAL = set(".:;!?…")
GAP_RATIO = 1.25
"""A baseline gap this many times the usual pitch is spacing between paragraphs."""
INDENT_EM = 0.4
"""A line starting this many ems right of the usual margin is indented (first line, centred)."""
VERY_SHORT_RATIO = 0.5
"""A line shorter than half the longest line of its size ends a paragraph (header lines)."""
SHORT_RATIO = 0.75
"""A sentence-final line shorter than this share of the longest line of its size ends a paragraph."""


@dataclass
class Line:
    """One visual line: its text, where its first glyph is drawn and the font size."""

    text: str
    x: float = 0.0
    y: float = 0.0
    size: float = 0.0
    wraps: bool = False
    """pypdf kept a space at the end: the words go on on the next line."""


def _mode(values: list[float], default: float) -> float:
    counts = Counter(round(value, 0) for value in values)
    return counts.most_common(1)[0][0] if counts else default


MARGIN_SHARE = 0.25
"""Of the most common left edge's count: an edge further left that starts this many lines is the
margin, the common one an indent."""


def _margin(values: list[float]) -> float:
    """The usual left margin: the leftmost edge that starts nearly as many lines as the most
    common one. A page of short paragraphs with a first-line indent ("- Căn cứ …;" one line
    each) starts more lines at the indent than at the margin; taken for the margin, the indent
    made every indented line "at the margin", and paragraphs ran together."""
    counts = Counter(round(value, 0) for value in values)
    most = counts.most_common(1)[0][1]
    least = max(min(2, most), MARGIN_SHARE * most)  # where no edge starts two lines, the mode
    return min(edge for edge, count in counts.items() if count >= least)


@dataclass
class Geometry:
    """The usual left margin, line pitch and longest line per font size, and the body size."""

    margins: dict[float, float]
    pitches: dict[float, float]
    widths: dict[float, int]
    body_size: float

    @classmethod
    def of(cls, pages: list[list[Line]]) -> Geometry:
        xs: dict[float, list[float]] = {}
        gaps: dict[float, list[float]] = {}
        widths: dict[float, int] = {}
        sizes: list[float] = []
        for lines in pages:
            for previous, line in zip([None, *lines], lines, strict=False):
                if "\t" in line.text or (previous is not None and "\t" in previous.text):
                    continue  # a table row: its cells side by side are no line of text
                size = round(line.size, 1)
                sizes.append(size)
                xs.setdefault(size, []).append(line.x)
                widths[size] = max(widths.get(size, 0), len(line.text))
                if previous is not None and round(previous.size, 1) == size:
                    gap = previous.y - line.y
                    if gap > 0:
                        gaps.setdefault(size, []).append(gap)
        return cls(
            margins={size: _margin(v) for size, v in xs.items()},
            pitches={size: _mode(v, size * 1.2) for size, v in gaps.items()},
            widths=widths,
            body_size=_mode(sizes, 12.0),
        )

    def starts_paragraph(self, previous: Line, line: Line) -> bool:
        size = round(line.size, 1)
        if abs(previous.size - line.size) > 0.5:
            return True
        gap = previous.y - line.y
        pitch = self.pitches.get(size, line.size * 1.2)
        if gap <= 0 or gap > pitch * GAP_RATIO:
            return True
        if previous.wraps:
            return False
        if line.x > self.margins.get(size, line.x) + INDENT_EM * line.size:
            return True
        if FOOTNOTE_START.match(line.text) and line.size < self.body_size - 0.5:
            return True
        if DASH_ITEM.match(line.text) and previous.text.rstrip()[-1:] in ",;.:":
            return True
        ends_sentence = previous.text.rstrip()[-1:] in TERMINAL
        widest = self.widths.get(size, len(previous.text))
        if len(previous.text) < VERY_SHORT_RATIO * widest:
            return True
        short = len(previous.text) < SHORT_RATIO * widest
        if short and _all_caps(line.text) and not _all_caps(previous.text):
            return True  # "…, ngày 20 tháng 3 năm 2024" then "BÁO CÁO": header lines, no markup
        return ends_sentence and (short or bool(LIST_OR_LABEL.match(line.text)))


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


@dataclass
class Paragraph:
    text: str
    size: float
    indented: bool = False
    """Its first line starts right of the margin (first-line indent or centred)."""


def paragraphs(lines: list[Line], geometry: Geometry) -> list[Paragraph]:
    """The paragraphs of one page (wrapped lines joined by a space), with their font size."""
    result: list[Paragraph] = []
    previous: Line | None = None
    for line in lines:
        if (
            previous is None
            or "\t" in previous.text
            or "\t" in line.text
            or geometry.starts_paragraph(previous, line)
        ):  # a table row (cells between tabs) is a paragraph of its own
            indented = (
                line.x > geometry.margins.get(round(line.size, 1), line.x) + INDENT_EM * line.size
            )
            result.append(Paragraph(line.text, line.size, indented))
        else:
            glue = "" if re.search(r"\S-$", result[-1].text) else " "  # "2021-" + "2026"
            result[-1].text = f"{result[-1].text}{glue}{line.text}"
        previous = line
    return result
