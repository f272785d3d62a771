"""The official-layout HTML preview (``capuy.render.html_preview``): the same components as the
DOCX, in the official order, every text escaped, each body block marked with its source line."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from capuy.api import parse_markdown
from capuy.render.html_preview import render_html

EXAMPLE = Path(__file__).parent / "fixtures/authoring/bao-cao-thang-02-2024.md"


class _Texts(HTMLParser):
    """The text of every element with a class, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, str]] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._stack.append(dict(attrs).get("class") or "")

    def handle_endtag(self, tag: str) -> None:
        self._stack.pop()

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.items.append((self._stack[-1] if self._stack else "", data))


def _texts(markup: str) -> list[tuple[str, str]]:
    parser = _Texts()
    parser.feed(markup)
    return parser.items


def test_the_example_is_laid_out_in_the_official_order() -> None:
    markup = render_html(parse_markdown(EXAMPLE.read_text(encoding="utf-8"), "x.md"))
    order = [
        ("superior", "ĐẢNG BỘ TỈNH QUẢNG NGÃI"),
        ("issuer", "THỊ ỦY ĐỨC PHỔ"),
        ("number", "Số 708-BC/TU"),
        ("party", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        ("place-date", "Đức Phổ, ngày 26 tháng 02 năm 2024"),
        ("kind", "BÁO CÁO"),
        ("period", "(kỳ báo cáo từ ngày 27/01/2024 đến ngày 26/02/2024)"),
        ("doc-heading h1", "I- MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG THÁNG 02/2024"),
        ("doc-item depth-2", "+ Cho ra khỏi Đảng (02 trường hợp)."),
        ("recipients-label", "Nơi nhận:"),
        ("sig-name", "Đỗ Tâm Hiền"),
        ("appendix-label", "PHỤ LỤC"),
    ]
    texts = _texts(markup)
    positions = [texts.index(item) for item in order]
    assert positions == sorted(positions)
    assert '<sup class="fn-call">1</sup>' in markup
    assert "<em>đoạn qua địa bàn thị xã</em>" in markup
    assert re.search(r'<p class="doc-heading h2"[^>]*data-line="31"', markup)


@pytest.mark.parametrize(
    "nasty", ["<script>alert(1)</script>", "a & b", '"><img src=x onerror=alert(1)>']
)
def test_every_text_is_escaped(nasty: str) -> None:
    text = (
        f"---\nkind: BÁO CÁO\nissuer: THỊ ỦY ĐỨC PHỔ\nsummary: '{nasty.replace(chr(39), chr(39) * 2)}'\n"
        f"signature:\n  capacity: T/M\n  title: BÍ THƯ\n  name: '{nasty.replace(chr(39), chr(39) * 2)}'\n---\n\n"
        f"# I- {nasty}\n\nĐoạn **{nasty}** cuối.\n\n| A | B |\n|---|---|\n| {nasty.replace('|', '')} | x |\n"
    )
    markup = render_html(parse_markdown(text, "x.md"))
    assert "<script" not in markup and "<img" not in markup
    assert markup.count("&lt;") >= 4 or "&amp;" in markup
