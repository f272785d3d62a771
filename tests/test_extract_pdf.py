"""Extraction survives DOCX → PDF (LibreOffice) → text layer → read → extract.

The seeds are laid out by the renderer, converted by one reused LibreOffice process, read
back from the PDF's text layer and extracted: citations, outline shape, header and signature
must come out as from the original text. Marked ``pdf`` (needs LibreOffice).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from capuy.api import convert_file, extract_file
from capuy.model import Document, Section
from capuy.render import PdfConverter
from tests.conftest import SEED_FILES

pytestmark = pytest.mark.pdf


def _shape(sections: list[Section]) -> list[tuple[str, int]]:
    rows: list[tuple[str, int]] = []
    for section in sections:
        rows.append((section.label, section.level))
        rows += _shape(section.children)
    return rows


@pytest.fixture(scope="module")
def pdf_round_trips(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[Document, Document]]:
    folder = tmp_path_factory.mktemp("pdf")
    converter = PdfConverter()
    pairs: dict[str, tuple[Document, Document]] = {}
    try:
        for path in SEED_FILES:
            docx, pdf = Path(folder, path.stem + ".docx"), Path(folder, path.stem + ".pdf")
            convert_file(path, docx, pdf, converter=converter)
            pairs[path.name[:3]] = (extract_file(path), extract_file(pdf))
    finally:
        converter.close()
    return pairs


@pytest.mark.parametrize("prefix", [p.name[:3] for p in SEED_FILES])
def test_citations_outline_header_and_signature_survive_the_pdf(
    pdf_round_trips, prefix: str
) -> None:  # type: ignore[no-untyped-def]
    text, pdf = pdf_round_trips[prefix]
    assert sorted((c.symbol, str(c.date)) for c in pdf.citations) == sorted(
        (c.symbol, str(c.date)) for c in text.citations
    )
    assert _shape(pdf.sections) == _shape(text.sections)
    assert (pdf.header.symbol, pdf.header.kind) == (text.header.symbol, text.header.kind)
    assert pdf.signature is not None and text.signature is not None
    assert (pdf.signature.capacity, pdf.signature.name) == (
        text.signature.capacity,
        text.signature.name,
    )
