"""Table-driven tests of each extraction pattern, with cases taken from the seeds' own lines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from capuy.extract import extract, find_citations, find_quantities
from capuy.extract.outline import extract_outline, label_of
from capuy.model import Block, Document, Section
from capuy.read import read_text

# (text as written in a seed, symbol, type_word, type_code, issuer_code, date, term, author, text)
CITATIONS = [
    (  # 000 line 67: "số", "ngày", author with congress term written after it
        "(2) Thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục",
        "45-NQ/TW",
        "Nghị quyết",
        "NQ",
        "TW",
        dt.date(2023, 11, 24),
        "XIII",
        "Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng",
        "Nghị quyết số 45-NQ/TW ngày 24/11/2023",
    ),
    (  # 003 line 56: Quy định with the QĐi code, no "số"
        "Quy định 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương Đảng về trách nhiệm nêu gương",
        "08-QĐi/TW",
        "Quy định",
        "QĐi",
        "TW",
        dt.date(2018, 10, 25),
        "",
        "Ban Chấp hành Trung ương Đảng",
        "Quy định 08-QĐi/TW ngày 25/10/2018",
    ),
    (  # 000 line 105: multi-letter issuer
        "theo Quyết định số 218-QĐ/UBKTTU ngày 23/01/2024 của Ủy ban Kiểm tra Tỉnh ủy. Đồng thời",
        "218-QĐ/UBKTTU",
        "Quyết định",
        "QĐ",
        "UBKTTU",
        dt.date(2024, 1, 23),
        "",
        "Ủy ban Kiểm tra Tỉnh ủy",
        "Quyết định số 218-QĐ/UBKTTU ngày 23/01/2024",
    ),
    (  # 000 line 144 (appendix table cell)
        "(8) Phúc đáp Công văn số 5169-CV/BTCTU ngày 05/02/2024 của Ban Tổ chức Tỉnh ủy; (9) Về",
        "5169-CV/BTCTU",
        "Công văn",
        "CV",
        "BTCTU",
        dt.date(2024, 2, 5),
        "",
        "Ban Tổ chức Tỉnh ủy",
        "Công văn số 5169-CV/BTCTU ngày 05/02/2024",
    ),
    (  # 001 line 212: ", ngày" and ", khóa" term
        "theo Kết luận số 1857-KL/HU, ngày 11/12/2023 của Hội nghị Huyện ủy lần thứ 15, khóa XXVII về tình hình",
        "1857-KL/HU",
        "Kết luận",
        "KL",
        "HU",
        dt.date(2023, 12, 11),
        "XXVII",
        "Hội nghị Huyện ủy lần thứ 15",
        "Kết luận số 1857-KL/HU, ngày 11/12/2023",
    ),
    (  # 002 line 24
        "triển khai thực hiện Kết luận số 2412-KL/TU ngày 30/9/2024 của Hội nghị Tỉnh ủy lần thứ 17 (khóa XX) về kết quả",
        "2412-KL/TU",
        "Kết luận",
        "KL",
        "TU",
        dt.date(2024, 9, 30),
        "XX",
        "Hội nghị Tỉnh ủy lần thứ 17",
        "Kết luận số 2412-KL/TU ngày 30/9/2024",
    ),
    (  # 001 line 66: Đề án with Đ in the code
        "Khắc phục tồn tại, hạn chế trong thực hiện Đề án số 07-ĐA/TU ngày 28/10/2021 của Ban Thường vụ Tỉnh ủy về thực hiện",
        "07-ĐA/TU",
        "Đề án",
        "ĐA",
        "TU",
        dt.date(2021, 10, 28),
        "",
        "Ban Thường vụ Tỉnh ủy",
        "Đề án số 07-ĐA/TU ngày 28/10/2021",
    ),
    (  # 001 line 244: CTr code with the long type word
        "tổ chức thực hiện Chương trình hành động số 42-CTr/HU, ngày 30/12/2014 của Huyện ủy về thực hiện",
        "42-CTr/HU",
        "Chương trình hành động",
        "CTr",
        "HU",
        dt.date(2014, 12, 30),
        "",
        "Huyện ủy",
        "Chương trình hành động số 42-CTr/HU, ngày 30/12/2014",
    ),
    (  # 001 line 38: type word and code disagree (kept as written, for the checker)
        "Chương trình hành động số 39-CT/TU ngày 08/01/2024 của Tỉnh ủy về thực hiện Nghị quyết",
        "39-CT/TU",
        "Chương trình hành động",
        "CT",
        "TU",
        dt.date(2024, 1, 8),
        "",
        "Tỉnh ủy",
        "Chương trình hành động số 39-CT/TU ngày 08/01/2024",
    ),
    (  # 001 line 218: no "số", author with "(khóa XI)"
        "tổng kết 10 năm thực hiện: Nghị quyết 37-NQ/TW ngày 09/10/2024 của Bộ Chính trị (khóa XI) về công tác lý luận",
        "37-NQ/TW",
        "Nghị quyết",
        "NQ",
        "TW",
        dt.date(2024, 10, 9),
        "XI",
        "Bộ Chính trị",
        "Nghị quyết 37-NQ/TW ngày 09/10/2024",
    ),
    (  # 003 line 56: Chỉ thị without "số"
        "gắn với Chỉ thị 05-CT/TW ngày 15/5/2016, Kết luận số",
        "05-CT/TW",
        "Chỉ thị",
        "CT",
        "TW",
        dt.date(2016, 5, 15),
        "",
        "",
        "Chỉ thị 05-CT/TW ngày 15/5/2016",
    ),
    (  # 003 line 56: Quy định without "số", term in parentheses
        "Quy định 101-QĐ/TW ngày 07/6/2012 của Ban Bí thư (khóa XI) về trách nhiệm nêu gương",
        "101-QĐ/TW",
        "Quy định",
        "QĐ",
        "TW",
        dt.date(2012, 6, 7),
        "XI",
        "Ban Bí thư",
        "Quy định 101-QĐ/TW ngày 07/6/2012",
    ),
    (  # 000 line 23: no date
        "về tiếp tục thực hiện Chỉ thị số 05-CT/TW về đẩy mạnh học tập",
        "05-CT/TW",
        "Chỉ thị",
        "CT",
        "TW",
        None,
        "",
        "",
        "Chỉ thị số 05-CT/TW",
    ),
    (  # 001 line 20: the second mention, without date, ends at a comma
        "về thực hiện Nghị quyết số 28-NQ/TW, Ban Thường vụ Huyện ủy thực hiện nghiêm",
        "28-NQ/TW",
        "Nghị quyết",
        "NQ",
        "TW",
        None,
        "",
        "",
        "Nghị quyết số 28-NQ/TW",
    ),
    (  # 002 line 40: State symbol number/TYPE-ISSUER
        "Triển khai thực hiện hiệu quả Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ về phê duyệt",
        "06/QĐ-TTg",
        "Quyết định",
        "QĐ",
        "TTg",
        dt.date(2022, 1, 6),
        "",
        "Thủ tướng Chính phủ",
        "Quyết định số 06/QĐ-TTg ngày 06/01/2022",
    ),
    (  # 001 line 118
        "(có Báo cáo số 177/BC-UBND ngày 26/3/2024 của UBND huyện về tình hình",
        "177/BC-UBND",
        "Báo cáo",
        "BC",
        "UBND",
        dt.date(2024, 3, 26),
        "",
        "UBND huyện",
        "Báo cáo số 177/BC-UBND ngày 26/3/2024",
    ),
    (  # 001 line 208
        "3.9. Báo cáo tiến độ, kết quả thực hiện Thông báo số 41/TB-UBND ngày 07/02/2023 của Chủ tịch UBND tỉnh.",
        "41/TB-UBND",
        "Thông báo",
        "TB",
        "UBND",
        dt.date(2023, 2, 7),
        "",
        "Chủ tịch UBND tỉnh",
        "Thông báo số 41/TB-UBND ngày 07/02/2023",
    ),
    (  # 001 line 132: State number/year/ISSUER, type code from the type word, in markup
        "(*theo Nghị quyết số 26/2022/UBTVQH15 ngày 21/9/2022 của Ủy ban Thường vụ Quốc hội*);",
        "26/2022/UBTVQH15",
        "Nghị quyết",
        "NQ",
        "UBTVQH15",
        dt.date(2022, 9, 21),
        "",
        "Ủy ban Thường vụ Quốc hội",
        "Nghị quyết số 26/2022/UBTVQH15 ngày 21/9/2022",
    ),
    (  # an invented State decision with a year, same rule as 26/2022/UBTVQH15 (DESIGN.md §4)
        "theo Quyết định số 48/2021/QĐ-UBND ngày 10/12/2021 của UBND tỉnh",
        "48/2021/QĐ-UBND",
        "Quyết định",
        "QĐ",
        "UBND",
        dt.date(2021, 12, 10),
        "",
        "UBND tỉnh",
        "Quyết định số 48/2021/QĐ-UBND ngày 10/12/2021",
    ),
    (  # 001 line 194: a few words between the type word and "số"
        "(*theo Quy chế làm việc số 16-QC/HU, ngày 28/9/2023 của Huyện ủy, Ban Thường vụ Huyện ủy, Thường trực Huyện ủy khóa XXVII*).",
        "16-QC/HU",
        "Quy chế",
        "QC",
        "HU",
        dt.date(2023, 9, 28),
        "XXVII",
        "Huyện ủy, Ban Thường vụ Huyện ủy, Thường trực Huyện ủy",
        "Quy chế làm việc số 16-QC/HU, ngày 28/9/2023",
    ),
    (  # the date written in words
        "Kế hoạch số 206-KH/TU ngày 24 tháng 7 năm 2024 về thực hiện",
        "206-KH/TU",
        "Kế hoạch",
        "KH",
        "TU",
        dt.date(2024, 7, 24),
        "",
        "",
        "Kế hoạch số 206-KH/TU ngày 24 tháng 7 năm 2024",
    ),
]


@pytest.mark.parametrize(
    "text,symbol,type_word,type_code,issuer_code,date,term,author,written", CITATIONS
)
def test_citation_pattern(
    text: str, symbol: str, type_word: str, type_code: str, issuer_code: str,
    date: dt.date | None, term: str, author: str, written: str,
) -> None:  # fmt: skip
    (citation,) = find_citations(text)
    assert citation.symbol == symbol
    assert citation.type_word == type_word
    assert citation.type_code == type_code
    assert citation.issuer_code == issuer_code
    assert citation.date == date
    assert citation.term == term
    assert citation.author == author
    assert citation.text == written


@pytest.mark.parametrize(
    "text,number,system,year",
    [
        ("Nghị quyết số 45-NQ/TW", "45", "party", ""),
        ("Quyết định số 06/QĐ-TTg", "06", "state", ""),
        ("Nghị quyết số 26/2022/UBTVQH15", "26", "state", "2022"),
        ("Quyết định số 48/2021/QĐ-UBND", "48", "state", "2021"),
        ("Nghị quyết số 45 - NQ/TW ngày 24/11/2023", "45", "party", ""),
    ],
)
def test_symbol_number_system_and_year(text: str, number: str, system: str, year: str) -> None:
    (citation,) = find_citations(text)
    assert (citation.number, citation.system, citation.year) == (number, system, year)
    assert " " not in citation.symbol


@pytest.mark.parametrize(
    "text",
    [
        "Quy hoạch tổng mặt bằng (tỷ lệ 1/500) Trụ sở làm việc",  # 000 line 31
        "giai đoạn 2021 - 2025 (đoạn qua địa bàn thị xã)",  # 000 line 15
        "Nghị quyết Hội nghị Trung ương 8 khóa XIII",  # 001 line 32: no symbol
        "Trong tháng 02/2024, Ban Thường vụ",  # 000 line 11
        "Số -BC/HU",  # 001 line 4: blank draft number, not a citation
        "kết nạp 51/256 quần chúng vào đảng",  # 001 line 92
    ],
)
def test_not_a_citation(text: str) -> None:
    assert find_citations(text) == []


def test_a_footnote_mark_after_the_symbol_does_not_hide_it() -> None:
    (citation,) = find_citations("tiếp tục thực hiện Chỉ thị số 05-CT/TW¹ về đẩy mạnh học tập")
    assert (citation.symbol, citation.date) == ("05-CT/TW", None)


def test_citation_line_counts_newlines_and_same_citation_twice_gives_two_entries() -> None:
    text = "Kết luận số 01-KL/TW ngày 18/5/2021;\nlại Kết luận số 01-KL/TW ngày 18/5/2021"
    assert [(c.symbol, c.line) for c in find_citations(text, line=40)] == [
        ("01-KL/TW", 40),
        ("01-KL/TW", 41),
    ]


def test_a_symbol_cut_between_two_blocks_is_found_once_at_its_first_line() -> None:
    """A PDF text layer prints a table cell line by line: "… số 5169-" / "CV/BTCTU ngày …"."""
    texts = ["(8) Phúc đáp Công văn số 5169-", "CV/BTCTU ngày 05/02/2024 của Ban Tổ chức Tỉnh ủy;"]
    blocks = [Block(kind="paragraph", text=t, line=197 + 2 * i) for i, t in enumerate(texts)]
    blocks.insert(0, Block(kind="paragraph", text="I. KẾT QUẢ", line=1))
    doc = extract(Document(source="<pdf>", lines=[], blocks=blocks))
    assert [(c.symbol, c.date, c.line, c.text) for c in doc.citations] == [
        ("5169-CV/BTCTU", dt.date(2024, 2, 5), 197, "Công văn số 5169-CV/BTCTU ngày 05/02/2024")
    ]


def test_citation_inside_a_footnote_takes_the_footnotes_line() -> None:
    doc = extract(
        read_text(
            "I. KẾT QUẢ\n\nVăn bản của Tỉnh ủy¹ đã ban hành.\n\n"
            "¹ Kế hoạch số 248-KH/TU ngày 20/12/2023 của Ban Thường vụ Tỉnh ủy.\n"
        )
    )
    (citation,) = doc.citations
    assert (citation.symbol, citation.line, citation.footnote) == ("248-KH/TU", 5, "1")


# (text from a seed, kind, value, unit, label, parts as (label, value))
QUANTITIES = [
    (
        "đã thi hành kỷ luật đối với 28 đảng viên (*khiển trách 19, cảnh cáo 08, cách chức 01*), 01 tổ chức đảng",
        "count",
        "28",
        "đảng viên",
        "đã thi hành kỷ luật",
        [("khiển trách", "19"), ("cảnh cáo", "8"), ("cách chức", "1")],
    ),
    (
        "đã tiếp nhận 37 đơn thư của công dân (*tố cáo: 11 đơn, khiếu nại: 09 đơn, phản ánh: 05 đơn, yêu cầu: 08 đơn và kiến nghị: 04 đơn*).",
        "count",
        "37",
        "đơn thư",
        "đã tiếp nhận",
        [
            ("tố cáo", "11"),
            ("khiếu nại", "9"),
            ("phản ánh", "5"),
            ("yêu cầu", "8"),
            ("kiến nghị", "4"),
        ],
    ),
    (
        "thi hành kỷ luật đối với 01 tổ chức đảng và 09 đảng viên (*kiến trách 08, cảnh cáo 01*)¹⁸;",
        "count",
        "1",
        "tổ chức đảng",
        "thi hành kỷ luật",
        [],
    ),
    (
        "Huyện ủy thi hành kỷ luật 01 đảng viên (01 khiển trách);",
        "count",
        "1",
        "đảng viên",
        "Huyện ủy thi hành kỷ luật",
        [("khiển trách", "1")],
    ),
    (
        "có 15 đơn vị hành chính trực thuộc (08 phường, 07 xã).",
        "count",
        "15",
        "đơn vị hành chính",
        "có",
        [("phường", "8"), ("xã", "7")],
    ),
    (
        "Ngân sách huyện: 106.394 triệu đồng (vốn phân cấp: 43.849 triệu đồng, vốn huyện: 1.545 triệu đồng, vốn từ nguồn thu sử dụng đất: 61.000 triệu đồng);",
        "money",
        "106394000000",
        "triệu đồng",
        "Ngân sách huyện",
        [
            ("vốn phân cấp", "43849000000"),
            ("vốn huyện", "1545000000"),
            ("vốn từ nguồn thu sử dụng đất", "61000000000"),
        ],
    ),
    (
        "tổng kinh phí bồi thường, hỗ trợ 1,99 tỷ đồng.",
        "money",
        "1990000000",
        "tỷ đồng",
        "hỗ trợ",
        [],
    ),
    (
        "Tổng vốn đầu tư công trên địa bàn huyện tính đến ngày 10/3/2024: 257.113 triệu đồng²⁰;",
        "money",
        "257113000000",
        "triệu đồng",
        "Tổng vốn đầu tư công trên địa bàn huyện tính đến ngày 10/3/2024",
        [],
    ),
    (
        "tổng giá trị thanh toán 935.960.000đ",
        "money",
        "935960000",
        "đ",
        "tổng giá trị thanh toán",
        [],
    ),
    (
        "với tổng diện tích đất thu hồi 1,37 ha và",
        "measure",
        "1.37",
        "ha",
        "với tổng diện tích đất thu hồi",
        [],
    ),
    (
        "Chỉ đạo phối hợp mở 02 lớp bồi dưỡng nhận thức về Đảng",
        "count",
        "2",
        "lớp",
        "Chỉ đạo phối hợp mở",
        [],
    ),
]


@pytest.mark.parametrize("text,kind,value,unit,label,parts", QUANTITIES)
def test_quantity_pattern(
    text: str, kind: str, value: str, unit: str, label: str, parts: list[tuple[str, str]]
) -> None:
    first = find_quantities(text)[0]
    assert (first.kind, first.value, first.unit, first.label) == (kind, Decimal(value), unit, label)
    assert [(p.label, p.value) for p in first.parts] == [(lab, Decimal(v)) for lab, v in parts]


@pytest.mark.parametrize(
    "text,value,denominator,unit,denominator_unit",
    [
        ("kết nạp 51/256 quần chúng vào đảng", "51", "256", "", "quần chúng"),  # 001 line 92
        ("đến nay đã giải quyết 19 đơn/26 vụ;", "19", "26", "đơn", "vụ"),  # 001 line 154
        ("228 đơn/214 vụ, tổng số", "228", "214", "đơn", "vụ"),  # 001 line 154
        ("đã đạt **55/63 tiêu chuẩn** đáp ứng", "55", "63", "", "tiêu chuẩn"),  # 001 line 132
        ("Trong đó, 15/15 Bí thư Đảng ủy các xã", "15", "15", "", "Bí thư"),  # 003 line 38
    ],
)
def test_ratio_pattern(
    text: str, value: str, denominator: str, unit: str, denominator_unit: str
) -> None:
    (ratio,) = [q for q in find_quantities(text) if q.kind == "ratio"]
    assert (ratio.value, ratio.denominator, ratio.unit, ratio.denominator_unit) == (
        Decimal(value),
        Decimal(denominator),
        unit,
        denominator_unit,
    )


@pytest.mark.parametrize(
    "text,value,of,ratio",
    [
        (
            "kết nạp 51/256 quần chúng vào đảng (19,92% chỉ tiêu được giao năm 2024);",
            "19.92",
            "chỉ tiêu được giao năm 2024",
            "51/256 quần chúng",
        ),
        (
            "đã kết nạp 165 đảng viên mới, đạt 91,7% chỉ tiêu tỉnh giao",
            "91.7",
            "chỉ tiêu tỉnh giao",
            None,
        ),
        (
            "đạt 254.055 triệu đồng, bằng 40,77% dự toán HĐND huyện giao năm 2024.",
            "40.77",
            "dự toán HĐND huyện giao năm 2024",
            None,
        ),
        (
            "Chỉ đạo hoàn thành công tác giao, nhận quân năm 2024 đúng kế hoạch, đạt 100% chỉ tiêu tỉnh giao.",
            "100",
            "chỉ tiêu tỉnh giao",
            None,
        ),
    ],
)
def test_percent_with_what_it_is_of_and_its_neighbouring_ratio(
    text: str, value: str, of: str, ratio: str | None
) -> None:
    (percent,) = [q for q in find_quantities(text) if q.kind == "percent"]
    assert (percent.value, percent.of) == (Decimal(value), of)
    assert (percent.ratio.text if percent.ratio else None) == ratio


def test_received_plus_carried_over_gives_labelled_ratios_for_the_checker() -> None:
    """001 line 152-154: the labels the checker needs to add received + carried over."""
    doc = extract(
        read_text(
            "I. KẾT QUẢ\n\nChỉ đạo thực hiện. Tổng số đơn tiếp nhận trong kỳ báo cáo:\n\n"
            "228 đơn/214 vụ, tổng số đơn kỳ trước chuyển sang: 03 đơn/03 vụ, tổng số đơn phải "
            "xử lý: 225 đơn/211 vụ.\n"
        )
    )
    assert [(q.label, q.value, q.denominator, q.line) for q in doc.quantities] == [
        ("Tổng số đơn tiếp nhận trong kỳ báo cáo", 228, 214, 5),
        ("tổng số đơn kỳ trước chuyển sang", 3, 3, 5),
        ("tổng số đơn phải xử lý", 225, 211, 5),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Quy hoạch chi tiết tỷ lệ 1/500 khu dân cư Làng Cá Sa Huỳnh",  # 000 line 31
        "CỦA HỘI NGHỊ THỊ ỦY LẦN THỨ 18 (KHÓA XXI)",  # 002 line 6
        "Hội nghị Huyện ủy lần thứ 17: Tháng 6 năm 2024",  # 001 line 178
        "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị",  # 000 line 23
        "giai đoạn 2021 - 2025 (đoạn qua địa bàn thị xã)",  # 000 line 15
        "Trong tháng 02/2024, Ban Thường vụ",  # 000 line 11
        "Kế hoạch sơ kết 03 năm thực hiện Kết luận",  # 000 line 23
        "kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024)",  # 000 line 49
        "Ngày Gia đình Việt Nam 28/6.",  # 001 line 276
        "theo Điều 32, Điều lệ Đảng",  # 001 line 86
        "kỳ họp thứ 17, 18",  # 001 line 114
    ],
)
def test_not_a_quantity(text: str) -> None:
    assert find_quantities(text) == []


def test_the_next_item_of_a_list_shares_the_label() -> None:
    text = "cấp ủy các cấp đã kiểm tra 254 lượt đảng viên, 99 lượt tổ chức đảng; giám sát 524 lượt đảng viên"
    assert [(q.text, q.label) for q in find_quantities(text)] == [
        ("254 lượt đảng viên", "cấp ủy các cấp đã kiểm tra"),
        ("99 lượt tổ chức đảng", "cấp ủy các cấp đã kiểm tra"),
        ("524 lượt đảng viên", "giám sát"),
    ]


def test_changes_in_parentheses_are_not_a_breakdown() -> None:
    text = "xảy ra 18 vụ, chết 10 người, bị thương 12 người (*tăng 04 vụ, tăng 02 người chết*)."
    by_text = {q.text: q for q in find_quantities(text)}
    assert by_text["12 người"].parts == []
    assert "04 vụ" in by_text  # the changes stay quantities of their own


@pytest.mark.parametrize(
    "text,label,title",
    [
        (
            "I- MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG THÁNG 02/2024",
            "I",
            "MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG THÁNG 02/2024",
        ),
        ("II. TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN", "II", "TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN"),
        ("1. Ban Thường vụ Thị ủy", "1", "Ban Thường vụ Thị ủy"),
        ("1.1. Tiếp tục tập trung lãnh đạo", "1.1", "Tiếp tục tập trung lãnh đạo"),
        (
            "1.1 Về đổi mới phương thức lãnh đạo của các cấp ủy đảng",
            "1.1",
            "Về đổi mới phương thức lãnh đạo của các cấp ủy đảng",
        ),
        ("2.10. Đổi mới phương thức lãnh đạo", "2.10", "Đổi mới phương thức lãnh đạo"),
        ("a) Về công tác cán bộ", "a", "Về công tác cán bộ"),
        ("PHẦN THỨ NHẤT: KẾT QUẢ", "PHẦN THỨ NHẤT", "KẾT QUẢ"),
    ],
)
def test_outline_label_shapes(text: str, label: str, title: str) -> None:
    found = label_of(text)
    assert found is not None
    assert (found[0], found[2]) == (label, title)


@pytest.mark.parametrize(
    "text",
    [
        "(1) *Công tác đấu tranh, ngăn chặn*: Đội ngũ cán bộ",  # 003 line 184
        "228 đơn/214 vụ, tổng số đơn",  # 001 line 154
        "Một là, phải thực sự coi trọng",  # 003 line 242
        "15 năm thi hành Điều lệ Đảng",
    ],
)
def test_not_an_outline_label(text: str) -> None:
    assert label_of(text) is None


def test_part_headings_nest_roman_sections_and_levels_follow_the_labels() -> None:
    # Built from model blocks: the outline stage only reads blocks (the .txt reader currently
    # joins a paragraph starting with "a)" to the one before, see the extract report).
    texts = [
        ("paragraph", "PHẦN THỨ NHẤT"), ("paragraph", "I. KẾT QUẢ"), ("heading", "1. Chính trị"),
        ("paragraph", "Nội dung."), ("heading", "1.1. Tư tưởng"), ("paragraph", "a) Học tập"),
        ("paragraph", "b) Làm theo"), ("paragraph", "PHẦN THỨ HAI"), ("paragraph", "I. NHIỆM VỤ"),
    ]  # fmt: skip
    blocks = [Block(kind=k, text=t, line=i + 1) for i, (k, t) in enumerate(texts)]  # type: ignore[arg-type]
    doc = Document(source="<blocks>", lines=[t for _, t in texts], blocks=blocks)

    def rows(sections: list[Section], out: list[tuple[str, int]]) -> list[tuple[str, int]]:
        for section in sections:
            out.append((section.label, section.level))
            rows(section.children, out)
        return out

    assert rows(extract_outline(doc, 0, len(blocks)), []) == [
        ("PHẦN THỨ NHẤT", 1), ("I", 2), ("1", 3), ("1.1", 4), ("a", 5), ("b", 5),
        ("PHẦN THỨ HAI", 1), ("I", 2),
    ]  # fmt: skip


def test_headings_without_labels_are_outline_items_with_an_empty_label() -> None:
    doc = extract(
        read_text(
            "# Tổng quan\n\nNội dung.\n\n## Chi tiết\n\nNội dung.\n\n**Kết luận chung**\n\n"
            "Nội dung cuối.\n\n**Một là,** phải coi trọng.\n",
            fmt="md",
        )
    )
    (root,) = doc.sections
    assert (root.label, root.title, root.level) == ("", "Tổng quan", 1)
    (child,) = root.children
    assert (child.label, child.title, child.level) == ("", "Chi tiết", 2)
    assert [(g.title, g.level) for g in child.children] == [("Kết luận chung", 3)]


def test_markdown_heading_level_does_not_decide_the_outline_level() -> None:
    """Seed 003 writes ``## **2. …**`` beside ``### **1. …**``: the labels decide."""
    doc = extract(
        read_text(
            "## **IV. ĐÁNH GIÁ CHUNG**\n\n### **1. Ưu điểm**\n\nNội dung.\n\n"
            "## **2. Hạn chế**\n\n### **2.1. Hạn chế, khuyết điểm**\n\nNội dung.\n",
            fmt="md",
        )
    )
    (root,) = doc.sections
    assert [(c.label, c.level, [g.label for g in c.children]) for c in root.children] == [
        ("1", 2, []),
        ("2", 2, ["2.1"]),
    ]


@pytest.mark.parametrize(
    "text,number,symbol,kind,summary,place,date,draft",
    [
        (
            "Số 708-BC/TU\n\nĐức Phổ, ngày 26 tháng 02 năm 2024\n\nBÁO CÁO\ncông tác tháng 02\n\nI. KẾT QUẢ\n",
            "708",
            "708-BC/TU",
            "BÁO CÁO",
            "công tác tháng 02",
            "Đức Phổ",
            dt.date(2024, 2, 26),
            False,
        ),
        (
            "*\nSố -BC/HU\n\nDự thảo\n\nBÁO CÁO\ntình hình công tác quý I;\nnhiệm vụ trọng tâm quý II năm 2024\n\nI. KẾT QUẢ\n",
            "",
            "-BC/HU",
            "BÁO CÁO",
            "tình hình công tác quý I; nhiệm vụ trọng tâm quý II năm 2024",
            "",
            None,
            True,
        ),
        (
            "Số -KL/TU\n\nKẾT LUẬN\nCỦA HỘI NGHỊ THỊ ỦY LẦN THỨ 18 (KHÓA XXI)\nvề tình hình thực hiện nhiệm vụ 9 tháng\n\nI- TÌNH HÌNH\n",
            "",
            "-KL/TU",
            "KẾT LUẬN",
            "về tình hình thực hiện nhiệm vụ 9 tháng",
            "",
            None,
            False,
        ),
    ],
)
def test_header_pattern(
    text: str, number: str, symbol: str, kind: str, summary: str, place: str,
    date: dt.date | None, draft: bool,
) -> None:  # fmt: skip
    header = extract(read_text(text)).header
    assert (header.number, header.symbol, header.kind, header.summary) == (
        number,
        symbol,
        kind,
        summary,
    )
    assert (header.place, header.date, header.draft) == (place, date, draft)


def test_a_citation_in_the_summary_line_is_found_but_not_the_own_number() -> None:
    text = (
        "Số 12-BC/TU\n\nBÁO CÁO\ntổng kết 10 năm thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016\n\n"
        "I. KẾT QUẢ\n\nNội dung.\n"
    )
    doc = extract(read_text(text))
    assert [(c.symbol, c.line) for c in doc.citations] == [("05-CT/TW", 4)]
    assert doc.header.symbol == "12-BC/TU"


@pytest.mark.parametrize(
    "line,number,symbol",
    [
        ("Số: 177/BC-UBND", "177", "177/BC-UBND"),  # a State report (cited in seed 001 line 118)
        ("Số:   /BC-UBND", "", "/BC-UBND"),  # its unnumbered draft
        ("Số 2412-KL/TU", "2412", "2412-KL/TU"),  # seed 002 line 24's conclusion, as issued
    ],
)
def test_header_number_shapes(line: str, number: str, symbol: str) -> None:
    header = extract(read_text(f"{line}\n\nBÁO CÁO\ntình hình\n\nI. KẾT QUẢ\n")).header
    assert (header.number, header.symbol, header.lines["number"]) == (number, symbol, 1)


def test_header_bodies_superior_then_issuer() -> None:
    text = "TỈNH ỦY QUẢNG NGÃI\nTHỊ ỦY ĐỨC PHỔ\n*\nSố 708-BC/TU\n\nBÁO CÁO\ncông tác tháng 02\n\nI. KẾT QUẢ\n"
    header = extract(read_text(text)).header
    assert (header.superior, header.issuer) == ("TỈNH ỦY QUẢNG NGÃI", "THỊ ỦY ĐỨC PHỔ")
    assert (header.lines["superior"], header.lines["issuer"], header.lines["number"]) == (1, 2, 4)


@pytest.mark.parametrize(
    "closing,capacity,title,name",
    [
        (
            "**T/M BAN THƯỜNG VỤ\nBÍ THƯ**\n\nĐỗ Tâm Hiền\n",
            "T/M BAN THƯỜNG VỤ",
            "BÍ THƯ",
            "Đỗ Tâm Hiền",
        ),
        ("T/M HUYỆN ỦY\nBÍ THƯ\n\nVõ Văn Đồng\n", "T/M HUYỆN ỦY", "BÍ THƯ", "Võ Văn Đồng"),
        ("K/T BÍ THƯ\nPHÓ BÍ THƯ\n\nNguyễn Văn A\n", "K/T BÍ THƯ", "PHÓ BÍ THƯ", "Nguyễn Văn A"),
        ("**T/M BAN THƯỜNG VỤ**\n", "T/M BAN THƯỜNG VỤ", "", ""),
    ],
)
def test_signature_pattern(closing: str, capacity: str, title: str, name: str) -> None:
    doc = extract(
        read_text("I. KẾT QUẢ\n\nNội dung.\n\nNơi nhận:\n\n- Lưu VP.\n\n" + closing, fmt="md")
    )
    assert doc.signature is not None
    assert (doc.signature.capacity, doc.signature.title, doc.signature.name) == (
        capacity,
        title,
        name,
    )
    assert doc.recipients == ["Lưu VP"]


def test_units_are_vocab_data_with_a_source() -> None:
    """The unit words live in capuy/vocab/ (domain knowledge as data), read by its loader."""
    from importlib import resources

    from capuy.extract.tokens import unit_data
    from capuy.vocab.loader import load_data

    assert resources.files("capuy.vocab").joinpath("units.yaml").is_file()
    assert not resources.files("capuy.extract").joinpath("data").is_dir()
    data = load_data("units")
    assert "seed reports" in data["source"]
    assert "tổ chức cơ sở đảng" in unit_data().count_units
    assert unit_data().money_scales["tỷ"] == 1_000_000_000


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # seed 000:27 — a count alone in brackets takes the clause before the brackets
        (
            "(1) Xem xét, quyết định công nhận đảng viên chính thức (09 đồng chí), kết nạp "
            "đảng viên (06 đồng chí). Cho ra khỏi Đảng (02 trường hợp) và xóa tên trong danh "
            "sách đảng viên (01 trường hợp)",
            [
                "quyết định công nhận đảng viên chính thức",
                "kết nạp đảng viên",
                "Cho ra khỏi Đảng",
                "và xóa tên trong danh sách đảng viên",
            ],
        ),
        # seed 000:55 — linking words at the end are not part of what is counted
        (
            "đã kết nạp được 06 đảng viên mới, công nhận đảng viên chính thức cho 09 đảng viên",
            ["đã kết nạp", "công nhận đảng viên chính thức"],
        ),
    ],
)
def test_quantity_labels_say_what_is_counted(text: str, labels: list[str]) -> None:
    assert [q.label for q in find_quantities(text)] == labels


@pytest.mark.parametrize(
    ("text", "author"),
    [
        # seed 003:88, 002:32 — the body is the subject before the citation
        (
            "trong đó, Thị ủy đã ban hành Nghị quyết số 03-NQ/TU ngày 01/11/2021 về xây dựng",
            "Thị ủy",
        ),
        ("đã được Thị ủy xác định tại Kế hoạch số 206-KH/TU ngày 24/7/2024 về thực hiện", "Thị ủy"),
        # nothing names the body: left empty rather than guessed
        ("tại Chương trình số 30-CTr/HU ngày 19/12/2023 chương trình kiểm tra", ""),
        # "của …" after the citation still wins
        (
            "Thị ủy đã ban hành Kế hoạch số 206-KH/TU ngày 24/7/2024 của Ban Thường vụ Thị ủy",
            "Ban Thường vụ Thị ủy",
        ),
    ],
)
def test_citation_author_written_before_it(text: str, author: str) -> None:
    assert find_citations(text)[0].author == author
