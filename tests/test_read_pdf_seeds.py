"""Seeds rendered in the official layout and printed to PDF by LibreOffice read back as they were.

``capuy.render.convert_file`` (seed → official DOCX → PDF) gives justified 14pt text with
first-line indents, 12pt footnotes at the foot of each page and superscript calls — what an
office's PDF looks like. Reading that PDF must give the seed's own paragraphs and footnotes.
"""

from __future__ import annotations

import shutil

import pytest

from capuy.model import Document
from capuy.read import read_file
from tests.conftest import seed

pytestmark = [
    pytest.mark.pdf,
    pytest.mark.skipif(
        shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed"
    ),
]

# Blocks the renderer lays out differently from the seed text: the header it adds and the
# multi-line title/signature blocks, printed one line per paragraph.
LAYOUT_ONLY = {
    "001": {
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "BÁO CÁO",
        "tình hình công tác quý I; nhiệm vụ trọng tâm quý II năm 2024",
        "T/M HUYỆN ỦY",
        "BÍ THƯ",
    },
    "003": {
        "*",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "BÁO CÁO",
        "tổng kết công tác xây dựng Đảng nhiệm kỳ 2020 - 2025",
    },
}


@pytest.fixture(scope="module")
def pairs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Document, Document]]:
    from capuy.api import convert_file

    out = tmp_path_factory.mktemp("seed-pdf")
    result = {}
    for prefix in LAYOUT_ONLY:
        pdf = out / f"{prefix}.pdf"
        convert_file(seed(prefix), out / f"{prefix}.docx", pdf=pdf)
        result[prefix] = (read_file(seed(prefix)), read_file(pdf))
    return result


@pytest.mark.parametrize("prefix", list(LAYOUT_ONLY))
def test_footnotes_identical_and_linked(
    pairs: dict[str, tuple[Document, Document]], prefix: str
) -> None:
    text_doc, pdf_doc = pairs[prefix]
    assert [(f.label, f.text) for f in pdf_doc.footnotes] == [
        (f.label, f.text) for f in text_doc.footnotes
    ]
    assert all(f.ref_line is not None for f in pdf_doc.footnotes)
    calls = [ref.label for block in pdf_doc.blocks for ref in block.footnote_refs]
    assert calls == [f.label for f in text_doc.footnotes]


@pytest.mark.parametrize("prefix", list(LAYOUT_ONLY))
def test_paragraphs_identical_across_pdf_pages(
    pairs: dict[str, tuple[Document, Document]], prefix: str
) -> None:
    text_doc, pdf_doc = pairs[prefix]
    seed_texts = [b.text for b in text_doc.blocks]
    pdf_texts = [b.text for b in pdf_doc.blocks if b.text not in LAYOUT_ONLY[prefix]]
    # every seed paragraph, list item and heading line comes back whole and in order, except the
    # multi-line title and signature blocks that the layout prints one line per paragraph
    assert pdf_texts == [t for t in seed_texts if "\n" not in t]


@pytest.mark.parametrize(
    ("prefix", "text_start"),
    [
        ("001", "Nâng cao chất lượng công tác nghiên cứu"),
        ("003", "Công tác xây dựng Đảng về tư tưởng"),
    ],
)
def test_paragraph_with_footnotes_between_its_parts_is_whole(
    pairs: dict[str, tuple[Document, Document]], prefix: str, text_start: str
) -> None:
    text_doc, pdf_doc = pairs[prefix]
    (expected,) = [b for b in text_doc.blocks if b.text.startswith(text_start)]
    (found,) = [b for b in pdf_doc.blocks if b.text.startswith(text_start)]
    assert found.text == expected.text
    assert [r.label for r in found.footnote_refs] == [r.label for r in expected.footnote_refs]
