"""XML helpers of the .docx reader: where a run belongs, what formatting it shows.

python-docx answers "is this run bold?" only for direct formatting (``None`` when inherited), and
has no notion of tracked deletions or of runs nested in text boxes; these helpers fill the gaps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from docx.oxml.ns import qn
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

HEADING_STYLE = re.compile(r"^heading\s+(\d)$", re.IGNORECASE)


def block_children(body: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables of the body in order, looking inside content controls."""
    for child in body:
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from block_children(content)


def owner_paragraph(node: etree._Element) -> etree._Element | None:
    parent = node.getparent()
    while parent is not None and parent.tag != qn("w:p"):
        parent = parent.getparent()
    return parent


def owner_table(node: etree._Element) -> etree._Element | None:
    parent = node.getparent()
    while parent is not None and parent.tag != qn("w:tbl"):
        parent = parent.getparent()
    return parent


def deleted(r: etree._Element) -> bool:
    parent = r.getparent()
    return parent is not None and parent.tag in (qn("w:del"), qn("w:moveFrom"))


def effective(run: Run, paragraph: Paragraph, attr: str) -> bool:
    """Bold/italic as displayed: the run, then its character style, then the paragraph style."""
    value = getattr(run.font, attr)
    if value is not None:
        return bool(value)
    style = run.style
    while style is not None and style.style_id != "DefaultParagraphFont":
        value = getattr(style.font, attr)
        if value is not None:
            return bool(value)
        style = style.base_style
    pstyle = paragraph.style
    while pstyle is not None:
        value = getattr(pstyle.font, attr)
        if value is not None:
            return bool(value)
        pstyle = pstyle.base_style
    return False


def heading_level(style_name: str, p: etree._Element, style: BaseStyle | None) -> int | None:
    if match := HEADING_STYLE.match(style_name):
        return int(match.group(1))
    if style_name.lower() == "title":
        return 0
    outline = p.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    current = style
    while outline is None and current is not None:
        outline = current.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        current = getattr(current, "base_style", None)
    if outline is not None:
        value = int(outline.get(qn("w:val"), "9"))
        if value < 9:
            return value + 1
    return None
