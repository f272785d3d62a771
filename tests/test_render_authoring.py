"""The authoring format (Markdown + YAML front matter) → ``Document``; cases from the seeds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from capuy.errors import InputError
from capuy.read.headings import split_label
from capuy.read.markdown import parse_authoring
from capuy.read.symbols import derive_symbol

FIXTURE = Path(__file__).parent / "fixtures" / "authoring" / "bao-cao-thang-02-2024.md"
DOCS_EXAMPLE = Path(__file__).parents[1] / "docs" / "authoring.md"


@pytest.fixture(scope="module")
def example():
    return parse_authoring(FIXTURE.read_text(encoding="utf-8"), str(FIXTURE))


def test_header_from_front_matter(example) -> None:
    header = example.header
    assert (header.superior, header.issuer) == ("ĐẢNG BỘ TỈNH QUẢNG NGÃI", "THỊ ỦY ĐỨC PHỔ")
    assert (header.number, header.symbol) == ("708", "708-BC/TU")
    assert (header.place, header.date, header.kind) == ("Đức Phổ", date(2024, 2, 26), "BÁO CÁO")
    assert header.summary.split("\n")[0] == "công tác tháng 02, nhiệm vụ trọng tâm tháng 3 năm 2024"
    assert not header.draft
    assert example.signature.capacity == "T/M BAN THƯỜNG VỤ"
    assert (example.signature.title, example.signature.name) == ("BÍ THƯ", "Đỗ Tâm Hiền")
    assert example.recipients[0] == "Thường trực Tỉnh ủy,"
    assert len(example.recipients) == 5


# (number, kind, issuer, symbol) — the seeds' own number lines
@pytest.mark.parametrize(
    ("number", "kind", "issuer", "symbol"),
    [
        ("708", "BÁO CÁO", "THỊ ỦY ĐỨC PHỔ", "708-BC/TU"),  # seed 000 appendix note
        ("", "BÁO CÁO", "HUYỆN ỦY BÌNH SƠN", "-BC/HU"),  # seed 001 line 4
        ("", "KẾT LUẬN", "THỊ ỦY ĐỨC PHỔ", "-KL/TU"),  # seed 002 line 3
        ("07", "NGHỊ QUYẾT", "Thị ủy Đức Phổ", "07-NQ/TU"),  # seed 000 line 59
        ("248", "KẾ HOẠCH", "TỈNH ỦY QUẢNG NGÃI", "248-KH/TU"),  # seed 001 line 66
        ("16", "QUY CHẾ", "HUYỆN ỦY BÌNH SƠN", "16-QC/HU"),  # seed 001 line 194
    ],
)
def test_symbol_is_derived_from_number_kind_and_issuer(number, kind, issuer, symbol) -> None:
    assert derive_symbol(number, kind, issuer) == symbol


def test_unknown_kind_or_issuer_is_an_input_error() -> None:
    with pytest.raises(InputError):
        derive_symbol("1", "BẢN GHI NHỚ LẠ", "THỊ ỦY ĐỨC PHỔ")
    with pytest.raises(InputError):
        derive_symbol("1", "BÁO CÁO", "CÂU LẠC BỘ HƯU TRÍ")


@pytest.mark.parametrize(
    ("text", "label", "title"),
    [
        (
            "I- MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG THÁNG 02/2024",
            "I",
            "MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG THÁNG 02/2024",
        ),  # 000:9
        (
            "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ I/2024",
            "I",
            "KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ I/2024",
        ),  # 001:12
        (
            "1.1 Về đổi mới phương thức lãnh đạo của các cấp ủy đảng",
            "1.1",
            "Về đổi mới phương thức lãnh đạo của các cấp ủy đảng",
        ),  # 001:18
        (
            "1.2. Công tác chính trị, tư tưởng được chú trọng thực hiện",
            "1.2",
            "Công tác chính trị, tư tưởng được chú trọng thực hiện",
        ),  # 001:30
        ("2. Thường trực Thị ủy", "2", "Thường trực Thị ủy"),  # 000:35
        ("a) Về công tác cán bộ", "a", "Về công tác cán bộ"),
    ],
)
def test_heading_labels(text: str, label: str, title: str) -> None:
    assert split_label(text) == (label, title)


def test_body_blocks_outline_and_lists(example) -> None:
    kinds = [(b.kind, b.level) for b in example.blocks if b.kind == "heading"]
    assert kinds == [
        ("heading", 1),
        ("heading", 2),
        ("heading", 3),
        ("heading", 3),
        ("heading", 2),
        ("heading", 1),
        ("heading", 2),
    ]
    assert [(s.label, [c.label for c in s.children]) for s in example.sections] == [
        ("I", ["1", "2"]),
        ("II", ["1"]),
    ]
    items = [b for b in example.blocks if b.kind == "list_item"]
    assert [(b.label, b.level) for b in items] == [("-", 1), ("-", 1), ("+", 2), ("+", 2)]
    assert items[0].text.startswith("Về công tác chính trị, tư tưởng, đạo đức: Kế hoạch")
    assert items[0].emphasis == [(0, len("Về công tác chính trị, tư tưởng, đạo đức:"), "bold")]
    table = next(b for b in example.blocks if b.kind == "table")
    assert table.rows == [
        ["Nội dung", "Số cuộc"],
        ["Họp Ban Thường vụ Thị ủy", "02"],
        ["Hội nghị công tác nội chính", "01"],
    ]


def test_footnotes_are_numbered_and_linked(example) -> None:
    assert [f.label for f in example.footnotes] == ["1", "2", "3"]
    assert example.footnotes[2].text == (
        "Quy định số 138-QĐ/TW ngày 01/12/2023 của Ban Bí thư về chức năng, nhiệm vụ, mối quan hệ "
        "công tác của đảng bộ, chi bộ cơ quan."
    )
    calls = [(b.text[: r.offset][-20:], r.label) for b in example.blocks for r in b.footnote_refs]
    assert calls == [
        ("chương trình công tác đã đề ra"[-20:], "1"),
        ("kết nạp đảng viên (06 đồng chí)"[-20:], "2"),
        ("Trung ương Đảng khóa XIII"[-20:], "3"),
    ]


def test_appendix(example) -> None:
    (appendix,) = example.appendices
    assert appendix.title == "PHỤ LỤC"
    assert appendix.caption == "một số văn bản quan trọng ban hành trong tháng 02/2024"
    assert (
        appendix.note == "(kèm theo Báo cáo số 708-BC/TU ngày 26/02/2024 của Ban Thường vụ Thị ủy)"
    )
    assert appendix.tables[0].rows[0] == ["THỂ LOẠI", "TRÍCH YẾU NỘI DUNG"]
    assert not any("PHỤ LỤC" in b.text for b in example.blocks)


def test_footnotes_numbered_by_first_call_not_by_written_label() -> None:
    text = "---\nkind: BÁO CÁO\n---\n\nA[^z] then B[^a].\n\n[^a]: second\n[^z]: first\n"
    doc = parse_authoring(text)
    assert [(f.label, f.text) for f in doc.footnotes] == [("1", "first"), ("2", "second")]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("# I- A\n", "kind"),  # no front matter at all
        ("---\nsummary: x\n---\nBody\n", "kind"),
        ("---\nkind: BÁO CÁO\ndate: 26/02/2024\n---\n", "ISO"),
        ("---\nkind: BÁO CÁO\nauthor: x\n---\n", "author"),
        ("---\nkind: [BÁO CÁO\n---\n", "YAML"),
        ("---\nkind: BÁO CÁO\nsignature: Đỗ Tâm Hiền\n---\n", "signature"),
        ("---\nkind: BÁO CÁO\nrecipients: Thường trực Tỉnh ủy\n---\n", "recipients"),
        ("---\nkind: BÁO CÁO\n---\n\n| a |\n|---|\n| x[^1] |\n\n[^1]: n\n", "table"),
    ],
)
def test_bad_input_is_an_input_error(text: str, fragment: str) -> None:
    with pytest.raises(InputError) as error:
        parse_authoring(text)
    assert fragment in f"{error.value.vi} {error.value.en}"


def test_docs_example_is_the_fixture() -> None:
    """docs/authoring.md shows the complete example; it must be the tested fixture, verbatim."""
    docs = DOCS_EXAMPLE.read_text(encoding="utf-8")
    assert FIXTURE.read_text(encoding="utf-8").strip() in docs
