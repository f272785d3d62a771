"""The .docx reader on real DOCX files built here with python-docx (+ a real footnotes part)."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

from capuy.errors import InputError
from capuy.model import Block, Document
from capuy.read import read_file

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTE_TEXTS = {
    1: "Chương trình thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Hội nghị lần thứ tám.",
    2: "Trong đó: Nguồn ngân sách tỉnh: 126.619 triệu đồng.",
}
LEVELS = [("upperRoman", "%1-"), ("decimal", "%2."), ("decimal", "%2.%3."), ("lowerLetter", "%4)")]


def add_outline_numbering(document: docx.document.Document) -> str:
    """Add a Party-style multilevel list (I- / 1. / 1.1. / a)) to numbering.xml; its numId."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(LEVELS)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    return "90"


def number(paragraph: Paragraph, num_id: str, ilvl: int) -> Paragraph:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


def call_footnote(paragraph: Paragraph, note_id: int) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{note_id}"/></w:r>'
        )
    )


def add_footnotes_part(document: docx.document.Document) -> None:
    """word/footnotes.xml with separators and the bodies, related from the main part."""
    notes = "".join(
        f'<w:footnote w:id="{note_id}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
        f'</w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r>'
        f"</w:p></w:footnote>"
        for note_id, text in FOOTNOTE_TEXTS.items()
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {nsdecls("w")}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        f"{notes}</w:footnotes>"
    )
    package = document.part.package
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, xml.encode("utf-8"), package)
    document.part.relate_to(part, RT.FOOTNOTES)


def hide_borders(table: docx.table.Table) -> None:
    edges = "".join(
        f'<w:{edge} w:val="nil"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    table._tbl.tblPr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{edges}</w:tblBorders>"))


def build_report_docx(path: Path) -> Path:
    """A short monthly report laid out as the renderer does (header table, styles, lists)."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "TIÊU ĐỀ TRANG KHÔNG ĐỌC"
    document.sections[0].footer.paragraphs[0].text = "CHÂN TRANG KHÔNG ĐỌC"
    header = document.add_table(rows=1, cols=2)
    hide_borders(header)
    left, right = header.rows[0].cells
    left.paragraphs[0].text = "ĐẢNG BỘ TỈNH QUẢNG NGÃI"  # line 1
    left.add_paragraph("THỊ ỦY ĐỨC PHỔ")  # 2
    left.add_paragraph("*")  # 3
    left.add_paragraph("Số 708-BC/TU")  # 4
    right.paragraphs[0].text = "ĐẢNG CỘNG SẢN VIỆT NAM"  # 5
    right.add_paragraph("Đức Phổ, ngày 26 tháng 02 năm 2024").runs[0].italic = True  # 6
    num = add_outline_numbering(document)
    document.add_paragraph("BÁO CÁO", style="Title")  # 7
    document.add_paragraph("")  # 8 (empty, still counted)
    number(document.add_paragraph("MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM", style="Heading 1"), num, 0)  # 9
    number(document.add_paragraph("Ban Thường vụ Thị ủy", style="Heading 2"), num, 1)  # 10
    body = document.add_paragraph("Kịp thời ban hành Chương trình thực hiện Nghị quyết khóa XIII")
    call_footnote(body, 1)
    body.add_run(" đưa ra các nhóm nhiệm vụ trọng tâm.")  # 11
    number(document.add_paragraph("Tiếp tục lãnh đạo công tác bồi thường."), num, 2)  # 12
    number(document.add_paragraph("Chỉ đạo chuẩn bị đón Tết Nguyên đán."), num, 2)  # 13
    number(document.add_paragraph("Về công tác chính trị, tư tưởng."), num, 3)  # 14
    number(document.add_paragraph("Thường trực Thị ủy", style="Heading 2"), num, 1)  # 15
    number(document.add_paragraph("Cho ý kiến về các nội dung thuộc thẩm quyền."), num, 2)  # 16
    number(document.add_paragraph("NHIỆM VỤ TRỌNG TÂM THÁNG 3/2024", style="Heading 1"), num, 0)
    document.add_paragraph("Triển khai Chương trình kiểm tra, giám sát.", style="List Bullet")  # 18
    bold = document.add_paragraph()  # 19: all runs bold
    bold.add_run("Đánh giá chung: ").bold = True
    bold.add_run("hoàn thành nhiệm vụ.").bold = True
    mixed = document.add_paragraph()  # 20: not all bold
    mixed.add_run("Về kinh tế - xã hội: ").bold = True
    mixed.add_run("thu ngân sách đạt 92,64% dự toán.")
    table = document.add_table(rows=3, cols=2, style="Table Grid")  # lines 21..26
    for row, (kind, summary) in enumerate(
        [("THỂ LOẠI", "TRÍCH YẾU NỘI DUNG"), ("Báo cáo", "Tình hình trước Tết"), ("Kế hoạch", "")]
    ):
        table.cell(row, 0).text = kind
        table.cell(row, 1).text = summary
    cell = table.cell(2, 1).paragraphs[0]
    cell.add_run("Tổng kết 10 năm, nguồn vốn")
    call_footnote(cell, 2)
    document.add_paragraph("Nơi nhận:")  # 27
    document.add_paragraph("- Thường trực Tỉnh ủy,")  # 28
    document.add_paragraph("- Lưu Văn phòng Thị ủy.")  # 29
    document.add_paragraph("T/M BAN THƯỜNG VỤ").runs[0].bold = True  # 30
    add_footnotes_part(document)
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def report_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_report_docx(tmp_path_factory.mktemp("docx") / "bao-cao.docx")


@pytest.fixture(scope="module")
def doc(report_docx: Path) -> Document:
    return read_file(report_docx)


def at(doc: Document, line: int) -> Block:
    (block,) = [b for b in doc.blocks if b.line == line]
    return block


@pytest.mark.parametrize(
    ("line", "kind", "level", "label", "text"),
    [
        (1, "paragraph", 0, "", "ĐẢNG BỘ TỈNH QUẢNG NGÃI"),
        (2, "paragraph", 0, "", "THỊ ỦY ĐỨC PHỔ"),
        (3, "paragraph", 0, "", "*"),
        (4, "paragraph", 0, "", "Số 708-BC/TU"),
        (5, "paragraph", 0, "", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        (6, "paragraph", 0, "", "Đức Phổ, ngày 26 tháng 02 năm 2024"),
        (7, "heading", 0, "", "BÁO CÁO"),
        (9, "heading", 1, "", "I- MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM"),
        (10, "heading", 2, "", "1. Ban Thường vụ Thị ủy"),
        (11, "paragraph", 0, "", "Kịp thời ban hành Chương trình thực hiện Nghị quyết khóa XIII đưa ra các nhóm nhiệm vụ trọng tâm."),
        (12, "paragraph", 0, "", "1.1. Tiếp tục lãnh đạo công tác bồi thường."),
        (13, "paragraph", 0, "", "1.2. Chỉ đạo chuẩn bị đón Tết Nguyên đán."),
        (14, "paragraph", 0, "", "a) Về công tác chính trị, tư tưởng."),
        (15, "heading", 2, "", "2. Thường trực Thị ủy"),
        (16, "paragraph", 0, "", "2.1. Cho ý kiến về các nội dung thuộc thẩm quyền."),
        (17, "heading", 1, "", "II- NHIỆM VỤ TRỌNG TÂM THÁNG 3/2024"),
        (18, "list_item", 0, "•", "Triển khai Chương trình kiểm tra, giám sát."),
        (19, "paragraph", 0, "", "Đánh giá chung: hoàn thành nhiệm vụ."),
        (27, "paragraph", 0, "", "Nơi nhận:"),
        (28, "list_item", 0, "-", "Thường trực Tỉnh ủy,"),
        (29, "list_item", 0, "-", "Lưu Văn phòng Thị ủy."),
        (30, "paragraph", 0, "", "T/M BAN THƯỜNG VỤ"),
    ],
)  # fmt: skip
def test_paragraphs_headings_numbering(
    doc: Document, line: int, kind: str, level: int, label: str, text: str
) -> None:
    block = at(doc, line)
    assert (block.kind, block.level, block.label, block.text) == (kind, level, label, text)
    assert doc.lines[line - 1].endswith(text)


def test_header_table_flattened_left_column_then_right(doc: Document) -> None:
    assert [b.line for b in doc.blocks[:6]] == [1, 2, 3, 4, 5, 6]
    assert all(b.kind == "paragraph" for b in doc.blocks[:6])
    assert doc.blocks[6].text == "BÁO CÁO"


def test_line_is_the_paragraph_index_and_lines_hold_the_text(doc: Document) -> None:
    assert doc.format == "docx"
    assert doc.lines[7] == ""  # the empty paragraph is counted, not emitted
    assert not [b for b in doc.blocks if b.line == 8]
    assert doc.lines[8] == "I- MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM"
    assert doc.lines[27] == "- Thường trực Tỉnh ủy,"


@pytest.mark.parametrize(
    ("line", "bold", "italic"),
    [(6, False, True), (19, True, False), (20, False, False), (30, True, False)],
)
def test_bold_and_italic_when_all_runs_are(
    doc: Document, line: int, bold: bool, italic: bool
) -> None:
    block = at(doc, line)
    assert (block.bold, block.italic) == (bold, italic)


def test_bordered_table_is_a_table_block(doc: Document) -> None:
    table = at(doc, 21)
    assert table.kind == "table"
    assert table.rows == [
        ["THỂ LOẠI", "TRÍCH YẾU NỘI DUNG"],
        ["Báo cáo", "Tình hình trước Tết"],
        ["Kế hoạch", "Tổng kết 10 năm, nguồn vốn"],
    ]
    assert table.row_lines == [21, 23, 25]
    assert table.line_at(table.text.index("Tổng kết")) == 26


def test_footnotes_linked_to_their_calls(doc: Document) -> None:
    assert [(f.label, f.text, f.ref_line) for f in doc.footnotes] == [
        ("1", FOOTNOTE_TEXTS[1], 11),
        ("2", FOOTNOTE_TEXTS[2], 26),
    ]
    body = at(doc, 11)
    (ref,) = body.footnote_refs
    assert body.text[: ref.offset].endswith("Nghị quyết khóa XIII")
    first = doc.footnotes[0]
    assert doc.lines[first.line - 1] == FOOTNOTE_TEXTS[1]
    assert first.line > 30


def test_page_header_and_footer_ignored(doc: Document) -> None:
    texts = " ".join(b.text for b in doc.blocks)
    assert "KHÔNG ĐỌC" not in texts
    assert "KHÔNG ĐỌC" not in " ".join(doc.lines)


def test_bordered_table_at_top_is_not_flattened(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2, style="Table Grid")
    table.cell(0, 0).text = "THỂ LOẠI"
    table.cell(0, 1).text = "TRÍCH YẾU"
    document.add_paragraph("Nội dung.")
    path = tmp_path / "bang.docx"
    document.save(str(path))
    doc = read_file(path)
    assert [b.kind for b in doc.blocks] == ["table", "paragraph"]
    assert doc.blocks[1].line == 3


def test_corrupt_docx_parts_raise_input_error(report_docx: Path, tmp_path: Path) -> None:
    import zipfile

    broken = tmp_path / "hong.docx"
    with zipfile.ZipFile(report_docx) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(copy.copy(item), data)
    with pytest.raises(InputError) as error:
        read_file(broken)
    assert "DOCX" in error.value.vi and "DOCX" in error.value.en


@pytest.mark.parametrize(
    ("line", "ranges"),
    [
        (20, [("Về kinh tế - xã hội:", "bold")]),
        (6, [("Đức Phổ, ngày 26 tháng 02 năm 2024", "italic")]),
        (11, []),
    ],
)
def test_emphasis_ranges_from_runs(doc: Document, line: int, ranges: list[tuple[str, str]]) -> None:
    block = at(doc, line)
    assert [(block.text[s:e], m) for s, e, m in block.emphasis] == ranges


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (1, "upperRoman", "I"),
        (4, "upperRoman", "IV"),
        (14, "upperRoman", "XIV"),
        (3, "lowerRoman", "iii"),
        (1, "lowerLetter", "a"),
        (27, "lowerLetter", "aa"),
        (2, "upperLetter", "B"),
        (9, "decimalZero", "09"),
        (12, "decimal", "12"),
    ],
)
def test_word_number_formats(value: int, fmt: str, shown: str) -> None:
    from capuy.read.docx_numbering import format_counter

    assert format_counter(value, fmt) == shown


def test_numbering_start_override_and_reset_of_deeper_levels() -> None:
    from capuy.read.docx_numbering import Numbering

    xml = (
        f'<w:numbering {nsdecls("w")}><w:abstractNum w:abstractNumId="1">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
        '<w:lvlText w:val="%1-"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'
        "</w:numbering>"
    )
    numbering = Numbering.from_xml(parse_xml(xml))
    labels = [numbering.label("1", ilvl)[0] for ilvl in (0, 1, 1, 0, 1)]
    assert labels == ["I-", "I.1.", "I.2.", "II-", "II.1."]
    assert numbering.label("2", 0) == ("III-", "upperRoman")
    assert numbering.label("0", 0) == ("", "")
    assert numbering.label("7", 0) == ("", "")
