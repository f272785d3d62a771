"""The rich-text editor's conversions keep the document (issue 11, "edit in the browser as a
document"): a composed draft's body → the editor's HTML → Markdown again reads back into the
same model — headings with their labels, paragraphs with their bold and italic, list items with
their markers and depth, tables cell by cell, footnotes, the appendix."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from capuy.model import Document
from capuy.reports.compose import compose
from capuy.reports.output import parse
from capuy.reports.richtext import (
    html_to_markdown,
    join_front_matter,
    markdown_to_html,
    split_front_matter,
)
from tests.web.test_golden_reports import CASES

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted((ROOT / "tests/expected/golden/reports").glob("*.md")) + [
    ROOT / "tests/fixtures/authoring/bao-cao-thang-02-2024.md"
]


def shape(doc: Document) -> dict[str, Any]:
    """What the model holds of the body, without source line numbers."""

    def blocks(items: list[Any]) -> list[tuple[Any, ...]]:
        return [
            (b.kind, b.level, b.label, b.text, sorted(b.emphasis), b.rows,
             [(r.label, r.offset) for r in b.footnote_refs])
            for b in items
        ]  # fmt: skip

    return {
        "blocks": blocks(doc.blocks),
        "footnotes": [(f.label, f.text) for f in doc.footnotes],
        "appendices": [
            (a.title, a.caption, a.note, [t.rows for t in a.tables], blocks(a.blocks))
            for a in doc.appendices
        ],
        "header": doc.header,
        "signature": doc.signature,
        "recipients": doc.recipients,
    }


def round_trip(text: str) -> str:
    front, body = split_front_matter(text)
    return join_front_matter(front, html_to_markdown(markdown_to_html(body)))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_golden_drafts_survive_the_editor(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    again = round_trip(text)
    assert shape(parse(again)) == shape(parse(text))
    assert round_trip(again) == again  # stable: a second pass changes nothing


@pytest.mark.django_db
@pytest.mark.slow
def test_drafts_composed_from_the_demo_survive_the_editor() -> None:
    from capuy.web.demo import load_demo

    ctx = load_demo()
    for unit in (ctx.town, next(iter(ctx.wards.values()))):
        for kind, spec in CASES:
            text = compose(unit, kind, spec, today=dt.date(2024, 3, 1)).markdown
            doc = shape(parse(text))
            assert doc["blocks"], (kind, spec)
            assert shape(parse(round_trip(text))) == doc, (kind, spec)


@pytest.mark.parametrize(
    ("markup", "markdown"),
    [
        # ProseMirror's own shapes: <p> inside list items and cells, the header row in <tbody>
        ("<ul><li><p>một</p><ul><li><p>hai</p></li></ul></li></ul>", "- một\n\n  + hai\n"),
        (
            "<table><colgroup><col></colgroup><tbody><tr><th><p>A | B</p></th><th><p>C</p></th>"
            "</tr><tr><td><p>1</p></td><td><p>2</p></td></tr></tbody></table>",
            "| A \\| B | C |\n| --- | --- |\n| 1 | 2 |\n",
        ),
        ("<p>xem chú thích[^1].</p><p>[^1]: Nguồn.</p>", "xem chú thích[^1].\n\n[^1]: Nguồn.\n"),
        ("<p>1. không phải danh sách</p>", "1\\. không phải danh sách\n"),
        ("<p>- cũng không</p>", "\\- cũng không\n"),
        ("<p>a*b_c</p>", "a\\*b\\_c\n"),
        ("<h2>1. <strong>Đậm</strong> và <em>nghiêng</em></h2>", "## 1. **Đậm** và *nghiêng*\n"),
        ("<p>x<script>alert(1)</script>y</p>", "xy\n"),
    ],
)
def test_editor_html_becomes_the_format(markup: str, markdown: str) -> None:
    assert html_to_markdown(markup) == markdown


def test_raw_html_in_a_draft_is_shown_as_text() -> None:
    assert "&lt;script&gt;" in markdown_to_html("a <script>x</script> b\n")
    assert "<p>[^1]: Nguồn.</p>" in markdown_to_html("a[^1]\n\n[^1]: Nguồn.\n")
