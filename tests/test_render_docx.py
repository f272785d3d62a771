"""DOCX properties of ``render_docx``, asserted from the XML it writes (not from python-docx).

The document is the authoring example (tests/fixtures/authoring), rendered once per session;
expected values are read from the layout table where they are data, and written out where the
guideline fixes them (HD36: A4, Times New Roman, 15 pt bold title, 14 pt italic date …).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from capuy.model import Block, Document, Footnote, FootnoteRef, Header
from capuy.read.markdown import parse_authoring
from capuy.render import docx_xml, render_docx
from capuy.vocab.layout import load_layout

FIXTURE = Path(__file__).parent / "fixtures" / "authoring" / "bao-cao-thang-02-2024.md"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class Docx:
    """The parts of a DOCX as lxml trees."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as archive:
            self.names = set(archive.namelist())
            self.parts = {
                name: etree.fromstring(archive.read(name))
                for name in self.names
                if name.endswith(".xml") or name.endswith(".rels")
            }
        self.document = self.parts["word/document.xml"]
        self.body = self.document.find("w:body", NS)

    def paragraphs(self, root: etree._Element | None = None) -> list[etree._Element]:
        return list((root if root is not None else self.body).iter(w("p")))

    def paragraph(self, text: str, root: etree._Element | None = None) -> etree._Element:
        found = [p for p in self.paragraphs(root) if para_text(p) == text]
        assert found, f"no paragraph {text!r}"
        return found[0]


def para_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def on(element: etree._Element | None) -> bool:
    """A toggle property (w:b, w:i) is on when present without w:val="0"/"false"."""
    return element is not None and element.get(w("val"), "1") not in ("0", "false")


def text_runs(p: etree._Element) -> list[etree._Element]:
    return [
        r for r in p.findall("w:r", NS) if r.find("w:t", NS) is not None and para_text(r).strip()
    ]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Docx:
    doc = parse_authoring(FIXTURE.read_text(encoding="utf-8"), str(FIXTURE))
    out = render_docx(doc, tmp_path_factory.mktemp("docx") / "bao-cao.docx")
    return Docx(out)


def test_page_is_a4_with_the_layout_margins(rendered: Docx) -> None:
    layout = load_layout()
    sect = rendered.body.find("w:sectPr", NS)
    size = sect.find("w:pgSz", NS)
    assert (int(size.get(w("w"))), int(size.get(w("h")))) == (11906, 16838)  # 210 x 297 mm
    margins = sect.find("w:pgMar", NS)
    for side, mm in (
        ("top", layout.page.margin_top_mm),
        ("bottom", layout.page.margin_bottom_mm),
        ("left", layout.page.margin_left_mm),
        ("right", layout.page.margin_right_mm),
    ):
        assert abs(int(margins.get(w(side))) - mm / 25.4 * 1440) <= 1, side
    assert (layout.page.margin_top_mm, layout.page.margin_left_mm) == (20, 30)


def test_page_numbers_start_on_page_two(rendered: Docx) -> None:
    sect = rendered.body.find("w:sectPr", NS)
    assert sect.find("w:titlePg", NS) is not None  # different first page
    rels = {
        rel.get("Id"): rel.get("Target") for rel in rendered.parts["word/_rels/document.xml.rels"]
    }
    refs = {
        ref.get(w("type")): rels[ref.get(f"{{{R}}}id")]
        for ref in sect.findall("w:headerReference", NS)
    }
    default = rendered.parts[f"word/{refs['default']}"]
    instr = "".join(t.text or "" for t in default.iter(w("instrText")))
    assert instr.strip() == "PAGE"
    assert [f.get(w("fldCharType")) for f in default.iter(w("fldChar"))] == [
        "begin",
        "separate",
        "end",
    ]
    first = rendered.parts[f"word/{refs['first']}"]
    assert not list(first.iter(w("fldChar")))  # page 1 carries no number
    jc = default.find(".//w:pPr/w:jc", NS)
    assert jc.get(w("val")) == "center"


def test_fonts_are_times_new_roman_without_theme_overrides(rendered: Docx) -> None:
    for p in rendered.paragraphs():
        for run in text_runs(p):
            fonts = run.find("w:rPr/w:rFonts", NS)
            assert fonts is not None, para_text(p)
            assert {fonts.get(w(a)) for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {
                "Times New Roman"
            }
            assert not [k for k in fonts.attrib if k.endswith("Theme") or k.endswith("theme")]
    styles = rendered.parts["word/styles.xml"]
    for style_id in ("Normal", "Heading1", "Heading2", "Heading3", "Heading4"):
        style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        fonts = style.find("w:rPr/w:rFonts", NS)
        assert fonts.get(w("ascii")) == "Times New Roman", style_id
        assert not [k for k in fonts.attrib if "heme" in k], style_id


# (paragraph text, layout component, size pt, bold, italic) — sizes fixed by HD36 where it
# fixes them, otherwise the layout table's choice.
COMPONENTS = [
    ("ĐẢNG BỘ TỈNH QUẢNG NGÃI", "superior", 14, False, False),
    ("THỊ ỦY ĐỨC PHỔ", "issuer", 14, True, False),
    ("*", "star", 14, False, False),
    ("Số 708-BC/TU", "number", 14, False, False),
    ("ĐẢNG CỘNG SẢN VIỆT NAM", "title", 15, True, False),
    ("Đức Phổ, ngày 26 tháng 02 năm 2024", "place_date", 14, False, True),
    ("BÁO CÁO", "kind", 16, True, False),
    ("công tác tháng 02, nhiệm vụ trọng tâm tháng 3 năm 2024", "summary", 14, True, False),
    ("(kỳ báo cáo từ ngày 27/01/2024 đến ngày 26/02/2024)", "period", 14, False, True),
    ("I- MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG THÁNG 02/2024", "heading_1", 14, True, False),
    ("1. Ban Thường vụ Thị ủy", "heading_2", 14, True, False),
    ("T/M BAN THƯỜNG VỤ", "signature_capacity", 14, True, False),
    ("BÍ THƯ", "signature_title", 14, True, False),
    ("Đỗ Tâm Hiền", "signature_name", 14, True, False),
    ("Nơi nhận:", "recipients_label", 14, False, False),
    ("- Thường trực Tỉnh ủy,", "recipients", 12, False, False),
    ("PHỤ LỤC", "appendix_label", 14, True, False),
    ("một số văn bản quan trọng ban hành trong tháng 02/2024", "appendix_caption", 14, True, False),
    (
        "(kèm theo Báo cáo số 708-BC/TU ngày 26/02/2024 của Ban Thường vụ Thị ủy)",
        "appendix_note",
        14,
        False,
        True,
    ),
]


@pytest.mark.parametrize(("text", "component", "size", "bold", "italic"), COMPONENTS)
def test_component_size_and_style(
    rendered: Docx, text: str, component: str, size: int, bold: bool, italic: bool
) -> None:
    assert load_layout().style(component).size_pt == size
    runs = text_runs(rendered.paragraph(text))
    assert runs
    for run in runs:
        rpr = run.find("w:rPr", NS)
        assert int(rpr.find("w:sz", NS).get(w("val"))) == size * 2, text
        assert on(rpr.find("w:b", NS)) == bold, text
        assert on(rpr.find("w:i", NS)) == italic, text


def test_recipients_label_is_underlined(rendered: Docx) -> None:
    (run,) = text_runs(rendered.paragraph("Nơi nhận:"))
    assert run.find("w:rPr/w:u", NS).get(w("val")) == "single"


def test_title_has_a_rule_below_and_kind_is_centred(rendered: Docx) -> None:
    title = rendered.paragraph("ĐẢNG CỘNG SẢN VIỆT NAM")
    bottom = title.find("w:pPr/w:pBdr/w:bottom", NS)
    assert bottom is not None and bottom.get(w("val")) == "single"
    assert title.find("w:pPr/w:pBdr/w:top", NS) is None
    for text in ("BÁO CÁO", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 708-BC/TU"):
        assert rendered.paragraph(text).find("w:pPr/w:jc", NS).get(w("val")) == "center"


def test_header_is_a_borderless_two_column_table_at_the_top(rendered: Docx) -> None:
    first = rendered.body[0]
    assert first.tag == w("tbl")
    borders = first.find("w:tblPr/w:tblBorders", NS)
    assert {b.get(w("val")) for b in borders} == {"nil"}
    assert len(borders) == 6
    cells = first.findall("w:tr/w:tc", NS)
    assert len(cells) == 2
    left = [para_text(p) for p in cells[0].iter(w("p"))]
    right = [para_text(p) for p in cells[1].iter(w("p"))]
    assert left == ["ĐẢNG BỘ TỈNH QUẢNG NGÃI", "THỊ ỦY ĐỨC PHỔ", "*", "Số 708-BC/TU"]
    assert right == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Đức Phổ, ngày 26 tháng 02 năm 2024"]
    layout = load_layout()
    grid = [int(c.get(w("w"))) for c in first.findall("w:tblGrid/w:gridCol", NS)]
    expected = [layout.header_left_mm, layout.header_right_mm]
    assert [abs(g - mm / 25.4 * 1440) <= 1 for g, mm in zip(grid, expected, strict=True)] == [
        True,
        True,
    ]
    assert first.find("w:tblPr/w:tblLayout", NS).get(w("type")) == "fixed"


def test_body_paragraphs_are_justified_with_first_line_indent(rendered: Docx) -> None:
    body = load_layout().style("body")
    p = next(x for x in rendered.paragraphs() if para_text(x).startswith("Trong tháng 02/2024"))
    assert p.find("w:pPr/w:jc", NS).get(w("val")) == "both"
    indent = int(p.find("w:pPr/w:ind", NS).get(w("firstLine")))
    assert abs(indent - body.first_line_indent_cm / 2.54 * 1440) <= 1
    run = text_runs(p)[0]
    assert int(run.find("w:rPr/w:sz", NS).get(w("val"))) == 28


@pytest.mark.parametrize(
    ("text", "style_id"),
    [
        ("I- MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG THÁNG 02/2024", "Heading1"),
        ("1. Ban Thường vụ Thị ủy", "Heading2"),
        ("1.2. Thảo luận, quyết định, cho ý kiến một số nội dung quan trọng", "Heading3"),
        ("II- NHIỆM VỤ TRỌNG TÂM TRONG THÁNG 3/2024", "Heading1"),
        ("1. Lĩnh vực kinh tế, văn hóa - xã hội", "Heading2"),
    ],
)
def test_headings_use_word_heading_styles_with_label_in_text(
    rendered: Docx, text: str, style_id: str
) -> None:
    p = rendered.paragraph(text)
    assert p.find("w:pPr/w:pStyle", NS).get(w("val")) == style_id
    styles = rendered.parts["word/styles.xml"]
    name = styles.find(f"w:style[@w:styleId='{style_id}']/w:name", NS).get(w("val"))
    assert name.lower() == f"heading {style_id[-1]}"


def test_list_items_keep_their_marker_and_inline_bold(rendered: Docx) -> None:
    p = next(x for x in rendered.paragraphs() if para_text(x).startswith("- Về công tác chính trị"))
    runs = text_runs(p)
    assert para_text(runs[0]) == "- "
    assert para_text(runs[1]) == "Về công tác chính trị, tư tưởng, đạo đức:"
    assert on(runs[1].find("w:rPr/w:b", NS)) and not on(runs[0].find("w:rPr/w:b", NS))
    assert any(para_text(x) == "+ Cho ra khỏi Đảng (02 trường hợp)." for x in rendered.paragraphs())


def test_footnotes_are_real_word_footnotes(rendered: Docx) -> None:
    assert "word/footnotes.xml" in rendered.names
    types = rendered.parts["[Content_Types].xml"]
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/word/footnotes.xml"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    )
    rels = rendered.parts["word/_rels/document.xml.rels"]
    assert any(
        rel.get("Type").endswith("/relationships/footnotes")
        and rel.get("Target") == "footnotes.xml"
        for rel in rels
    )
    notes = rendered.parts["word/footnotes.xml"].findall("w:footnote", NS)
    special = {n.get(w("id")): n.get(w("type")) for n in notes if n.get(w("type"))}
    assert special == {"-1": "separator", "0": "continuationSeparator"}
    assert notes[0].find(".//w:separator", NS) is not None
    assert notes[1].find(".//w:continuationSeparator", NS) is not None
    real = {n.get(w("id")): n for n in notes if not n.get(w("type"))}
    assert list(real) == ["1", "2", "3"]
    assert para_text(real["3"]).strip().startswith("Quy định số 138-QĐ/TW ngày 01/12/2023")
    for note in real.values():
        assert note.find(".//w:footnoteRef", NS) is not None  # Word numbers them
        assert note.find(".//w:pStyle", NS).get(w("val")) == "FootnoteText"
    refs = [r.get(w("id")) for r in rendered.document.iter(w("footnoteReference"))]
    assert refs == ["1", "2", "3"]
    call = next(rendered.document.iter(w("footnoteReference"))).getparent()
    assert call.find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"
    styles = rendered.parts["word/styles.xml"]
    ref_style = styles.find("w:style[@w:styleId='FootnoteReference']", NS)
    assert ref_style.find("w:rPr/w:vertAlign", NS).get(w("val")) == "superscript"
    text_style = styles.find("w:style[@w:styleId='FootnoteText']", NS)
    assert int(text_style.find("w:rPr/w:sz", NS).get(w("val"))) == 24
    settings = rendered.parts["word/settings.xml"]
    assert [f.get(w("id")) for f in settings.findall("w:footnotePr/w:footnote", NS)] == ["-1", "0"]


def test_footnote_call_sits_where_the_marker_was(rendered: Docx) -> None:
    p = next(x for x in rendered.paragraphs() if para_text(x).startswith("Trong tháng 02/2024"))
    before = []
    for run in p.findall("w:r", NS):
        if run.find("w:footnoteReference", NS) is not None:
            break
        before.append(para_text(run))
    assert "".join(before).endswith("theo chương trình công tác đã đề ra")


def test_closing_is_a_borderless_table_with_recipients_left_signature_right(rendered: Docx) -> None:
    tables = rendered.body.findall("w:tbl", NS)
    closing = next(t for t in tables if "Nơi nhận:" in [para_text(p) for p in t.iter(w("p"))])
    assert {b.get(w("val")) for b in closing.find("w:tblPr/w:tblBorders", NS)} == {"nil"}
    left, right = closing.findall("w:tr/w:tc", NS)
    assert [para_text(p) for p in left.iter(w("p"))] == [
        "Nơi nhận:",
        "- Thường trực Tỉnh ủy,",
        "- Ủy ban Kiểm tra Tỉnh ủy,",
        "- Văn phòng Tỉnh ủy,",
        "- Các đảng ủy, chi bộ trực thuộc Thị ủy,",
        "- Lưu Văn phòng Thị ủy.",
    ]
    assert [para_text(p) for p in right.iter(w("p"))] == [
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "Đỗ Tâm Hiền",
    ]


def test_appendix_starts_a_new_page_and_has_its_table(rendered: Docx) -> None:
    label = rendered.paragraph("PHỤ LỤC")
    assert on(label.find("w:pPr/w:pageBreakBefore", NS))
    tables = rendered.body.findall("w:tbl", NS)
    last = tables[-1]
    rows = [[para_text(c) for c in tr.findall("w:tc", NS)] for tr in last.findall("w:tr", NS)]
    assert rows[0] == ["THỂ LOẠI", "TRÍCH YẾU NỘI DUNG"]
    assert [r[0] for r in rows[1:]] == ["Báo cáo", "Kế hoạch", "Thông báo"]
    assert {b.get(w("val")) for b in last.find("w:tblPr/w:tblBorders", NS)} == {"single"}
    head = text_runs(last.find("w:tr/w:tc/w:p", NS))[0]
    assert on(head.find("w:rPr/w:b", NS))
    body_index = list(rendered.body).index
    assert body_index(label) < body_index(last)


def test_draft_and_secrecy_marks(tmp_path: Path) -> None:
    text = (
        FIXTURE.read_text(encoding="utf-8")
        .replace("draft: false", "draft: true\nclassification: Mật\nurgency: Khẩn")
        .replace("number: 708\n", "")
    )
    doc = parse_authoring(text, "draft.md")
    assert doc.header.symbol == "-BC/TU"
    out = Docx(render_docx(doc, tmp_path / "draft.docx"))
    assert para_text(out.body[0].findall("w:tr/w:tc", NS)[0].findall("w:p", NS)[3]) == "Số -BC/TU"
    draft = out.paragraph("Dự thảo")
    assert on(text_runs(draft)[0].find("w:rPr/w:b", NS))
    for mark in ("MẬT", "KHẨN"):
        p = out.paragraph(mark)
        assert {b.tag for b in p.find("w:pPr/w:pBdr", NS)} == {
            w(s) for s in ("top", "left", "bottom", "right")
        }
        assert on(text_runs(p)[0].find("w:rPr/w:b", NS))


def _in_schema_order(parent: etree._Element, order: list[str]) -> bool:
    rank = {w(name): i for i, name in enumerate(order)}
    ranks = [rank[c.tag] for c in parent if c.tag in rank]
    return ranks == sorted(ranks) and all(
        c.tag in rank for c in parent if c.tag.startswith(f"{{{W}}}")
    )


@pytest.mark.parametrize(
    ("tag", "order"),
    [("pPr", docx_xml.PPR_ORDER), ("rPr", docx_xml.RPR_ORDER), ("tblPr", docx_xml.TBLPR_ORDER)],
)
def test_properties_follow_the_schema_order_word_requires(
    rendered: Docx, tag: str, order: list[str]
) -> None:
    """Word rejects a file whose property elements are out of the ECMA-376 order."""
    checked = 0
    for name, root in rendered.parts.items():
        if not name.startswith("word/") or name.endswith(".rels"):
            continue
        for element in root.iter(w(tag)):
            if tag == "rPr" and element.getparent().tag == w("pPr"):
                continue  # paragraph-mark run properties: same order, checked with their runs
            assert _in_schema_order(element, order), (name, [c.tag.split("}")[1] for c in element])
            checked += 1
    assert checked > 10


def test_labels_that_are_not_1_2_3_are_kept_as_custom_marks(tmp_path: Path) -> None:
    """Seed-style labels out of Word's sequence ("3" before "1", as a page-cut dump can have)
    print as the source printed them; a second call of one label stays a superscript label."""
    blocks = [
        Block(
            kind="paragraph",
            text="Nghị quyết số 28-NQ/TW",
            line=1,
            footnote_refs=[FootnoteRef("3", 22)],
        ),
        Block(
            kind="paragraph",
            text="Kết luận số 01-KL/TW",
            line=2,
            footnote_refs=[FootnoteRef("1", 8), FootnoteRef("3", 20)],
        ),
    ]
    notes = [Footnote(label="1", text="một", line=3), Footnote(label="3", text="ba", line=4)]
    doc = Document(source="x", header=Header(kind="BÁO CÁO"), blocks=blocks, footnotes=notes)
    out = Docx(render_docx(doc, tmp_path / "custom.docx"))
    refs = list(out.document.iter(w("footnoteReference")))
    assert [(r.get(w("id")), r.get(w("customMarkFollows"))) for r in refs] == [
        ("1", "1"),
        ("2", "1"),
    ]
    assert [para_text(r.getparent()) for r in refs] == ["3", "1"]
    real = [
        n for n in out.parts["word/footnotes.xml"].findall("w:footnote", NS) if not n.get(w("type"))
    ]
    assert [para_text(n).split(" ", 1) for n in real] == [["3", "ba"], ["1", "một"]]
    assert all(n.find(".//w:footnoteRef", NS) is None for n in real)
    second = out.paragraph("Kết luận1 số 01-KL/TW3")
    tail = second.findall("w:r", NS)[-1]
    assert (
        para_text(tail) == "3" and tail.find("w:rPr/w:vertAlign", NS).get(w("val")) == "superscript"
    )
