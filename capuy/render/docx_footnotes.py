"""Real Word footnotes (``word/footnotes.xml``), which python-docx has no API for.

python-docx writes ``[Content_Types].xml`` from the parts it holds, so adding a ``XmlPart`` with
the footnotes content type and relating it to the document part with the footnotes relationship
is all Word needs, provided the part carries the two special footnotes Word expects first: the
separator (id -1) and the continuation separator (id 0).
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

FOOTNOTES_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
)
FOOTNOTES_URI = "/word/footnotes.xml"
FOOTNOTE_TEXT_STYLE = "FootnoteText"
FOOTNOTE_REFERENCE_STYLE = "FootnoteReference"


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
