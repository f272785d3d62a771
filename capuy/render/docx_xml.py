"""WordprocessingML that python-docx has no API for: fonts without theme overrides, borders,
fields, fixed table layout, and the child order the schema requires. Footnotes, a part of their
own, are ``capuy.render.docx_footnotes``.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


# Child order the OOXML schema requires (ECMA-376 Part 1, CT_PPrBase and CT_TblPr). Word refuses
# a file whose properties are out of order, LibreOffice does not, so we sort what we add.
PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]
TBLPR_ORDER = [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
]


def sort_children(parent: BaseOxmlElement, order: tuple[str, ...] | list[str]) -> None:
    """Put ``parent``'s children in schema order (unknown ones last, relative order kept)."""
    rank = {qn(f"w:{name}"): index for index, name in enumerate(order)}
    children = list(parent)
    children.sort(key=lambda child: rank.get(child.tag, len(rank)))
    for child in children:
        parent.append(child)  # lxml moves an element that is appended again


def _child(parent: BaseOxmlElement, tag: str, *, first: bool = False) -> BaseOxmlElement:
    """The ``tag`` child of ``parent``, created when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def set_fonts(rpr: BaseOxmlElement, name: str) -> None:
    """All four font slots set to ``name`` and theme fonts removed (they would win in Word)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_ATTRS:
        key = qn(attr)
        if key in fonts.attrib:
            del fonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)


def set_document_defaults(document: DocxDocument, font_name: str, size_pt: float) -> None:
    """The docDefaults run properties: our font and size instead of the template's theme."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = _child(defaults, "w:rPrDefault", first=True)
    rpr = _child(rpr_default, "w:rPr")
    set_fonts(rpr, font_name)
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), str(round(size_pt * 2)))
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), "vi-VN")
    sort_children(rpr, RPR_ORDER)


def remove_table_borders(table_element: BaseOxmlElement) -> None:
    """Every table and cell border set to none (the header and signature tables are invisible)."""
    tbl_pr = table_element.tblPr
    borders = tbl_pr.find(qn("w:tblBorders"))
    if borders is not None:
        tbl_pr.remove(borders)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "nil")
        borders.append(border)
    tbl_pr.append(borders)
    sort_children(tbl_pr, TBLPR_ORDER)


def set_table_grid_borders(table_element: BaseOxmlElement) -> None:
    """Single 0.5 pt lines around and between every cell (a data table)."""
    tbl_pr = table_element.tblPr
    borders = tbl_pr.find(qn("w:tblBorders"))
    if borders is not None:
        tbl_pr.remove(borders)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "single")
        border.set(qn("w:sz"), "4")
        border.set(qn("w:space"), "0")
        border.set(qn("w:color"), "000000")
        borders.append(border)
    tbl_pr.append(borders)
    sort_children(tbl_pr, TBLPR_ORDER)


def set_fixed_layout(table_element: BaseOxmlElement, widths_twips: list[int]) -> None:
    """Fixed column widths (tblLayout fixed, tblW, gridCol), so Word and LibreOffice agree."""
    tbl_pr = table_element.tblPr
    layout = _child(tbl_pr, "w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    width = _child(tbl_pr, "w:tblW")
    width.set(qn("w:w"), str(sum(widths_twips)))
    width.set(qn("w:type"), "dxa")
    sort_children(tbl_pr, TBLPR_ORDER)
    grid = table_element.tblGrid
    for col, twips in zip(grid.findall(qn("w:gridCol")), widths_twips, strict=False):
        col.set(qn("w:w"), str(twips))


def paragraph_border(paragraph: Paragraph, sides: tuple[str, ...], size_eighths: int = 6) -> None:
    """A single line on ``sides`` of a paragraph (the rule under the title, the box of a mark)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = _child(ppr, "w:pBdr")
    for side in sides:
        border = _child(borders, f"w:{side}")
        border.set(qn("w:val"), "single")
        border.set(qn("w:sz"), str(size_eighths))
        border.set(qn("w:space"), "1")
        border.set(qn("w:color"), "000000")
    sort_children(borders, ("top", "left", "bottom", "right", "between", "bar"))
    sort_children(ppr, PPR_ORDER)


def repeat_header_row(row_element: BaseOxmlElement) -> None:
    tr_pr = row_element.get_or_add_trPr()
    _child(tr_pr, "w:tblHeader")


def cant_split_row(row_element: BaseOxmlElement) -> None:
    tr_pr = row_element.get_or_add_trPr()
    _child(tr_pr, "w:cantSplit")


def add_page_field(paragraph: Paragraph) -> Run:
    """A PAGE field (begin / instrText / separate / result / end) in ``paragraph``."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    result = OxmlElement("w:t")
    result.text = "2"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instr, separate, result, end):
        run._r.append(element)
    return run
