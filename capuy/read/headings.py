"""Heading labels and the outline tree, as the renderer needs them.

A heading keeps its label in its text (``I- MỘT SỐ …``, ``1.1. …``, ``a) …``): the reader and
the extractor rely on it. These helpers split a label off for ``Block.label``/``Section.label``
and nest headings into ``Section``s by level.
"""

from __future__ import annotations

import re

from capuy.model import Block, Section

_LABEL = re.compile(
    r"^\s*(?:"
    r"(?P<roman>[IVXLC]+)\s*[-.–)]"
    r"|(?P<number>\d+(?:\.\d+)*)\.?(?=\s)"
    r"|(?P<letter>[a-zđ])\)"
    r")\s*",
)


def split_label(text: str) -> tuple[str, str]:
    """``"I- MỘT SỐ …"`` → ``("I", "MỘT SỐ …")``; ``"1.1. Chỉ đạo"`` → ``("1.1", "Chỉ đạo")``."""
    match = _LABEL.match(text)
    if not match:
        return "", text.strip()
    label = match.group("roman") or match.group("number") or match.group("letter") or ""
    return label, text[match.end() :].strip()


def build_sections(blocks: list[Block]) -> list[Section]:
    """Nest the heading blocks into an outline by their level."""
    roots: list[Section] = []
    stack: list[Section] = []
    for block in blocks:
        if block.kind != "heading":
            continue
        label, title = split_label(block.text)
        section = Section(label=label, title=title, level=block.level, line=block.line)
        while stack and stack[-1].level >= section.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(section)
        stack.append(section)
    return roots
