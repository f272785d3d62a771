"""Extraction survives the round trip through a real DOCX.

Each seed is laid out by the renderer (``capuy.render.convert_file``: official layout, header
and closing as borderless tables, real Word footnotes), read back by ``capuy.read`` and
extracted again: the same citations (symbol and date), outline shape, footnotes, header,
signature and recipients must come out. Lines differ (DOCX lines are paragraph indexes).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from capuy.api import convert_file, extract_file
from capuy.model import Document, Section
from tests.conftest import SEED_FILES


def _shape(sections: list[Section]) -> list[tuple[str, int, str]]:
    rows: list[tuple[str, int, str]] = []
    for section in sections:
        rows.append((section.label, section.level, section.title))
        rows += _shape(section.children)
    return rows


@pytest.fixture(scope="module")
def round_trips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Document, Document]]:
    folder = tmp_path_factory.mktemp("docx")
    pairs: dict[str, tuple[Document, Document]] = {}
    for path in SEED_FILES:
        out = Path(folder, path.stem + ".docx")
        convert_file(path, out)
        pairs[path.name[:3]] = (extract_file(path), extract_file(out))
    return pairs


PREFIXES = [p.name[:3] for p in SEED_FILES]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_citations_survive_the_docx_round_trip(round_trips, prefix: str) -> None:  # type: ignore[no-untyped-def]
    text, docx = round_trips[prefix]
    # Sorted: a DOCX numbers its footnotes apart from the body, so the reading order differs.
    assert sorted((c.symbol, str(c.date), c.type_word) for c in docx.citations) == sorted(
        (c.symbol, str(c.date), c.type_word) for c in text.citations
    )


@pytest.mark.parametrize("prefix", PREFIXES)
def test_outline_and_footnotes_survive_the_docx_round_trip(round_trips, prefix: str) -> None:  # type: ignore[no-untyped-def]
    text, docx = round_trips[prefix]
    assert _shape(docx.sections) == _shape(text.sections)
    assert [f.label for f in docx.footnotes] == [f.label for f in text.footnotes]
    assert all(f.ref_line is not None for f in docx.footnotes)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_header_signature_and_recipients_survive_the_docx_round_trip(
    round_trips, prefix: str
) -> None:  # type: ignore[no-untyped-def]
    text, docx = round_trips[prefix]
    assert (docx.header.symbol, docx.header.kind, docx.header.date, docx.header.draft) == (
        text.header.symbol,
        text.header.kind,
        text.header.date,
        text.header.draft,
    )
    assert docx.signature is not None and text.signature is not None
    assert (docx.signature.capacity, docx.signature.title, docx.signature.name) == (
        text.signature.capacity,
        text.signature.title,
        text.signature.name,
    )
    assert docx.recipients == text.recipients


def test_appendix_survives_the_docx_round_trip(round_trips) -> None:  # type: ignore[no-untyped-def]
    text, docx = round_trips["000"]
    (before,) = text.appendices
    (after,) = docx.appendices
    assert (after.title, after.caption, after.note) == (before.title, before.caption, before.note)
    assert [row for t in after.tables for row in t.rows] == [
        row for t in before.tables for row in t.rows
    ]
    assert (docx.header.symbol, docx.header.date) == (
        "708-BC/TU",
        before.tables and text.header.date,
    )
