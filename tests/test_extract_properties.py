"""Properties of the plain-string finders on arbitrary text (hypothesis).

Whatever the text, ``find_citations`` and ``find_quantities`` must not fail, every citation's
symbol and every quantity's text must be in the input, and lines stay inside the text.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from capuy.extract import extract, find_citations, find_quantities
from capuy.read import read_text

# Pieces a report is made of, shuffled into arbitrary order.
PIECES = [
    "Nghị quyết số ", "Chương trình hành động ", "45-NQ/TW", "08-QĐi/TW", "06/QĐ-TTg",
    "26/2022/UBTVQH15", " ngày ", "24/11/2023", ", ngày ", "31/02/2024", " của ", "Bộ Chính trị",
    " (khóa XI)", " khóa ", "19,92%", "51/256", " quần chúng", "28 đảng viên", " (", ")",
    "khiển trách 19", ", ", "; ", ". ", "\n", "1,99 tỷ đồng", "935.960.000đ", "1,37 ha",
    "tỷ lệ 1/500", "lần thứ 18", "năm 2024", "I- ", "1.1. ", "a) ", "đơn/", "vụ", "0", "9",
    "-", "/", "%", "đ", "*", "¹", "Số -BC/HU", "Nơi nhận:", "T/M BAN THƯỜNG VỤ", "PHỤ LỤC",
]  # fmt: skip
reports = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(reports, st.integers(min_value=1, max_value=500))
def test_find_citations_on_any_text(text: str, first_line: int) -> None:
    last_line = first_line + text.count("\n")
    squeezed = re.sub(r"\s+", "", text)
    for citation in find_citations(text, line=first_line):
        assert citation.symbol in squeezed
        assert first_line <= citation.line <= last_line
        assert citation.date is None or 1900 <= citation.date.year <= 2100


@settings(max_examples=300, deadline=None)
@given(reports, st.integers(min_value=1, max_value=500))
def test_find_quantities_on_any_text(text: str, first_line: int) -> None:
    last_line = first_line + text.count("\n")
    normalized = re.sub(r"\s+", " ", text)
    for quantity in find_quantities(text, line=first_line):
        assert quantity.text in normalized
        assert first_line <= quantity.line <= last_line
        for part in quantity.parts:
            assert part.text in normalized


@settings(max_examples=100, deadline=None)
@given(reports)
def test_extract_any_document_without_error(text: str) -> None:
    if not text.strip():
        return
    doc = extract(read_text(text))
    for section in doc.sections:
        assert section.level == 1
