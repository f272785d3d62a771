"""The text a rule reads: every paragraph, heading, list item, table row and footnote of a
document as one ``TextUnit`` that can map a character offset back to its source line.

Rules that look at words (spelling, duplicates, patterns) all walk the same units, so a
finding's line is computed one way everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from capuy.check.shared import once
from capuy.model import Document, Section, source_line
from capuy.text import normalize_tones

_SPACE = re.compile(r"\s+")


@dataclass
class TextUnit:
    """One piece of text with its source line(s). ``kind`` is the block kind or ``footnote``."""

    text: str
    line: int
    kind: str
    segments: list[tuple[int, int]] = field(default_factory=list)
    index: int = 0

    def line_at(self, offset: int) -> int:
        return source_line(self.line, self.segments, offset)


def text_units(doc: Document, footnotes: bool = True) -> Iterator[TextUnit]:
    """Blocks in reading order (table rows one by one), then footnotes (made once per document
    in a ``check`` run: ``capuy.check.shared``)."""
    return iter(once(doc, f"units {footnotes}", lambda: list(_text_units(doc, footnotes))))


def _text_units(doc: Document, footnotes: bool) -> Iterator[TextUnit]:
    index = 0
    for block in doc.blocks:
        if block.kind == "table" and block.rows:
            for row_no, row in enumerate(block.rows):
                line = block.row_lines[row_no] if row_no < len(block.row_lines) else block.line
                yield TextUnit("\t".join(row), line, "table", [], index)
                index += 1
            continue
        yield TextUnit(block.text, block.line, block.kind, list(block.segments), index)
        index += 1
    if footnotes:
        for note in doc.footnotes:
            yield TextUnit(note.text, note.line, "footnote", list(note.segments), index)
            index += 1


@lru_cache(maxsize=8192)
def tone_normalised(text: str) -> str:
    """``text`` in canonical tone placement, same length so offsets carry over (cached: several
    rules read the same paragraph)."""
    normalised = normalize_tones(text)
    return normalised if len(normalised) == len(text) else text


def excerpt(text: str, start: int, end: int, context: int = 30) -> str:
    """The matched text with a few words either side, on one line, cut at word boundaries."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    snippet = _SPACE.sub(" ", text[left:right]).strip()
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")


def flatten_sections(sections: list[Section]) -> list[Section]:
    """The outline in reading order, parents before their children."""
    out: list[Section] = []
    for section in sections:
        out.append(section)
        out.extend(flatten_sections(section.children))
    return out


def section_path_at(doc: Document, line: int) -> list[Section]:
    """The chain of sections (outermost first) that contains source line ``line``."""
    path: list[Section] = []
    level_nodes = doc.sections
    while True:
        inside = [s for s in level_nodes if s.line <= line]
        if not inside:
            return path
        current = max(inside, key=lambda s: s.line)
        path.append(current)
        level_nodes = current.children
