"""OCR repairs from the vocabulary (issue 12, third round), table-driven on what Tesseract really
read from the development sets at 300 dpi (``benchmarks/bench_ocr.py``, the second held-out set,
development text since): a code letter with a stray mark or a T read 1, the codes of a symbol
wrapped onto their own line and read at a low confidence, a type word's marks, a place name's
marks in a capitals line, and a header whose issuer line the scan damaged.
"""

from __future__ import annotations

import pytest

from capuy.read.ocr_layout import is_speck
from capuy.read.ocr_places import repair_place_names
from capuy.read.ocr_repair import repair_ocr_text, repair_symbol
from capuy.read.ocr_type_words import repair_type_words


@pytest.mark.parametrize(
    ("read", "right"),
    [
        ("31-BC/ĐŨ", "31-BC/ĐU"),  # d_xa_pho_chau_2024's number: a tilde on the U
        ("22-QĐ/1W", "22-QĐ/TW"),  # c_dang_uy_khoi_2024's table: the T of TW read 1
        ("28-CTI/IW", "28-CT/TW"),  # a table cell's wrapped codes: the slash read twice
        ("45-NQ/TƯ", "45-NQ/TU"),
        ("12-NQ/TW", None),  # already a symbol
        ("2021/NĐ-CP", None),
        ("2020-Năm", None),  # no code: a word
    ],
)
def test_symbol_codes(read: str, right: str | None) -> None:
    assert repair_symbol(read) == right


@pytest.mark.parametrize(
    ("text", "speck"),
    [
        ("CTI/IW", False),  # read at confidence 26 on a rasterised table: the codes of 28-CT/TW
        ("KL/TW", False),
        ("„/", True),
        ("I/", True),
    ],
)
def test_a_symbols_codes_alone_on_a_line_are_not_dirt(text: str, speck: bool) -> None:
    assert is_speck(text, 26.0) is speck


@pytest.mark.parametrize(
    ("read", "right"),
    [
        ("thực hiện Nghi quyết số 45-NQ/TW ngày", "thực hiện Nghị quyết số 45-NQ/TW ngày"),
        ("Chi thị 05-CT/TW", "Chỉ thị 05-CT/TW"),
        ("Kết luân số 62-KL/TW", "Kết luận số 62-KL/TW"),
        (
            "Kế hoach số 12-KH/TU và Chương trinh số 3-CTr/TU",
            "Kế hoạch số 12-KH/TU và Chương trình số 3-CTr/TU",
        ),  # noqa: E501
        ("theo quy dinh so 22-QĐ/TW", "theo quy định so 22-QĐ/TW"),
        # left alone: no symbol after it, already right, or not a type word
        ("Chi bộ 45 đảng viên", "Chi bộ 45 đảng viên"),
        ("Nghị quyết số 45-NQ/TW", "Nghị quyết số 45-NQ/TW"),
        ("Chi bộ 12-CB", "Chi bộ 12-CB"),
        ("nghi quyết của chi bộ", "nghi quyết của chi bộ"),
    ],
)
def test_type_words_before_a_symbol(read: str, right: str) -> None:
    assert repair_type_words(read) == right


@pytest.mark.parametrize(
    ("read", "right"),
    [
        ("THỊ ỦY ĐỨC PHỐ", "THỊ ỦY ĐỨC PHỔ"),  # mid_term_2020-2025 and yearly_2023's superior
        ("ĐẢNG ỦY XÃ PHÔ CHÂU", "ĐẢNG ỦY XÃ PHỔ CHÂU"),
        ("T/M ĐẢNG ỦY PHƯỜNG PHÔ HOÀ", "T/M ĐẢNG ỦY PHƯỜNG PHỔ HÒA"),
        ("ĐỨC PHỐ, QUẢNG NGẢI", "ĐỨC PHỔ, QUẢNG NGÃI"),
        # left alone: running text is the author's to spell; a name already right; two names
        # that share a key (Bình Thanh / Bình Thạnh)
        ("Thị ủy Đức Phố", "Thị ủy Đức Phố"),
        ("THỊ ỦY ĐỨC PHỔ", "THỊ ỦY ĐỨC PHỔ"),
        ("HUYỆN ỦY BÌNH THANH", "HUYỆN ỦY BÌNH THANH"),
        ("ĐẢNG ỦY XÃ BINH THANH", "ĐẢNG ỦY XÃ BINH THANH"),
    ],
)
def test_place_names_in_a_capitals_line(read: str, right: str) -> None:
    assert repair_place_names(read) == right
    assert repair_ocr_text(read) == right


def test_a_header_with_a_damaged_issuer_line_is_still_a_header() -> None:
    """d_xa_pho_chau_2024's first page as Tesseract read it at 300 dpi: the issuer line "ĐẢNG ỦY
    XÃ PHỔ CHÂU" came out "ĐÔNG ni CHỢ DA"; the kind, number, date and summary are read all the
    same (the old code took the damaged line for the body's start and found no header)."""
    from capuy.extract import extract
    from capuy.read.plaintext import read_paged_text

    lines = [
        "THỊ ỦY ĐỨC PHỔ",
        "ĐÔNG ni CHỢ DA",
        "Số 31-BC/ĐŨ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Phổ Châu, ngày 08 tháng 3 năm 2024",
        "BÁO CÁO",
        "kết quả thực hiện các chỉ thị, kết luận của Trung ương quý I năm 2024",
        "I- KẾT QUẢ THỰC HIỆN",
        "- Tổ chức học tập, quán triệt Kết luận số 69-KL/TW ngày 11 tháng 01 năm 2024 của Bộ "
        "Chính trị.",
    ]
    text = "\n\n".join(repair_ocr_text(line) for line in lines)
    doc = extract(read_paged_text(text, source="quet.pdf", fmt="pdf"))
    assert doc.header.kind == "BÁO CÁO"
    assert doc.header.symbol == "31-BC/ĐU"
    assert doc.header.date is not None and doc.header.date.isoformat() == "2024-03-08"
    assert doc.title.startswith("BÁO CÁO kết quả thực hiện")
    assert [c.symbol for c in doc.citations] == ["69-KL/TW"]
