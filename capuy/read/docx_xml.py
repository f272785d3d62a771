"""XML helpers of the .docx reader: where a run belongs, what formatting it shows.

python-docx answers "is this run bold?" only for direct formatting (``None`` when inherited), and
has no notion of tracked deletions or of runs nested in text boxes; these helpers fill the gaps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from docx.oxml.ns import qn
from docx.styles.style import BaseStyle
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


class StyleFlags:
    """Bold/italic as displayed: the run, then its character style, then the paragraph style.

    python-docx resolves a style by scanning every style of the document each time (hundreds in
    Word's template), so styles are indexed once and each style chain is resolved once.
    """

    def __init__(
        self,
        styles: Iterable[BaseStyle],
        default_paragraph: BaseStyle | None,
        default_font: str = "",
    ) -> None:
        self.by_id = {style.style_id: style for style in styles}
        self.default_paragraph = default_paragraph
        self.default_font = default_font
        self._chain: dict[tuple[str, str], bool | None] = {}
        self._fonts: dict[str, str] = {}

    def paragraph_style(self, p: etree._Element) -> BaseStyle | None:
        node = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if node is None:
            return self.default_paragraph
        return self.by_id.get(node.get(qn("w:val"), ""), self.default_paragraph)

    def run_style(self, r: etree._Element) -> BaseStyle | None:
        node = r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
        return None if node is None else self.by_id.get(node.get(qn("w:val"), ""))

    def chain(self, style: BaseStyle | None, attr: str) -> bool | None:
        if style is None:
            return None
        key = (style.style_id, attr)
        if key not in self._chain:
            value: bool | None = None
            current: BaseStyle | None = style
            while current is not None:
                flag = getattr(getattr(current, "font", None), attr, None)
                if flag is not None:
                    value = bool(flag)
                    break
                current = getattr(current, "base_style", None)
            self._chain[key] = value
        return self._chain[key]

    def effective(self, run: Run, paragraph_style: BaseStyle | None, attr: str) -> bool:
        value = getattr(run.font, attr)
        if value is not None:
            return bool(value)
        for style in (self.run_style(run._r), paragraph_style):
            flag = self.chain(style, attr)
            if flag is not None:
                return flag
        return False

    def font(self, r: etree._Element, paragraph_style: BaseStyle | None) -> str:
        """The font a run is drawn in: the run's, its character style's, the paragraph style's
        (each up its ``basedOn`` chain), else the document default. A legacy font name
        (``.VnTime``, ``VNI-Times``) says how to read the run's bytes (``capuy.read.legacy``)."""
        direct = font_name(r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}"))
        if direct:
            return direct
        for style in (self.run_style(r), paragraph_style):
            if style is not None:
                name = self._style_font(style)
                if name:
                    return name
        return self.default_font

    def _style_font(self, style: BaseStyle) -> str:
        if style.style_id not in self._fonts:
            name = ""
            current: BaseStyle | None = style
            while current is not None and not name:
                name = font_name(current.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}"))
                current = getattr(current, "base_style", None)
            self._fonts[style.style_id] = name
        return self._fonts[style.style_id]


def font_name(fonts: etree._Element | None) -> str:
    """The Latin font of a ``w:rFonts`` (``w:ascii``, else ``w:hAnsi``), or ""."""
    if fonts is None:
        return ""
    return fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi")) or ""


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
