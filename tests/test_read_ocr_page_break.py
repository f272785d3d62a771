"""A scanned table across a page break (issue 12, seventh round): its heads centred over their
columns, and its second row cut by the break — the row's last lines ("16-CTr/ĐU" / "07/03/2026",
"18/05/2021 của Bộ Chính trị") at the next page's top, under the heads printed again.

The rasterised test is real: the report laid out by ``capuy convert``, printed by LibreOffice
(which repeats the table's head row on the next page), rasterised at 300 dpi by ``pdftoppm``
and read by Tesseract, both pages, once for the module.
"""

from __future__ import annotations

import pytest

from tests.ocr_pages import needs_tesseract, scanned_pages

FILLER = (
    "Đảng ủy xã đã tổ chức quán triệt các văn bản của cấp trên đến toàn thể cán bộ, đảng viên; "
    "các chi bộ xây dựng kế hoạch thực hiện sát với tình hình địa phương."
)
SOURCE = (
    """---
superior: HUYỆN ỦY BÌNH SƠN
issuer: ĐẢNG ỦY XÃ BÌNH CHÂU
issuer_code: ĐU
number: 57
place: Bình Châu
date: '2026-06-24'
kind: BÁO CÁO
summary: kết quả triển khai các văn bản của Trung ương
draft: false
---

# I- TÌNH HÌNH TRIỂN KHAI

"""
    + "\n\n".join([FILLER] * 8)
    + """

# II- VĂN BẢN ĐÃ BAN HÀNH

| TT | Văn bản của Đảng ủy | Triển khai văn bản | Ghi chú |
|---|---|---|---|
| 1 | Nghị quyết số 13-NQ/ĐU ngày 05/02/2026 | Kết luận số 57-KL/TW ngày 15/06/2023 của Bộ Chính trị | Hoàn thành |
| 2 | Chương trình số 16-CTr/ĐU ngày 07/03/2026 | Kết luận số 01-KL/TW ngày 18/05/2021 của Bộ Chính trị | Hoàn thành |
| 3 | Kế hoạch số 19-KH/ĐU ngày 09/04/2026 | Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương | Đang thực hiện |

# III- PHƯƠNG HƯỚNG

Tiếp tục lãnh đạo các chi bộ thực hiện nghiêm các văn bản nêu trên.
"""  # noqa: E501
)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Both pages read: page 1 ends with the heads, row 1 and row 2's first lines; page 2 opens
    with the heads again, then row 2's last lines, then row 3."""
    return scanned_pages(SOURCE, tmp_path_factory.mktemp("qua-trang"))


def _rows(document) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [row for block in document.blocks if block.kind == "table" for row in block.rows]


def _found(document) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from capuy.extract import extract

    return {(c.symbol, c.date.isoformat() if c.date else "") for c in extract(document).citations}


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
def test_centred_heads_make_no_column_of_their_own(scanned) -> None:  # type: ignore[no-untyped-def]
    """ "Triển khai văn bản" is printed about 130 pixels right of its column's edge, "Ghi chú"
    over "Hoàn thành": they made columns of their own, and the justified "Kết   luận số …" was
    cut at the first — "Kết" | "15/06/2023 …" | "luận số 57-KL/TW ngày". With only two rows
    under the heads on the page, too few lines run across those edges to drop them."""
    first = next(row for row in _rows(scanned) if "13-NQ/ĐU" in " ".join(row))
    assert first[-3:] == [
        "Nghị quyết số 13-NQ/ĐU ngày 05/02/2026",
        "Kết luận số 57-KL/TW ngày 15/06/2023 của Bộ Chính trị",
        "Hoàn thành",
    ], first
    assert ("57-KL/TW", "2023-06-15") in _found(scanned)


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
def test_a_row_cut_by_the_page_break_is_one_row(scanned) -> None:  # type: ignore[no-untyped-def]
    """Row 2's last lines at page 2's top go on with row 2 (they had joined the heads printed
    again), so its dates stay with their symbols."""
    second = next(row for row in _rows(scanned) if "01-KL/TW" in " ".join(row))
    assert second[-3:] == [
        "Chương trình số 16-CTr/ĐU ngày 07/03/2026",
        "Kết luận số 01-KL/TW ngày 18/05/2021 của Bộ Chính trị",
        "Hoàn thành",
    ], second
    heads = [row for row in _rows(scanned) if "Ghi chú" in " ".join(row)]
    assert all(row[-3] == "Văn bản của Đảng ủy" for row in heads), heads  # nothing joined them
    assert _found(scanned) >= {
        ("13-NQ/ĐU", "2026-02-05"),
        ("16-CTr/ĐU", "2026-03-07"),
        ("01-KL/TW", "2021-05-18"),
        ("19-KH/ĐU", "2026-04-09"),
        ("08-QĐi/TW", "2018-10-25"),
    }


def _programme(dpi: int = 200):  # type: ignore[no-untyped-def]
    """Held-out set 5's programme (development text), scanned set 5's way at 200 dpi: Tesseract's
    words on both pages. Row 15 is cut by the page break ("Kiểm tra việc cụ thể hóa, ban" /
    "Chỉ thị số 38-CT/TW ngày" on page 1; "hành văn bản triển khai" / "7/9/2009" on page 2, under
    the heads printed again, the "TT" head's second "T" alone, and a speck read "-" in the
    numbers' column). On page 1 a speck read "SN" cuts the table in two before row 10."""
    import json
    from pathlib import Path

    from capuy.read.ocr_layout import OcrPage, document_from_pages, tsv_lines

    data = json.loads(
        (Path(__file__).parent / "fixtures" / "ocr" / f"programme_set5_{dpi}dpi.json").read_text(
            encoding="utf-8"
        )
    )
    pages = [
        OcrPage(p["width"], p["height"], p["dpi"], tsv_lines(p["tsv"]), b"", p["tsv"])
        for p in data["pages"]
    ]
    return document_from_pages(pages, "quet.pdf", "pdf")


def test_a_row_cut_by_the_page_break_at_200_dpi() -> None:
    """At 200 dpi page 1's table lost its "TT" column: row 15's last lines would go under its
    first column, and the plain-text reader takes a row for the rest of the row above only when
    its first cell is empty — so they stay a row of their own (not joined to the heads printed
    again, as they were), and page 2's text keeps the order it is printed in. Row 10, after a
    speck read "SN", keeps its date: the two-pixel "ˆ" beside it is no letter to drop."""
    document, texts = _programme(200)
    assert ("55-QĐ/TW", "2016-12-19") in _found(document)
    heads = next(row for row in _rows(document) if "Thời hạn" in " ".join(row))
    assert "7/9/2009" not in " ".join(heads), heads
    page2 = texts[1].split("\n")
    assert page2[0].split("\t")[-1] == "Thời hạn", page2[:2]
    assert page2[1].split("\t")[1:3] == ["hành văn bản triển khai", "7/9/2009"], page2[:2]


def test_a_row_cut_by_the_page_break_at_300_dpi() -> None:
    """At 300 dpi both pages' tables have the "TT" column: row 15's last lines ("hành văn bản
    triển khai", "7/9/2009"), under the heads printed again and the "TT" head's second "T"
    alone, go on with row 15 on page 1 — and page 2's text keeps its print order."""
    document, texts = _programme(300)
    assert ("38-CT/TW", "2009-09-07") in _found(document)
    row = next(row for row in _rows(document) if "38-CT/TW" in " ".join(row))
    assert row[1:3] == [
        "Kiểm tra việc cụ thể hóa, ban hành văn bản triển khai",
        "Chỉ thị số 38-CT/TW ngày 7/9/2009",
    ], row
    page2 = texts[1].split("\n")
    assert page2[0].split("\t")[-1] == "Thời hạn" and "7/9/2009" in page2[1], page2[:2]
