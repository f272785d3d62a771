"""The header's words Tesseract read as noise, read again alone (``capuy.read.ocr_reread``).

The TSV rows are Tesseract's own, from the second held-out set's commune report at 300 dpi
(development text since): the issuer "ĐẢNG ỦY XÃ PHỔ CHÂU" taken into one line with the place
and date of the other column and read "Ko) m_j n K29 HYU". The last test is real: that header
laid out by ``capuy convert``, printed, scanned as ``benchmarks/bench_ocr.py`` scans (300 dpi,
turned, speckled) and read by Tesseract.
"""

from __future__ import annotations

import pytest

from capuy.read.ocr_reread import unsure_runs
from tests.ocr_pages import needs_tesseract, rasterised_page

FIELDS = "level page_num block_num par_num line_num word_num left top width height conf text"
ISSUER_LINE = [  # (line, left, top, width, height, conf, text)
    (2, 426, 319, 169, 40, 30.5, "Ko)"),
    (2, 612, 319, 82, 39, 0.0, "m_j"),
    (2, 709, 319, 83, 90, 0.0, "n"),
    (2, 809, 318, 122, 41, 22.7, "K29"),
    (2, 951, 318, 169, 40, 0.0, "HYU"),
    (2, 1303, 352, 96, 44, 96.3, "Phổ"),
    (2, 1416, 354, 134, 49, 96.5, "Châu,"),
    (2, 1570, 354, 112, 53, 96.8, "ngày"),
]


def _tsv(words: list[tuple[int, int, int, int, int, float, str]]) -> str:
    rows = [FIELDS.replace(" ", "\t")]
    for number, (line, left, top, width, height, conf, text) in enumerate(words, start=1):
        values = (5, 1, 1, 1, line, number, left, top, width, height, conf, text)
        rows.append("\t".join(str(v) for v in values))
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize(
    ("words", "page_height", "runs"),
    [
        (ISSUER_LINE, 3508, [["Ko)", "m_j", "n", "K29", "HYU"]]),
        # the same line lower on the page: body text is not re-read
        ([(w[0], w[1], w[2] + 1500, *w[3:]) for w in ISSUER_LINE], 3508, []),
        # one unsure mark alone (the header's "*" read "3k") is not a run
        ([(3, 761, 388, 30, 21, 12.0, "3k"), (4, 520, 451, 300, 43, 95.0, "Số")], 3508, []),
        # unsure words of two lines are two runs only when each has two words or more
        (
            [
                (1, 400, 240, 60, 40, 10.0, "ĐÔNG"),
                (1, 480, 240, 60, 40, 12.0, "ni"),
                (2, 400, 320, 60, 40, 11.0, "CHỢ"),
                (2, 480, 320, 60, 40, 95.0, "Số"),
            ],
            3508,
            [["ĐÔNG", "ni"]],
        ),
    ],
)
def test_unsure_runs_of_the_header(
    words: list[tuple[int, int, int, int, int, float, str]], page_height: int, runs: list[list[str]]
) -> None:
    found = unsure_runs(_tsv(words), page_height)
    assert [[row["text"] for row in run] for run in found] == runs


SOURCE = """---
superior: THỊ ỦY ĐỨC PHỔ
issuer: ĐẢNG ỦY XÃ PHỔ CHÂU
issuer_code: ĐU
number: 31
place: Phổ Châu
date: '2024-03-08'
kind: BÁO CÁO
summary: kết quả thực hiện các chỉ thị, kết luận của Trung ương quý I năm 2024
draft: false
---

# I- KẾT QUẢ THỰC HIỆN

Đảng ủy xã đã tổ chức học tập, quán triệt đầy đủ các văn bản của Trung ương.
"""


@needs_tesseract
@pytest.mark.pdf
@pytest.mark.slow
def test_a_tight_bold_issuer_is_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The page scanned as the benchmark scans it (300 dpi, turned 0,6°, speckled)."""
    from benchmarks.bench_ocr import scan_pdf
    from capuy.extract import extract, to_json
    from capuy.read import read_file

    rasterised_page(SOURCE, tmp_path)
    scan_pdf(tmp_path / "b.pdf", 300, tmp_path / "quet.pdf", seed=300)
    header = to_json(extract(read_file(tmp_path / "quet.pdf")))
    assert (header["issuer"], header["number"], header["date"]) == (
        "ĐẢNG ỦY XÃ PHỔ CHÂU",
        "31-BC/ĐU",
        "2024-03-08",
    )
