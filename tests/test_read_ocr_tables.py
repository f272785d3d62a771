"""Citations in a scanned table of documents (issue 12): the type word and symbol in one cell
(wrapped over two lines), the date alone in its own cell without "ngày", the subject wrapped in
a third. The table is read row by row with its cells side by side, as the document holds it,
so a symbol and the date in the next cell are one citation.

The rasterised test is real: the report laid out by ``capuy convert``, printed by LibreOffice,
rasterised at 300 dpi by ``pdftoppm``, cropped to its header and table and read by Tesseract
once for the module.
"""

from __future__ import annotations

import pytest

from tests.ocr_pages import needs_tesseract, scanned_page

SOURCE = """---
superior: HUYỆN ỦY SƠN TỊNH
issuer: BAN TỔ CHỨC
issuer_code: BTCHU
number: 27
place: Sơn Tịnh
date: '2025-08-04'
kind: BÁO CÁO
summary: rà soát văn bản về công tác tổ chức xây dựng Đảng
draft: false
---

# I- VĂN BẢN ĐÃ RÀ SOÁT

| STT | Văn bản | Ngày ban hành | Nội dung chủ yếu |
|---|---|---|---|
| 1 | Quy định số 69-QĐ/TW | 06/7/2022 | về kỷ luật tổ chức đảng, đảng viên vi phạm, thay thế các quy định trước đây về xử lý kỷ luật |
| 2 | Nghị quyết số 26-NQ/TW | 19/5/2018 | về tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược, đủ phẩm chất, năng lực và uy tín |
| 3 | Chỉ thị số 28-CT/TW | 25/12/2023 | về nâng cao chất lượng kết nạp đảng viên và rà soát, sàng lọc, đưa những đảng viên không còn đủ tư cách ra khỏi Đảng |

Các văn bản trên còn hiệu lực.
"""  # noqa: E501
CITED = {("69-QĐ/TW", "2022-07-06"), ("26-NQ/TW", "2018-05-19"), ("28-CT/TW", "2023-12-25")}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The report's page 1 as printed, at 300 dpi, cropped below the table, read by Tesseract."""
    from capuy.extract import extract

    return extract(scanned_page(SOURCE, tmp_path_factory.mktemp("bang-van-ban"), 0.75))


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
def test_a_date_in_its_own_cell_belongs_to_the_symbol_beside_it(scanned) -> None:  # type: ignore[no-untyped-def]
    found = {(c.symbol, c.date.isoformat() if c.date else "") for c in scanned.citations}
    assert found >= CITED, f"read: {sorted(found)}"


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
def test_the_scanned_table_is_a_table_of_rows(scanned) -> None:  # type: ignore[no-untyped-def]
    """Each document's row is one table row of the document read: its symbol and date in it."""
    rows = [row for block in scanned.blocks if block.kind == "table" for row in block.rows]
    for symbol, day in CITED:
        year, month, dd = day.split("-")
        assert any(
            symbol in " ".join(row) and f"{int(month)}/{year}" in " ".join(row) for row in rows
        ), f"{symbol} not in one row with its date: {rows}"
