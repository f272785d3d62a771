"""Headers without markup: no bold, no table borders — the layout and the words alone.

A real ward report typed in plain text was read with kind and title empty and
``format.header-missing`` raised although the whole header was there: the summary line started
with a capital ("Kết quả công tác …"), so the body was taken to start at the kind. The same
header is written here as a text file (lines one under the other, two columns with tabs, two
columns with spaces) and as DOCX (a borderless two-column table, plain paragraphs, two text
boxes), then read back; the PDF variants go through LibreOffice.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from capuy.api import extract_file
from capuy.check import check

LEFT = ["ĐẢNG BỘ THÀNH PHỐ QUẢNG NGÃI", "ĐẢNG ỦY PHƯỜNG NGHĨA CHÁNH", "*", "Số 45-BC/ĐU"]
RIGHT = ["ĐẢNG CỘNG SẢN VIỆT NAM", "Nghĩa Chánh, ngày 20 tháng 3 năm 2024"]
SUMMARY = "Kết quả công tác tháng 3, nhiệm vụ trọng tâm tháng 4 năm 2024"
BODY = [
    "BÁO CÁO",
    SUMMARY,
    "Thực hiện Chương trình công tác năm 2024, Đảng ủy phường báo cáo kết quả như sau:",
    "I. KẾT QUẢ THỰC HIỆN",
    "Trong tháng, Đảng ủy đã quán triệt Nghị quyết số 12-NQ/TU ngày 05/01/2024 của Tỉnh ủy.",
    "Nơi nhận:",
    "- Thành ủy Quảng Ngãi,",
    "- Lưu Văn phòng.",
    "T/M ĐẢNG ỦY",
    "BÍ THƯ",
    "Nguyễn Văn An",
]

TEXT_LAYOUTS = {
    "lines": "\n".join(LEFT + RIGHT) + "\n\n" + "\n\n".join(BODY) + "\n",
    "tabs": (
        f"{LEFT[0]}\t\t{RIGHT[0]}\n{LEFT[1]}\n*\n{LEFT[3]}\t\t{RIGHT[1]}\n\n"
        + "\n\n".join(BODY)
        + "\n"
    ),
    "spaces": (
        f"{LEFT[0]}          {RIGHT[0]}\n{LEFT[1]}\n          *\n"
        f"   {LEFT[3]}              {RIGHT[1]}\n\n                    BÁO CÁO\n     {SUMMARY}\n\n"
        + "\n\n".join(BODY[2:])
        + "\n"
    ),
}


def assert_header(path: Path, summary: bool = True) -> None:
    doc = extract_file(path)
    header = doc.header
    assert header.kind == "BÁO CÁO"
    assert header.symbol == "45-BC/ĐU"
    assert header.date == date(2024, 3, 20)
    assert header.place == "Nghĩa Chánh"
    assert header.superior == "ĐẢNG BỘ THÀNH PHỐ QUẢNG NGÃI"
    assert header.issuer == "ĐẢNG ỦY PHƯỜNG NGHĨA CHÁNH"
    if summary:
        assert header.summary == SUMMARY
        assert doc.title == f"BÁO CÁO {SUMMARY}"
    assert doc.signature is not None
    assert (doc.signature.capacity, doc.signature.title, doc.signature.name) == (
        "T/M ĐẢNG ỦY",
        "BÍ THƯ",
        "Nguyễn Văn An",
    )
    assert doc.recipients == ["Thành ủy Quảng Ngãi", "Lưu Văn phòng"]
    rules = {finding.rule for finding in check([doc])}
    assert "format.header-missing" not in rules


@pytest.mark.parametrize("layout", sorted(TEXT_LAYOUTS))
def test_plain_text_header_without_markup(tmp_path: Path, layout: str) -> None:
    path = tmp_path / f"{layout}.txt"
    path.write_text(TEXT_LAYOUTS[layout], encoding="utf-8")
    assert_header(path)


def test_the_body_still_starts_after_a_header_with_a_summary(tmp_path: Path) -> None:
    """The capital-letter summary rule takes one line, not the first body paragraph."""
    text = "\n".join(LEFT + RIGHT) + "\n\nBÁO CÁO\n\n" + "\n\n".join(BODY[2:]) + "\n"
    path = tmp_path / "khong-trich-yeu.txt"
    path.write_text(text, encoding="utf-8")
    doc = extract_file(path)
    assert doc.header.kind == "BÁO CÁO"
    assert doc.header.summary == ""
    assert [s.label for s in doc.sections] == ["I"]


def _table(document: docx.document.Document) -> None:
    table = document.add_table(rows=1, cols=2)
    for index, column in enumerate((LEFT, RIGHT)):
        cell = table.rows[0].cells[index]
        cell.paragraphs[0].text = column[0]
        for text in column[1:]:
            cell.add_paragraph(text)


def _plain(document: docx.document.Document) -> None:
    for text in LEFT + RIGHT:
        document.add_paragraph(text)


def _boxes(document: docx.document.Document) -> None:
    anchor = document.add_paragraph()
    namespaces = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    for column in (LEFT, RIGHT):
        paragraphs = "".join(
            f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>' for text in column
        )
        anchor._p.append(
            parse_xml(
                f"<w:r {namespaces}><w:pict><v:shape style='width:200pt;height:100pt'>"
                f"<v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox>"
                "</v:shape></w:pict></w:r>"
            )
        )


DOCX_LAYOUTS = {"table": _table, "plain": _plain, "boxes": _boxes}


def make_docx(path: Path, layout: str) -> None:
    document = docx.Document()
    DOCX_LAYOUTS[layout](document)
    for text in BODY:
        document.add_paragraph(text)
    document.save(path)


@pytest.mark.parametrize("layout", sorted(DOCX_LAYOUTS))
def test_docx_header_without_markup(tmp_path: Path, layout: str) -> None:
    path = tmp_path / f"{layout}.docx"
    make_docx(path, layout)
    assert_header(path)


@pytest.mark.pdf
@pytest.mark.slow
def test_pdf_header_without_markup(tmp_path: Path) -> None:
    """The table and plain-paragraph DOCX printed to PDF by LibreOffice. In the PDF a summary
    typed with a capital and no spacing runs into the first body line (nothing on the page
    separates them), so only the other fields are asserted."""
    from capuy.render.pdf import PdfConverter

    with PdfConverter() as converter:
        for layout in ("table", "plain"):
            source = tmp_path / f"{layout}.docx"
            make_docx(source, layout)
            target = tmp_path / f"{layout}.pdf"
            converter.convert(source, target)
            assert_header(target, summary=False)
