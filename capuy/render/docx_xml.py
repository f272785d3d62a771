"""WordprocessingML that python-docx has no API for: fonts without theme overrides, borders,
fields, different first page, and real footnotes (``word/footnotes.xml``).

python-docx writes ``[Content_Types].xml`` from the parts it holds, so adding a ``XmlPart`` with
the footnotes content type and relating it to the document part with the footnotes relationship
is all Word needs, provided the part carries the two special footnotes Word expects first: the
separator (id -1) and the continuation separator (id 0).
"""

# Long: the small OOXML builders the writer needs, one function each.

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run

FOOTNOTES_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
)
FOOTNOTES_URI = "/word/footnotes.xml"
FOOTNOTE_TEXT_STYLE = "FootnoteText"
FOOTNOTE_REFERENCE_STYLE = "FootnoteReference"
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


class Footnotes:
    """The footnotes part of one document, and the reference marks that call its footnotes.

    Numbering is Word's own (``w:footnoteRef``) when the labels run 1, 2, 3 … in the order they
    are called; otherwise each mark is the label itself (``w:customMarkFollows``), so what the
    reader sees is what the source had.
    """

    def __init__(self, document: DocxDocument, auto_numbered: bool) -> None:
        self.auto_numbered = auto_numbered
        self._next_id = 1
        part = document.part
        element = parse_xml(
            f"<w:footnotes {nsdecls('w')}>"
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            "<w:r><w:separator/></w:r></w:p></w:footnote>"
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
            "</w:footnotes>"
        )
        self.part = XmlPart(PackURI(FOOTNOTES_URI), FOOTNOTES_CONTENT_TYPE, element, part.package)
        part.relate_to(self.part, RT.FOOTNOTES)
        self.element = element
        settings = document.settings.element
        footnote_pr = settings.find(qn("w:footnotePr"))
        if footnote_pr is None:
            footnote_pr = parse_xml(
                f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/>'
                "</w:footnotePr>"
            )
            anchor = settings.find(qn("w:compat"))
            if anchor is not None:
                anchor.addprevious(footnote_pr)
            else:
                settings.append(footnote_pr)

    def add(self, label: str, paragraphs: list[list[tuple[str, bool, bool]]]) -> int:
        """A new footnote whose text is ``paragraphs`` of (text, bold, italic) runs; its id."""
        footnote_id = self._next_id
        self._next_id += 1
        footnote = OxmlElement("w:footnote")
        footnote.set(qn("w:id"), str(footnote_id))
        for index, runs in enumerate(paragraphs or [[]]):
            p = OxmlElement("w:p")
            ppr = OxmlElement("w:pPr")
            style = OxmlElement("w:pStyle")
            style.set(qn("w:val"), FOOTNOTE_TEXT_STYLE)
            ppr.append(style)
            p.append(ppr)
            if index == 0:
                mark = _reference_run()
                if self.auto_numbered:
                    mark.append(OxmlElement("w:footnoteRef"))
                else:
                    mark.append(_text(label))
                p.append(mark)
                p.append(_plain_run(" ", False, False))
            for text, bold, italic in runs:
                p.append(_plain_run(text, bold, italic))
            footnote.append(p)
        self.element.append(footnote)
        return footnote_id

    def reference(self, paragraph: Paragraph, footnote_id: int, label: str) -> None:
        """The call mark of footnote ``footnote_id`` at the end of ``paragraph``."""
        run = _reference_run()
        ref = OxmlElement("w:footnoteReference")
        if not self.auto_numbered:
            ref.set(qn("w:customMarkFollows"), "1")
        ref.set(qn("w:id"), str(footnote_id))
        run.append(ref)
        if not self.auto_numbered:
            run.append(_text(label))
        paragraph._p.append(run)


def _text(value: str) -> BaseOxmlElement:
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = value
    return text


def _reference_run() -> BaseOxmlElement:
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), FOOTNOTE_REFERENCE_STYLE)
    rpr.append(style)
    run.append(rpr)
    return run


def _plain_run(value: str, bold: bool, italic: bool) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    if bold or italic:
        rpr = OxmlElement("w:rPr")
        if bold:
            rpr.append(OxmlElement("w:b"))
        if italic:
            rpr.append(OxmlElement("w:i"))
        run.append(rpr)
    run.append(_text(value))
    return run


def add_footnote_styles(document: DocxDocument, font_name: str, size_pt: float, align: str) -> None:
    """The two built-in styles footnotes use ("footnote text", "footnote reference")."""
    styles = document.styles.element
    jc = {"justify": "both", "center": "center", "right": "right"}.get(align, "left")
    half_points = round(size_pt * 2)
    styles.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="{FOOTNOTE_TEXT_STYLE}">'
            '<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>'
            '<w:unhideWhenUsed/><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" '
            f'w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="{jc}"/></w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="{font_name}" w:hAnsi="{font_name}" w:cs="{font_name}" '
            f'w:eastAsia="{font_name}"/><w:sz w:val="{half_points}"/>'
            f'<w:szCs w:val="{half_points}"/></w:rPr></w:style>'
        )
    )
    styles.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="character" w:styleId="{FOOTNOTE_REFERENCE_STYLE}">'
            '<w:name w:val="footnote reference"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        )
    )
