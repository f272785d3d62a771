"""The style table (capuy/vocab/layout.yaml): every value sourced, HD36's fixed values kept, and
the small formatting rules of the header (date line, number line, appendix note, recipients)."""

from __future__ import annotations

import copy
from datetime import date

import pytest
import yaml

from capuy.model import Header
from capuy.render.texts import appendix_note, date_line, number_line, recipient_lines
from capuy.vocab.layout import LAYOUT_FILE, LayoutError, load_layout, parse_layout


@pytest.fixture(scope="module")
def raw() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(LAYOUT_FILE.read_text(encoding="utf-8"))


def test_every_component_has_a_source() -> None:
    layout = load_layout()
    assert len(layout.components) >= 25
    for style in layout.components.values():
        assert style.source.strip(), style.name
    assert all(v.strip() for v in layout.sources.values())


def test_a_value_without_source_is_refused(raw) -> None:  # type: ignore[no-untyped-def]
    broken = copy.deepcopy(raw)
    del broken["components"]["kind"]["source"]
    with pytest.raises(LayoutError, match="kind"):
        parse_layout(broken)
    broken = copy.deepcopy(raw)
    broken["components"]["body"]["colour"] = "red"
    with pytest.raises(LayoutError, match="unknown"):
        parse_layout(broken)
    broken = copy.deepcopy(raw)
    del broken["page"]["margin_source"]
    with pytest.raises(LayoutError, match="margins"):
        parse_layout(broken)


# (component, size range allowed by HD36, bold, italic) — Hướng dẫn 36-HD/VPTW
HD36 = [
    ("title", (15, 15), True, False),
    ("superior", (14, 14), False, False),
    ("issuer", (14, 14), True, False),
    ("number", (14, 14), False, False),
    ("place_date", (14, 14), False, True),
    ("kind", (15, 16), True, False),
    ("summary", (14, 15), True, False),
    ("body", (14, 15), False, False),
    ("classification", (13, 14), True, False),
    ("urgency", (13, 14), True, False),
    ("signature_capacity", (14, 14), True, False),
    ("signature_title", (14, 14), True, False),
    ("signature_name", (14, 14), True, False),
    ("recipients_label", (14, 14), False, False),
    ("recipients", (12, 12), False, False),
    ("appendix_label", (14, 14), True, False),
    ("appendix_note", (14, 14), False, True),
]


@pytest.mark.parametrize(("name", "sizes", "bold", "italic"), HD36)
def test_hd36_values(name: str, sizes: tuple[int, int], bold: bool, italic: bool) -> None:
    style = load_layout().style(name)
    assert sizes[0] <= style.size_pt <= sizes[1]
    assert (style.bold, style.italic) == (bold, italic)
    assert "HD36" in style.source


def test_page_and_margins_within_hd36() -> None:
    layout = load_layout()
    page = layout.page
    assert (page.width_mm, page.height_mm) == (210, 297)
    assert 20 <= page.margin_top_mm <= 25 and 20 <= page.margin_bottom_mm <= 25
    assert 30 <= page.margin_left_mm <= 35 and 15 <= page.margin_right_mm <= 20
    assert layout.font_name == "Times New Roman"
    assert layout.header_left_mm + layout.header_right_mm == page.text_width_mm
    assert layout.signature_left_mm + layout.signature_right_mm == page.text_width_mm
    assert not layout.page_number_on_first_page
    assert layout.style("body").align == "justify" and layout.style("body").first_line_indent_cm > 0
    assert layout.style("recipients_label").underline


@pytest.mark.parametrize(
    ("place", "when", "line"),
    [
        ("Đức Phổ", date(2024, 2, 26), "Đức Phổ, ngày 26 tháng 02 năm 2024"),  # seed 000
        ("Bình Sơn", date(2024, 3, 26), "Bình Sơn, ngày 26 tháng 3 năm 2024"),  # seed 001:118
        ("Đức Phổ", date(2024, 10, 11), "Đức Phổ, ngày 11 tháng 10 năm 2024"),  # seed 002:10
        ("Quảng Ngãi", date(2023, 1, 9), "Quảng Ngãi, ngày 09 tháng 01 năm 2023"),
        ("Đức Phổ", date(2024, 7, 5), "Đức Phổ, ngày 05 tháng 7 năm 2024"),
        ("", date(2024, 2, 26), "…………, ngày 26 tháng 02 năm 2024"),
        ("Bình Sơn", None, "Bình Sơn, ngày      tháng      năm"),
    ],
)
def test_date_line(place: str, when: date | None, line: str) -> None:
    assert date_line(Header(place=place, date=when), load_layout()) == line


@pytest.mark.parametrize(
    ("header", "number", "note"),
    [
        (
            Header(kind="BÁO CÁO", number="708", symbol="708-BC/TU", date=date(2024, 2, 26)),
            "Số 708-BC/TU",
            "(kèm theo Báo cáo số 708-BC/TU ngày 26/02/2024)",
        ),
        (Header(kind="BÁO CÁO", symbol="-BC/HU"), "Số -BC/HU", ""),  # seed 001 draft
        (
            Header(kind="KẾT LUẬN", number="52", symbol="52-KL/TU"),
            "Số 52-KL/TU",
            "(kèm theo Kết luận số 52-KL/TU)",
        ),
    ],
)
def test_number_line_and_appendix_note(header: Header, number: str, note: str) -> None:
    assert number_line(header) == number
    assert appendix_note(header) == note


def test_recipient_lines_are_punctuated_like_hd36() -> None:
    # seed 001 lines 296-304, as typed and as the extractor returns them (marker and punctuation dropped)
    typed = ["- Thường trực Tỉnh ủy (b/c),", "- Ủy ban Kiểm tra Tỉnh ủy,", "- Lưu VPHU_(My)."]
    extracted = ["Thường trực Tỉnh ủy (b/c)", "Ủy ban Kiểm tra Tỉnh ủy", "Lưu VPHU_(My)"]
    expected = ["- Thường trực Tỉnh ủy (b/c),", "- Ủy ban Kiểm tra Tỉnh ủy,", "- Lưu VPHU_(My)."]
    assert recipient_lines(typed) == expected
    assert recipient_lines(extracted) == expected
