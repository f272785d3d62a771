"""Header lines wrapped in the header's narrow columns (issue 12): a long body name over two
lines in the left column ("ĐẢNG ỦY PHƯỜNG NGUYỄN" / "NGHIÊM"), the place and date broken before
its year in the right column ("Nguyễn Nghiêm, ngày 15 tháng 12 năm" / "2025"), and a long
summary over two centred lines. A PDF's text layer and a scan read such a header line by line;
an office types the same breaks by hand. Written as plain text (lines in the order a PDF gives
them, and rows of two columns interleaved as a scan reads them) and as DOCX (a two-column table
with the breaks as paragraphs), read back and extracted.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from capuy.api import extract_file

CASES = [
    # (superior, issuer lines, place-date lines, summary lines, issuer, place, date, summary)
    (
        "THỊ ỦY ĐỨC PHỔ",
        ["ĐẢNG ỦY PHƯỜNG NGUYỄN", "NGHIÊM"],
        ["Nguyễn Nghiêm, ngày 15 tháng 12 năm", "2025"],
        [
            "kết quả học tập, quán triệt và thực hiện các nghị quyết, chỉ thị, kết luận của",
            "Trung ương năm 2025",
        ],
        "ĐẢNG ỦY PHƯỜNG NGUYỄN NGHIÊM",
        "Nguyễn Nghiêm",
        date(2025, 12, 15),
    ),
    (
        "TỈNH ỦY QUẢNG NGÃI",
        ["ĐẢNG ỦY KHỐI CƠ QUAN VÀ", "DOANH NGHIỆP TỈNH"],
        ["Quảng Ngãi, ngày 27 tháng", "9 năm 2024"],
        ["sơ kết việc thực hiện các văn bản của Trung ương về xây dựng, chỉnh đốn", "Đảng"],
        "ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH",
        "Quảng Ngãi",
        date(2024, 9, 27),
    ),
    (  # nothing wrapped: two bodies stay two bodies
        "ĐẢNG BỘ TỈNH QUẢNG NGÃI",
        ["HUYỆN ỦY BÌNH SƠN"],
        ["Bình Sơn, ngày 20 tháng 6 năm 2025"],
        ["kết quả công tác quý II năm 2025"],
        "HUYỆN ỦY BÌNH SƠN",
        "Bình Sơn",
        date(2025, 6, 20),
    ),
]
BODY = [
    "I- KẾT QUẢ THỰC HIỆN",
    "Trong kỳ, Đảng ủy đã quán triệt Nghị quyết số 12-NQ/TU ngày 05/01/2024 của Tỉnh ủy.",
    "Nơi nhận:",
    "- Lưu Văn phòng.",
    "T/M ĐẢNG ỦY",
    "BÍ THƯ",
    "Nguyễn Văn An",
]
NUMBER = "Số 112-BC/ĐU"


def _lines(case: tuple) -> str:  # type: ignore[type-arg]
    superior, issuer, place_date, summary = case[:4]
    left = [superior, *issuer, "*", NUMBER]
    right = ["ĐẢNG CỘNG SẢN VIỆT NAM", *place_date]
    return "\n\n".join([*left, *right, "BÁO CÁO", *summary, *BODY]) + "\n"


def _rows(case: tuple) -> str:  # type: ignore[type-arg]
    """The two columns row by row, as a scan reads them: left piece, then right piece."""
    superior, issuer, place_date, summary = case[:4]
    left = [superior, *issuer, "*", NUMBER]
    right = ["ĐẢNG CỘNG SẢN VIỆT NAM", *place_date]
    rows = [piece for pair in zip(right + [""] * 9, left, strict=False) for piece in pair]
    return "\n\n".join([p for p in rows if p] + ["BÁO CÁO", *summary, *BODY]) + "\n"


def _docx(case: tuple, path: Path) -> None:  # type: ignore[type-arg]
    superior, issuer, place_date, summary = case[:4]
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    columns = ([superior, *issuer, "*", NUMBER], ["ĐẢNG CỘNG SẢN VIỆT NAM", *place_date])
    for index, column in enumerate(columns):
        cell = table.rows[0].cells[index]
        cell.paragraphs[0].text = column[0]
        for text in column[1:]:
            cell.add_paragraph(text)
    for text in ["BÁO CÁO", *summary, *BODY]:
        document.add_paragraph(text)
    document.save(path)


@pytest.mark.parametrize("layout", ["lines", "rows", "docx"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c[6].isoformat())
def test_wrapped_header_lines(tmp_path: Path, case: tuple, layout: str) -> None:  # type: ignore[type-arg]
    superior, _issuer, _place_date, summary, issuer, place, day = case
    if layout == "docx":
        path = tmp_path / "bao-cao.docx"
        _docx(case, path)
    else:
        path = tmp_path / "bao-cao.txt"
        path.write_text(_lines(case) if layout == "lines" else _rows(case), encoding="utf-8")
    doc = extract_file(path)
    header = doc.header
    assert (header.superior, header.issuer) == (superior, issuer)
    assert (header.place, header.date) == (place, day)
    assert (header.kind, header.symbol) == ("BÁO CÁO", "112-BC/ĐU")
    assert doc.title == "BÁO CÁO " + " ".join(summary)
    assert [s.label for s in doc.sections] == ["I"]


def test_a_short_summary_line_does_not_swallow_the_body(tmp_path: Path) -> None:
    """Only a long summary line without final punctuation runs on: a short one ends the
    summary, and the capitalised sentence after it is the body."""
    text = (
        "THỊ ỦY ĐỨC PHỔ\n\n*\n\nSố 5-BC/TU\n\nĐức Phổ, ngày 2 tháng 3 năm 2024\n\nBÁO CÁO\n\n"
        "công tác tháng 02\n\nThực hiện Chương trình công tác, Thị ủy báo cáo như sau\n\n"
        + "\n\n".join(BODY)
    )
    path = tmp_path / "ngan.txt"
    path.write_text(text, encoding="utf-8")
    doc = extract_file(path)
    assert doc.title == "BÁO CÁO công tác tháng 02"
    assert doc.header.issuer == "THỊ ỦY ĐỨC PHỔ"
