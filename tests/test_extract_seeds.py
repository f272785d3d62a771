"""Extraction of the four real seed reports against expectations written by reading them.

The expected data lives in ``tests/expected/seed_NNN.yaml`` (every numbered citation with its
symbol, date and line; the outline; header, signature, recipients, appendix; footnote count).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from capuy.api import extract_file
from capuy.extract import to_json
from capuy.model import Document, Section
from tests.conftest import seed

EXPECTED_DIR = Path(__file__).parent / "expected"
SEEDS = ["000", "001", "002", "003"]


def expected(prefix: str) -> dict[str, Any]:
    return yaml.safe_load((EXPECTED_DIR / f"seed_{prefix}.yaml").read_text("utf-8"))


_cache: dict[str, Document] = {}


def extracted(prefix: str) -> Document:
    if prefix not in _cache:
        _cache[prefix] = extract_file(seed(prefix))
    return _cache[prefix]


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


@pytest.mark.parametrize("prefix", SEEDS)
def test_every_numbered_citation_found_with_symbol_date_and_line(prefix: str) -> None:
    want = sorted(
        (c["symbol"], _iso(c["date"]) or "", c["line"]) for c in expected(prefix)["citations"]
    )
    got = sorted((c.symbol, _iso(c.date) or "", c.line) for c in extracted(prefix).citations)
    assert got == want


def _outline_rows(sections: list[Section], depth: int = 1) -> list[tuple[str, int, int]]:
    rows: list[tuple[str, int, int]] = []
    for section in sections:
        rows.append((section.label, section.line, section.level))
        rows += _outline_rows(section.children, depth + 1)
    return rows


def _expected_rows(items: list[dict[str, Any]], depth: int = 1) -> list[tuple[str, int, int]]:
    rows: list[tuple[str, int, int]] = []
    for item in items:
        rows.append((str(item["label"]), item["line"], depth))
        rows += _expected_rows(item.get("children", []), depth + 1)
    return rows


def _expected_titles(items: list[dict[str, Any]]) -> dict[int, str]:
    titles: dict[int, str] = {}
    for item in items:
        if "title" in item:
            titles[item["line"]] = item["title"]
        titles.update(_expected_titles(item.get("children", [])))
    return titles


def _titles(sections: list[Section]) -> dict[int, str]:
    titles: dict[int, str] = {}
    for section in sections:
        titles[section.line] = section.title
        titles.update(_titles(section.children))
    return titles


@pytest.mark.parametrize("prefix", SEEDS)
def test_outline_tree_matches_the_documents_headings(prefix: str) -> None:
    outline = expected(prefix)["outline"]
    assert _outline_rows(extracted(prefix).sections) == _expected_rows(outline)


@pytest.mark.parametrize("prefix", SEEDS)
def test_outline_titles_are_written_without_label_or_markup(prefix: str) -> None:
    got = _titles(extracted(prefix).sections)
    for line, title in _expected_titles(expected(prefix)["outline"]).items():
        assert got[line] == title, f"line {line}"


@pytest.mark.parametrize("prefix", SEEDS)
def test_all_footnotes_found_and_linked_to_their_call(prefix: str) -> None:
    doc = extracted(prefix)
    assert len(doc.footnotes) == expected(prefix)["footnotes"]
    assert [f for f in doc.footnotes if f.ref_line is None] == []
    for footnote in doc.footnotes:
        assert footnote.ref_line is not None and footnote.ref_line <= footnote.line


@pytest.mark.parametrize("prefix", SEEDS)
def test_header_components_and_where_they_were_found(prefix: str) -> None:
    want = expected(prefix)["header"]
    header = extracted(prefix).header
    assert header.kind == want["kind"]
    assert header.number == want["number"]
    assert header.symbol == want["symbol"]
    assert _iso(header.date) == _iso(want["date"])
    assert header.draft is want["draft"]
    assert header.summary == want["summary"]
    for component, line in want["lines"].items():
        assert header.lines[component] == line, component


@pytest.mark.parametrize("prefix", SEEDS)
def test_signature_block(prefix: str) -> None:
    want = expected(prefix)["signature"]
    signature = extracted(prefix).signature
    assert signature is not None
    assert (signature.capacity, signature.title, signature.name, signature.line) == (
        want["capacity"],
        want["title"],
        want["name"],
        want["line"],
    )


@pytest.mark.parametrize("prefix", SEEDS)
def test_recipients_one_per_item_with_continuations_joined(prefix: str) -> None:
    want = expected(prefix)["recipients"]
    recipients = extracted(prefix).recipients
    assert len(recipients) == want["count"]
    assert recipients[0] == want["first"]
    assert recipients[-1] == want["last"]
    if "joined" in want:
        assert want["joined"] in recipients


def test_seed_000_appendix_caption_note_and_table_by_type() -> None:
    want = expected("000")["appendix"]
    (appendix,) = extracted("000").appendices
    assert (appendix.title, appendix.caption, appendix.note, appendix.line) == (
        want["title"],
        want["caption"],
        want["note"],
        want["line"],
    )
    rows = [row for table in appendix.tables for row in table.rows]
    assert rows[0] == want["header_row"]
    assert [row[0] for row in rows[1:]] == want["types"]
    kết_luận = rows[1 + want["types"].index("Kết luận")][1]
    assert kết_luận.endswith("(đoạn qua địa bàn thị xã).")  # the cell continued after a page break


def test_seed_000_number_and_date_fall_back_to_the_appendix_note() -> None:
    header = extracted("000").header
    assert (header.symbol, header.date, header.lines["number"]) == (
        "708-BC/TU",
        dt.date(2024, 2, 26),
        140,
    )
    assert header.issuer == "Ban Thường vụ Thị ủy"


@pytest.mark.parametrize("prefix", SEEDS)
def test_the_documents_own_number_is_not_a_citation_nor_a_quantity(prefix: str) -> None:
    doc = extracted(prefix)
    number_line = doc.header.lines["number"]
    first_body_line = min(s.line for s in doc.sections)
    if number_line < first_body_line:
        assert not [c for c in doc.citations if c.line == number_line]
    header_lines = [v for v in doc.header.lines.values() if v < first_body_line]
    assert not [q for q in doc.quantities if q.line in header_lines]


@pytest.mark.parametrize("prefix", SEEDS)
def test_quantities_the_checker_needs_are_found_with_labels_parts_and_ratios(prefix: str) -> None:
    by_place = {(q.line, q.text): q for q in extracted(prefix).quantities}
    for want in expected(prefix)["quantities"]:
        quantity = by_place.get((want["line"], want["text"]))
        assert quantity is not None, want
        assert quantity.kind == want["kind"]
        assert quantity.value == Decimal(str(want["value"]))
        for key in ("unit", "denominator_unit", "label", "of"):
            if key in want:
                assert getattr(quantity, key) == want[key], (want["text"], key)
        if "denominator" in want:
            assert quantity.denominator == Decimal(str(want["denominator"]))
        if "parts" in want:
            assert [(p.label, p.value) for p in quantity.parts] == [
                (label, Decimal(str(value))) for label, value in want["parts"]
            ]
        if "ratio" in want:
            assert quantity.ratio is not None and quantity.ratio.text == want["ratio"]


@pytest.mark.parametrize("prefix", SEEDS)
def test_no_date_year_symbol_scale_or_ordinal_is_taken_as_a_quantity(prefix: str) -> None:
    doc = extracted(prefix)
    texts = {q.text for q in doc.quantities} | {p.text for q in doc.quantities for p in q.parts}
    for text in expected(prefix)["not_quantities"]:
        assert text not in texts
    for quantity in doc.quantities:
        assert not (quantity.text.isdigit() and len(quantity.text) == 4)  # a bare year
        for citation in doc.citations:
            if citation.line == quantity.line:
                assert not (
                    citation.start <= quantity.start < citation.end and not quantity.footnote
                )


@pytest.mark.parametrize(
    ("prefix", "issuer"),
    [
        ("000", "Ban Thường vụ Thị ủy"),  # from the appendix note "của Ban Thường vụ Thị ủy"
        ("001", "Huyện ủy"),  # -BC/HU
        ("002", "Thị ủy"),  # -KL/TU narrowed by "T/M THỊ ỦY"
        ("003", "Thị ủy"),  # -BC/TU, "T/M BAN THƯỜNG VỤ", narrowed by "Lưu Văn phòng Thị ủy"
    ],
)
def test_issuer_in_json_names_one_body(prefix: str, issuer: str) -> None:
    assert to_json(extract_file(seed(prefix)))["issuer"] == issuer
