"""Vietnamese numbers, money and Roman numerals, with cases from the seeds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from capuy.text import (
    format_count,
    format_number,
    format_percent,
    int_to_roman,
    parse_money,
    parse_number,
    parse_percent,
    roman_to_int,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.044,9", "1044.9"),  # seed 002: "1.044,9 tỷ đồng"
        ("257.113", "257113"),  # seed 001: "257.113 triệu đồng"
        ("09", "9"),  # "09 đồng chí"
        ("06", "6"),
        ("19,92%", "19.92"),  # seed 000: "19,92% chỉ tiêu"
        ("3,76", "3.76"),
        ("91,7%", "91.7"),
        ("100%", "100"),
        ("3.621,6", "3621.6"),
        ("935.960.000", "935960000"),
        ("0", "0"),
        ("-2,5", "-2.5"),
        (" 28,2 % ", "28.2"),
    ],
)
def test_parse_number(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "1.5", "1.0000", "1,2,3", "12.34.5", "1,", ",5", "%"])
def test_parse_number_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


def test_parse_percent_needs_the_sign() -> None:
    assert parse_percent("92,64%") == Decimal("92.64")
    with pytest.raises(ValueError):
        parse_percent("92,64")


@pytest.mark.parametrize(
    ("text", "dong"),
    [
        ("1,1 tỷ đồng", 1_100_000_000),
        ("935.960.000đ", 935_960_000),
        ("257.113 triệu đồng", 257_113_000_000),
        ("1.044,9 tỷ đồng", 1_044_900_000_000),  # seed 002
        ("1,99 tỷ đồng", 1_990_000_000),  # seed 003
        ("9.660 triệu đồng", 9_660_000_000),
        ("500 nghìn đồng", 500_000),
        ("12 ngàn đồng", 12_000),
        ("3 đồng", 3),
        ("2 tỉ đồng", 2_000_000_000),
        ("935.960.000 VNĐ", 935_960_000),
    ],
)
def test_parse_money(text: str, dong: int) -> None:
    assert parse_money(text) == dong


@pytest.mark.parametrize("text", ["", "tỷ đồng", "09 đồng chí", "abc đồng", "1.5 tỷ đồng"])
def test_parse_money_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_money(text)


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (Decimal("1044.9"), None, "1.044,9"),
        (Decimal("257113"), None, "257.113"),
        (Decimal("935960000"), None, "935.960.000"),
        (Decimal("3.76"), None, "3,76"),
        (Decimal("19.9155"), 2, "19,92"),
        (Decimal("0.5"), 0, "1"),
        (Decimal("-1234.5"), 1, "-1.234,5"),
        (12, None, "12"),
    ],
)
def test_format_number(value, places, text: str) -> None:
    assert format_number(value, places) == text


@pytest.mark.parametrize(
    ("n", "text"), [(0, "00"), (9, "09"), (19, "19"), (256, "256"), (1234, "1.234")]
)
def test_format_count(n: int, text: str) -> None:
    assert format_count(n) == text


@pytest.mark.parametrize("bad", [-1, 1.5, True])
def test_format_count_refuses(bad) -> None:
    with pytest.raises(ValueError):
        format_count(bad)


@pytest.mark.parametrize(
    ("value", "text"), [(Decimal("19.92"), "19,92%"), (Decimal("91.7"), "91,70%"), (100, "100,00%")]
)
def test_format_percent(value, text: str) -> None:
    assert format_percent(value) == text


@pytest.mark.parametrize(
    ("roman", "n"),
    [
        ("I", 1),
        ("IV", 4),
        ("IX", 9),
        ("XIII", 13),
        ("XIV", 14),
        ("XXI", 21),
        ("XXII", 22),
        ("MMXXIV", 2024),
    ],
)
def test_roman(roman: str, n: int) -> None:
    assert roman_to_int(roman) == n
    assert int_to_roman(n) == roman


@pytest.mark.parametrize("bad", ["", "IIII", "VX", "IC", "ABC", "XIIII"])
def test_roman_refuses(bad: str) -> None:
    with pytest.raises(ValueError):
        roman_to_int(bad)


@pytest.mark.parametrize("bad", [0, 4000, -3])
def test_int_to_roman_refuses(bad: int) -> None:
    with pytest.raises(ValueError):
        int_to_roman(bad)


def test_only_ascii_digits_are_numbers() -> None:
    with pytest.raises(ValueError):
        parse_number("١٢")  # Arabic-Indic digits are not how reports write numbers
