"""A DOCX's footnotes (``word/footnotes.xml``): the notes the body calls, in the order of
their labels, each paragraph's text read by the caller (legacy fonts decoded) and appended to
the document's lines, so a footnote has lines of its own like a block."""

from __future__ import annotations

from collections.abc import Callable

from docx.oxml.ns import qn
from lxml import etree

from capuy.model import Footnote

__all__ = ["read_footnotes"]

_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")


def read_footnotes(
    root: etree._Element | None,
    called: dict[str, str],
    note_text: Callable[[etree._Element], str],
    lines: list[str],
) -> list[Footnote]:
    """The footnotes ``called`` (note id → label) from the part ``root``; ``note_text`` gives
    a paragraph's text, and every paragraph read is appended to ``lines``."""
    if root is None:
        return []
    bodies = {}
    for note in root.iter(qn("w:footnote")):
        if note.get(qn("w:type")) in _SEPARATORS:
            continue
        bodies[note.get(qn("w:id"), "")] = note
    footnotes: list[Footnote] = []
    for note_id, label in sorted(called.items(), key=lambda item: int(item[1])):
        note = bodies.get(note_id)
        if note is None:
            continue
        texts: list[str] = []
        segments: list[tuple[int, int]] = []
        first_line = 0
        for p in note.iter(qn("w:p")):
            content = note_text(p)
            lines.append(content)
            first_line = first_line or len(lines)
            if content:
                segments.append((sum(len(t) + 1 for t in texts), len(lines)))
                texts.append(content)
        footnotes.append(
            Footnote(label=label, text="\n".join(texts), line=first_line, segments=segments)
        )
    return footnotes
