"""Report kinds and counting windows, checked against the seeds' own windows."""

from __future__ import annotations

from datetime import date

import pytest

from capuy.text import parse_period
from capuy.vocab import (
    report_period,
    report_period_for,
    report_periods,
    report_window,
    window_rule,
    window_rules,
)
from capuy.vocab.report_periods import WindowRule


def test_every_kind_is_there_with_a_vietnamese_name_and_source() -> None:
    codes = [k.code for k in report_periods()]
    assert codes == [
        "monthly",
        "quarterly",
        "six_month",
        "nine_month",
        "yearly",
        "mid_term",
        "term",
        "conclusion",
        "thematic",
    ]
    assert all(k.name and k.source for k in report_periods())
    mid = report_period("mid_term")
    assert mid is not None and "giữa nhiệm kỳ" in mid.name and mid.months is None


@pytest.mark.parametrize(
    ("code", "year", "index", "rule", "start", "end", "label"),
    [
        # seed 000: "kỳ báo cáo từ ngày 27/01/2024 đến ngày 26/02/2024"
        ("monthly", 2024, 2, "27-26", date(2024, 1, 27), date(2024, 2, 26), "tháng 02/2024"),
        ("monthly", 2024, 1, "27-26", date(2023, 12, 27), date(2024, 1, 26), "tháng 01/2024"),
        # seed 001: quarter I counted "từ ngày 15/12/2023 đến ngày 14/3/2024"
        ("quarterly", 2024, 1, "15-14", date(2023, 12, 15), date(2024, 3, 14), "quý I/2024"),
        ("monthly", 2024, 3, "15-14", date(2024, 2, 15), date(2024, 3, 14), "tháng 03/2024"),
        (
            "six_month",
            2024,
            None,
            "15-14",
            date(2023, 12, 15),
            date(2024, 6, 14),
            "6 tháng đầu năm 2024",
        ),
        ("yearly", 2024, None, "15-14", date(2023, 12, 15), date(2024, 12, 14), "năm 2024"),
        (
            "nine_month",
            2024,
            None,
            "calendar",
            date(2024, 1, 1),
            date(2024, 9, 30),
            "9 tháng đầu năm 2024",
        ),
        ("quarterly", 2024, 4, "calendar", date(2024, 10, 1), date(2024, 12, 31), "quý IV/2024"),
        ("monthly", 2024, 2, "calendar", date(2024, 2, 1), date(2024, 2, 29), "tháng 02/2024"),
    ],
)
def test_report_window(code, year, index, rule, start, end, label) -> None:
    window = report_window(code, year, index, rule)
    assert (window.start, window.end, window.label) == (start, end, label)


def test_window_matches_the_seed_strings() -> None:
    assert (
        report_window("monthly", 2024, 2, "27-26").start,
        report_window("monthly", 2024, 2, "27-26").end,
    ) == (
        parse_period("từ ngày 27/01/2024 đến ngày 26/02/2024").start,
        parse_period("từ ngày 27/01/2024 đến ngày 26/02/2024").end,
    )


def test_a_custom_rule_is_clamped_to_short_months() -> None:
    rule = WindowRule(code="31-30", name="test", start_day=31, end_day=30, source="test")
    window = report_window("monthly", 2024, 3, rule)
    assert (window.start, window.end) == (date(2024, 2, 29), date(2024, 3, 30))


@pytest.mark.parametrize(
    ("code", "index", "rule"),
    [
        ("monthly", None, "calendar"),
        ("monthly", 13, "calendar"),
        ("quarterly", 5, "calendar"),
        ("yearly", 1, "calendar"),
        ("term", None, "calendar"),
        ("weekly", None, "calendar"),
        ("monthly", 2, "10-9"),
    ],
)
def test_report_window_refuses(code: str, index, rule: str) -> None:
    with pytest.raises(ValueError):
        report_window(code, 2024, index, rule)


def test_rules() -> None:
    assert [r.code for r in window_rules()] == ["calendar", "27-26", "15-14"]
    assert "09/2019/NĐ-CP" in window_rule("15-14").source


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("tháng 02/2024", "monthly"),  # seed 000
        ("quý I/2024", "quarterly"),  # seed 001
        ("06 tháng đầu năm 2024", "six_month"),
        ("9 tháng đầu năm 2024", "nine_month"),  # seed 002
        ("năm 2024", "yearly"),
        ("nhiệm kỳ 2020 - 2025", "term"),  # seed 003
        ("3 tháng cuối năm 2024", None),
        ("từ ngày 27/01/2024 đến ngày 26/02/2024", None),
        ("giai đoạn 2021 - 2025", None),
    ],
)
def test_report_period_for(text: str, code: str | None) -> None:
    kind = report_period_for(parse_period(text))
    assert (kind.code if kind else None) == code
