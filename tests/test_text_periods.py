"""Periods: every form of issue 2 item 2, from the seeds' own lines."""

from __future__ import annotations

from datetime import date

import pytest

from capuy.text import day_before, find_periods, parse_period, shift_months
from tests.conftest import seed


@pytest.mark.parametrize(
    ("text", "year", "kind", "start", "end", "label"),
    [
        ("tháng 02/2024", None, "month", date(2024, 2, 1), date(2024, 2, 29), "tháng 02/2024"),
        ("tháng 12/2023", None, "month", date(2023, 12, 1), date(2023, 12, 31), "tháng 12/2023"),
        ("tháng 3 năm 2024", None, "month", date(2024, 3, 1), date(2024, 3, 31), "tháng 03/2024"),
        ("tháng 02", 2024, "month", date(2024, 2, 1), date(2024, 2, 29), "tháng 02/2024"),
        ("quý I/2024", None, "quarter", date(2024, 1, 1), date(2024, 3, 31), "quý I/2024"),
        ("quý II/2024", None, "quarter", date(2024, 4, 1), date(2024, 6, 30), "quý II/2024"),
        ("quý IV năm 2024", None, "quarter", date(2024, 10, 1), date(2024, 12, 31), "quý IV/2024"),
        ("QUÝ III", 2024, "quarter", date(2024, 7, 1), date(2024, 9, 30), "quý III/2024"),
        (
            "9 tháng đầu năm 2024",
            None,
            "first_months",
            date(2024, 1, 1),
            date(2024, 9, 30),
            "9 tháng đầu năm 2024",
        ),
        (
            "9 tháng đầu năm",
            2024,
            "first_months",
            date(2024, 1, 1),
            date(2024, 9, 30),
            "9 tháng đầu năm 2024",
        ),
        (
            "06 tháng đầu năm 2024",
            None,
            "first_months",
            date(2024, 1, 1),
            date(2024, 6, 30),
            "6 tháng đầu năm 2024",
        ),
        (
            "6 tháng cuối năm",
            2024,
            "last_months",
            date(2024, 7, 1),
            date(2024, 12, 31),
            "6 tháng cuối năm 2024",
        ),
        (
            "3 tháng cuối năm 2024",
            None,
            "last_months",
            date(2024, 10, 1),
            date(2024, 12, 31),
            "3 tháng cuối năm 2024",
        ),
        (
            "nhiệm kỳ 2020 - 2025",
            None,
            "term",
            date(2020, 1, 1),
            date(2025, 12, 31),
            "nhiệm kỳ 2020 - 2025",
        ),
        (
            "nhiệm kỳ 2020-2025",
            None,
            "term",
            date(2020, 1, 1),
            date(2025, 12, 31),
            "nhiệm kỳ 2020 - 2025",
        ),
        (
            "nhiệm kỳ 2024 – 2029",
            None,
            "term",
            date(2024, 1, 1),
            date(2029, 12, 31),
            "nhiệm kỳ 2024 - 2029",
        ),
        (
            "giai đoạn 2021 - 2025",
            None,
            "stage",
            date(2021, 1, 1),
            date(2025, 12, 31),
            "giai đoạn 2021 - 2025",
        ),
        (
            "từ ngày 15/12/2023 đến ngày 14/3/2024",
            None,
            "range",
            date(2023, 12, 15),
            date(2024, 3, 14),
            "từ ngày 15/12/2023 đến ngày 14/03/2024",
        ),
        (
            "từ ngày 27/01 đến ngày 26/02/2024",
            None,
            "range",
            date(2024, 1, 27),
            date(2024, 2, 26),
            "từ ngày 27/01/2024 đến ngày 26/02/2024",
        ),
        (
            "từ ngày 27/12 đến ngày 26/01/2024",
            None,
            "range",
            date(2023, 12, 27),
            date(2024, 1, 26),
            "từ ngày 27/12/2023 đến ngày 26/01/2024",
        ),
        ("năm 2024", None, "year", date(2024, 1, 1), date(2024, 12, 31), "năm 2024"),
    ],
)
def test_parse_period(text, year, kind, start, end, label) -> None:
    period = parse_period(text, year=year)
    assert (period.kind, period.start, period.end, period.label) == (kind, start, end, label)


@pytest.mark.parametrize(
    "text",
    [
        "6 tháng cuối năm",
        "quý III",
        "tháng 02",
        "tháng 13/2024",
        "quý V/2024",
        "13 tháng đầu năm 2024",
        "nhiệm kỳ 2025 - 2020",
        "từ ngày 31/02/2024 đến ngày 14/3/2024",
        "từ ngày 15/3/2024 đến ngày 14/3/2024",
        "94 năm",
        "hôm nay",
        "",
    ],
)
def test_parse_period_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_period(text)


@pytest.mark.parametrize(
    ("line", "year", "labels"),
    [
        # seed 000 title line
        (
            "công tác tháng 02, nhiệm vụ trọng tâm tháng 3 năm 2024",
            2024,
            ["tháng 02/2024", "tháng 03/2024"],
        ),
        ("công tác tháng 02, nhiệm vụ trọng tâm tháng 3 năm 2024", None, ["tháng 03/2024"]),
        # seed 002 title and body
        ("về tình hình thực hiện nhiệm vụ 9 tháng đầu năm;", None, []),
        ("về tình hình thực hiện nhiệm vụ 9 tháng đầu năm;", 2024, ["9 tháng đầu năm 2024"]),
        ("nhiệm vụ, giải pháp 3 tháng cuối năm 2024", None, ["3 tháng cuối năm 2024"]),
        (
            "về kết quả thực hiện nhiệm vụ quý III và 9 tháng đầu năm 2024; nhiệm vụ trọng tâm "
            "quý IV năm 2024",
            2024,
            ["quý III/2024", "9 tháng đầu năm 2024", "quý IV/2024"],
        ),
        # seed 001
        (
            "2.2. Đánh giá tình hình thực hiện công tác 06 tháng đầu năm 2024, nhiệm vụ trọng tâm "
            "06 tháng cuối năm 2024.",
            None,
            ["6 tháng đầu năm 2024", "6 tháng cuối năm 2024"],
        ),
        ("Chương trình công tác quý I/2024 của Mặt trận Tổ quốc", None, ["quý I/2024"]),
        ("cao tốc Bắc - Nam phía Đông, giai đoạn 2021 - 2025", None, ["giai đoạn 2021 - 2025"]),
        (
            "Đại hội Đảng bộ thị xã lần thứ XXI, nhiệm kỳ 2020 - 2025",
            None,
            ["nhiệm kỳ 2020 - 2025"],
        ),
        (
            "kỷ niệm 94 năm ngày thành lập Đảng; tết Nguyên đán Giáp Thìn năm 2024",
            None,
            ["năm 2024"],
        ),
        ("kỷ niệm (03/02/1930 - 03/02/2024)", None, ["từ ngày 03/02/1930 đến ngày 03/02/2024"]),
        ("kết nạp 51/256 quần chúng; 06 đảng viên", 2024, []),
        # seed 000: the reporting window of a monthly report
        (
            "(kỳ báo cáo từ ngày 27/01/2024 đến ngày 26/02/2024)",
            None,
            ["từ ngày 27/01/2024 đến ngày 26/02/2024"],
        ),
    ],
)
def test_find_periods_in_seed_lines(line: str, year, labels: list[str]) -> None:
    found = find_periods(line, year=year)
    assert [p.label for _, _, p in found] == labels
    for start, end, period in found:
        assert parse_period(line[start:end], year=year) == period


@pytest.mark.parametrize(
    ("prefix", "year", "label"),
    [
        ("000", 2024, "tháng 03/2024"),
        ("001", 2024, "quý I/2024"),
        ("002", 2024, "9 tháng đầu năm 2024"),
        ("003", 2024, "nhiệm kỳ 2020 - 2025"),
    ],
)
def test_periods_found_in_each_seed(prefix: str, year: int, label: str) -> None:
    text = seed(prefix).read_text(encoding="utf-8")
    assert label in {p.label for _, _, p in find_periods(text, year=year)}


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2024, 1, 27), 1, date(2024, 2, 27)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 12, 15), 3, date(2025, 3, 15)),
        (date(2024, 1, 15), -1, date(2023, 12, 15)),
    ],
)
def test_shift_months(day: date, months: int, expected: date) -> None:
    assert shift_months(day, months) == expected


def test_day_before() -> None:
    assert day_before(date(2024, 3, 1)) == date(2024, 2, 29)
