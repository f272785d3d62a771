"""Dates: every written form, seeds' own lines, calendar validity."""

from __future__ import annotations

import re
from datetime import date

import pytest

from capuy.text import find_dates, parse_date
from tests.conftest import seed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ngày 24/11/2023", date(2023, 11, 24)),
        ("24-11-2023", date(2023, 11, 24)),
        ("24/11/2023", date(2023, 11, 24)),
        ("24.11.2023", date(2023, 11, 24)),
        ("ngày 26 tháng 02 năm 2024", date(2024, 2, 26)),
        ("Ngày 26 tháng 2 năm 2024", date(2024, 2, 26)),
        ("ngày 05/02/2024", date(2024, 2, 5)),
        ("05/02/2024", date(2024, 2, 5)),
        ("03/02/1930", date(1930, 2, 3)),
        ("ngày 5/2/2024", date(2024, 2, 5)),
        ("ngày 18/5/2021", date(2021, 5, 18)),
        ("29/02/2024", date(2024, 2, 29)),
        ("31/02/2024", None),  # not a calendar date
        ("29/02/2023", None),
        ("01/13/2024", None),
        ("tháng 12/2023", None),  # a month, not a date
        ("51/256", None),  # a ratio
        ("ngày 24/11", None),
        ("24/11/23", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_find_dates_keeps_the_numbers_of_an_impossible_date() -> None:
    (match,) = find_dates("Kết luận số 99-KL/HU ngày 31/02/2024 của Ban Thường vụ")
    assert (match.day, match.month, match.year, match.date) == (31, 2, 2024, None)
    assert match.raw == "ngày 31/02/2024"


@pytest.mark.parametrize(
    ("line", "dates"),
    [
        # seed 000: the anniversary in brackets, two dates and no ratio
        (
            "kỷ niệm 94 năm ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024).",
            [date(1930, 2, 3), date(2024, 2, 3)],
        ),
        (
            "Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương",
            [date(2023, 11, 24)],
        ),
        ("Đức Phổ, ngày 26 tháng 02 năm 2024", [date(2024, 2, 26)]),
        # seed 000 appendix: the same range without spaces
        ("Đảng Cộng sản Việt Nam (03/02/1930-03/02/2024);", [date(1930, 2, 3), date(2024, 2, 3)]),
        ("Tính đến 31/12/2023, toàn Đảng bộ có", [date(2023, 12, 31)]),
        ("Quyết định số 48/2021/QĐ-UBND, Nghị quyết số 26/2022/UBTVQH15", []),
        ("kết nạp 51/256 quần chúng, tỷ lệ 1/50, 05/15 tổ chức", []),
        ("công tác tháng 12/2023 và quý I/2024", []),
        ("từ ngày 15/12/2023 đến ngày 14/3/2024", [date(2023, 12, 15), date(2024, 3, 14)]),
    ],
)
def test_find_dates_in_seed_lines(line: str, dates: list[date]) -> None:
    assert [m.date for m in find_dates(line)] == dates


def test_offsets_point_at_the_raw_text() -> None:
    line = "Tại Hội nghị ngày 11/10/2024, Ban Chấp hành"
    (match,) = find_dates(line)
    assert line[match.start : match.end] == match.raw == "ngày 11/10/2024"


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_every_numeric_date_in_the_seeds_is_found(prefix: str) -> None:
    """Every dd/mm/yyyy of a seed is found, and nothing else (no ratio, no State symbol)."""
    text = seed(prefix).read_text(encoding="utf-8")
    expected = re.findall(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])", text)
    found = [m.raw.removeprefix("ngày ").removeprefix("Ngày ") for m in find_dates(text)]
    numeric = [raw for raw in found if "tháng" not in raw]
    assert numeric == expected
    assert all(m.date is not None for m in find_dates(text))
