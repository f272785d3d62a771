"""Kinds of periodic report and the windows their figures are counted over.

A monthly report of a Party committee office usually counts from the 27th of the previous
month to the 26th (seed 000: 27/01–26/02/2024); State bodies count from the 15th to the 14th
(Nghị định 09/2019/NĐ-CP, and seed 001's 15/12/2023–14/3/2024 for quarter I). The rule is
data, chosen per office, so ``report_window`` takes it as a parameter.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from functools import cache

from capuy.text.numbers import int_to_roman
from capuy.text.periods import Period, shift_months
from capuy.vocab.loader import load_data, resolve_source

__all__ = [
    "ReportPeriodKind",
    "period_label",
    "WindowRule",
    "report_period",
    "report_period_for",
    "report_periods",
    "report_window",
    "window_rule",
    "window_rules",
]


@dataclass(frozen=True, slots=True)
class WindowRule:
    """Where counting starts and stops: ``start_day`` of the month before the period's first
    month to ``end_day`` of its last month; both None for whole calendar months."""

    code: str
    name: str
    start_day: int | None
    end_day: int | None
    source: str


@dataclass(frozen=True, slots=True)
class ReportPeriodKind:
    """A kind of periodic report: ``code`` (monthly, quarterly, six_month, nine_month, yearly,
    mid_term, term, conclusion, thematic), Vietnamese ``name``, the words that name its period
    in a title, and ``months`` covered (None when the period is not a fixed calendar span)."""

    code: str
    name: str
    period_words: tuple[str, ...]
    months: int | None
    source: str
    note: str = ""
    grammar: str = ""  # how its period is spelled and steps (report_periods.yaml)
    example: str = ""  # a spelling of its period, for error messages


@cache
def _kinds() -> tuple[ReportPeriodKind, ...]:
    data = load_data("report_periods")
    return tuple(
        ReportPeriodKind(
            code=entry["code"],
            name=entry["name"],
            period_words=tuple(entry.get("period_words") or ()),
            months=entry.get("months"),
            source=resolve_source(entry, data["sources"], "report_periods.yaml kinds"),
            note=(entry.get("note") or "").strip(),
            grammar=str(entry.get("grammar") or ""),
            example=str(entry.get("example") or ""),
        )
        for entry in data["kinds"]
    )


@cache
def _rules() -> tuple[WindowRule, ...]:
    data = load_data("report_periods")
    return tuple(
        WindowRule(
            code=str(entry["code"]),
            name=entry["name"],
            start_day=entry.get("start_day"),
            end_day=entry.get("end_day"),
            source=resolve_source(entry, data["sources"], "report_periods.yaml window_rules"),
        )
        for entry in data["window_rules"]
    )


def report_periods() -> list[ReportPeriodKind]:
    """Every kind of periodic report, shortest period first."""
    return list(_kinds())


def report_period(code: str) -> ReportPeriodKind | None:
    """The kind with that code ("monthly", "mid_term" …), or None."""
    return next((kind for kind in _kinds() if kind.code == code), None)


_KIND_OF_PERIOD = {"month": "monthly", "quarter": "quarterly", "year": "yearly", "term": "term"}
_KIND_OF_FIRST_MONTHS = {6: "six_month", 9: "nine_month", 12: "yearly"}


def report_period_for(period: Period) -> ReportPeriodKind | None:
    """The kind of report that covers ``period`` as ``capuy.text.parse_period`` reads it
    ("tháng 02/2024" → monthly, "9 tháng đầu năm 2024" → nine_month), or None (a range, the
    last months of a year, a stage)."""
    if period.kind == "first_months":
        months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month
        code = _KIND_OF_FIRST_MONTHS.get(months + 1)
    else:
        code = _KIND_OF_PERIOD.get(period.kind)
    return report_period(code) if code else None


def window_rules() -> list[WindowRule]:
    """The counting-window rules: "calendar", "27-26", "15-14"."""
    return list(_rules())


def window_rule(code: str) -> WindowRule:
    """The rule with that code; ValueError for an unknown one."""
    for rule in _rules():
        if rule.code == code:
            return rule
    raise ValueError(f"unknown window rule {code!r}; expected one of {[r.code for r in _rules()]}")


@cache
def _labels() -> dict[str, str]:
    data = load_data("report_periods")
    return {
        entry["name"]: entry["format"]
        for entry in data.get("labels", [])
        if resolve_source(entry, data["sources"], "report_periods.yaml")
    }


def period_label(name: str, **values: object) -> str:
    """A period's name from its format in ``report_periods.yaml`` (``labels``):
    ``period_label("quarter", quarter="I", year=2024)`` is "quý I/2024"."""
    return _labels()[name].format(**values)


def _first_month(kind: ReportPeriodKind, year: int, index: int | None) -> tuple[int, str]:
    """The first calendar month of the period and its label."""
    if kind.grammar == "month":
        if index is None or not 1 <= index <= 12:
            raise ValueError(f"a {kind.code} report needs its month (1–12)")
        return index, period_label("month", month=f"{index:02d}", year=year)
    if kind.grammar == "quarter":
        if index is None or not 1 <= index <= 4:
            raise ValueError(f"a {kind.code} report needs its quarter (1–4)")
        return 3 * index - 2, period_label("quarter", quarter=int_to_roman(index), year=year)
    if index is not None:
        raise ValueError(f"a {kind.code} report has no index")
    if kind.months == 12:
        return 1, period_label("year", year=year)
    return 1, period_label("first_months", months=kind.months, year=year)


def _clamped(year: int, month: int, day: int) -> date:
    """``day`` of that month, or its last day when the month is shorter (a rule "30-29")."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def report_window(
    code: str, year: int, index: int | None = None, rule: str | WindowRule = "calendar"
) -> Period:
    """The days a report's figures cover: ``report_window("monthly", 2024, 2, "27-26")`` is
    27/01/2024–26/02/2024; ``("quarterly", 2024, 1, "15-14")`` is 15/12/2023–14/3/2024.

    Only kinds with a fixed span (monthly, quarterly, six_month, nine_month, yearly) have one.
    """
    kind = report_period(code)
    if kind is None:
        raise ValueError(f"unknown report kind {code!r}")
    if kind.months is None:
        raise ValueError(f"a {code} report has no fixed calendar window")
    the_rule = window_rule(rule) if isinstance(rule, str) else rule
    first_month, label = _first_month(kind, year, index)
    last_month = first_month + kind.months - 1
    if the_rule.start_day is None or the_rule.end_day is None:
        start = date(year, first_month, 1)
        end = date(year, last_month, calendar.monthrange(year, last_month)[1])
    else:
        before = shift_months(date(year, first_month, 1), -1)
        start = _clamped(before.year, before.month, the_rule.start_day)
        end = _clamped(year, last_month, the_rule.end_day)
    return Period(code, start, end, label)
