"""Round trip on every seed: ``convert`` → DOCX → ``read_file`` + ``extract`` gives the same
outline, the same footnotes and the same citations as extracting the seed directly.

Line numbers differ by design (a DOCX counts paragraphs, and its footnotes come after the
body), so outline nodes are compared by label, title and level, footnotes by label and text,
citations as a multiset of everything but their position.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from capuy.api import convert_file, extract_file
from capuy.extract import extract
from capuy.model import Citation, Document, Section
from capuy.read import read_file
from tests.conftest import SEED_FILES

SEED_IDS = [p.name[:3] for p in SEED_FILES]


def outline(sections: list[Section]) -> list[tuple[str, str, int, list]]:  # type: ignore[type-arg]
    return [(s.label, s.title, s.level, outline(s.children)) for s in sections]


def citation_key(c: Citation) -> tuple[object, ...]:
    return (
        c.symbol,
        c.number,
        c.type_code,
        c.issuer_code,
        c.type_word,
        c.date,
        c.text,
        c.system,
        c.term,
        c.author,
        c.footnote,
    )


@pytest.fixture(scope="module")
def pairs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Document, Document]]:
    out_dir = tmp_path_factory.mktemp("roundtrip")
    result = {}
    for seed in SEED_FILES:
        direct = extract_file(seed)
        docx_path = convert_file(seed, out_dir / f"{seed.stem}.docx")
        result[seed.name[:3]] = (direct, extract(read_file(docx_path)))
    return result


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_same_outline(pairs: dict[str, tuple[Document, Document]], seed_id: str) -> None:
    direct, back = pairs[seed_id]
    assert direct.sections, "the seed has an outline"
    assert outline(back.sections) == outline(direct.sections)


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_same_outline_labels_and_levels(
    pairs: dict[str, tuple[Document, Document]], seed_id: str
) -> None:
    """The shape of the outline (labels and nesting) survives on every seed."""

    def shape(sections: list[Section]) -> list[tuple[str, int, list]]:  # type: ignore[type-arg]
        return [(s.label, s.level, shape(s.children)) for s in sections]

    direct, back = pairs[seed_id]
    assert shape(back.sections) == shape(direct.sections)


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_same_footnotes(pairs: dict[str, tuple[Document, Document]], seed_id: str) -> None:
    direct, back = pairs[seed_id]
    assert [(f.label, f.text) for f in back.footnotes] == [
        (f.label, f.text) for f in direct.footnotes
    ]


def test_seeds_with_footnotes_keep_all_of_them(pairs: dict[str, tuple[Document, Document]]) -> None:
    assert len(pairs["001"][1].footnotes) == 20
    assert len(pairs["003"][1].footnotes) == 31


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_same_citations(pairs: dict[str, tuple[Document, Document]], seed_id: str) -> None:
    direct, back = pairs[seed_id]
    assert direct.citations
    assert Counter(map(citation_key, back.citations)) == Counter(
        map(citation_key, direct.citations)
    )


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_header_survives(pairs: dict[str, tuple[Document, Document]], seed_id: str) -> None:
    direct, back = pairs[seed_id]
    for field in ("kind", "symbol", "number", "draft", "date"):
        assert getattr(back.header, field) == getattr(direct.header, field), field


def test_converted_docx_is_read_with_headings_and_header_table(tmp_path: Path) -> None:
    seed = next(p for p in SEED_FILES if p.name.startswith("000"))
    doc = read_file(convert_file(seed, tmp_path / "000.docx"))
    texts = [b.text for b in doc.blocks]
    # the header table, left column first (the issuer as the extractor found it in the note)
    assert texts[:3] == ["BAN THƯỜNG VỤ THỊ ỦY", "*", "Số 708-BC/TU"]
    heading = next(b for b in doc.blocks if b.text.startswith("I- MỘT SỐ HOẠT ĐỘNG"))
    assert (heading.kind, heading.level) == ("heading", 1)


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_converting_a_converted_docx_changes_nothing(
    pairs: dict[str, tuple[Document, Document]], seed_id: str, tmp_path: Path
) -> None:
    """``convert`` takes any file capuy reads, its own DOCX included: a second pass is stable."""
    seed = next(p for p in SEED_FILES if p.name.startswith(seed_id))
    first = convert_file(seed, tmp_path / "first.docx")
    again = extract(read_file(convert_file(first, tmp_path / "second.docx")))
    direct = pairs[seed_id][0]
    assert outline(again.sections) == outline(direct.sections)
    assert [(f.label, f.text) for f in again.footnotes] == [
        (f.label, f.text) for f in direct.footnotes
    ]
    assert Counter(map(citation_key, again.citations)) == Counter(
        map(citation_key, direct.citations)
    )
    for field in ("kind", "symbol", "summary", "draft", "date"):
        assert getattr(again.header, field) == getattr(pairs[seed_id][1].header, field), field
