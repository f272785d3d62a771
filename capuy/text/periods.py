"""Periods as reports name them: a month, a quarter, the first nine months, a term, a range.

"tháng 02/2024", "quý I/2024", "9 tháng đầu năm 2024", "06 tháng cuối năm" (the year comes
from the context, given as ``year=``), "năm 2024", "nhiệm kỳ 2020 - 2025", "giai đoạn
2021 - 2025", "từ ngày 15/12/2023 đến ngày 14/3/2024". Each becomes a ``Period`` with its
first and last day, so a checker can compare the period a report claims with the dates it
cites, and a composer can select the records that fall inside it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from capuy.text.dates import to_date
from capuy.text.normalize import nfc
from capuy.text.numbers import roman_to_int

__all__ = ["Period", "find_periods", "parse_period"]

# Period kinds (also the values of Period.kind).
MONTH, QUARTER, FIRST_MONTHS, LAST_MONTHS = "month", "quarter", "first_months", "last_months"
YEAR, TERM, STAGE, RANGE = "year", "term", "stage", "range"


@dataclass(frozen=True, slots=True)
class Period:
    """A named stretch of time: ``kind`` (month, quarter, first_months, last_months, year,
    term, stage, range), first and last day (inclusive) and a canonical Vietnamese ``label``."""

    kind: str
    start: date
    end: date
    label: str


_DASH = r"\s*[-–—]\s*"
_Y = r"\d{4}"
_DMY = r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}"
_DM = r"\d{1,2}[/.\-]\d{1,2}"
_PATTERN = re.compile(
    r"(?<![\w/])(?:"
    rf"(?:từ\s+)?(?:ngày\s+)?(?P<range_from>{_DMY}|{_DM})\s*(?:đến|{_DASH})\s*(?:ngày\s+)?(?P<range_to>{_DMY})"
    rf"|(?P<count>\d{{1,2}})\s+tháng\s+(?P<edge>đầu|cuối)\s+năm(?:\s+(?P<count_year>{_Y}))?"
    rf"|tháng\s+(?P<month>\d{{1,2}})(?:\s*/\s*|\s+năm\s+)(?P<month_year>{_Y})"
    rf"|tháng\s+(?P<bare_month>\d{{1,2}})(?![\d/])"
    rf"|qu[ýí]\s+(?P<quarter>IV|I{{1,3}}|[1-4])(?:\s*/\s*|\s+năm\s+)(?P<quarter_year>{_Y})"
    rf"|qu[ýí]\s+(?P<bare_quarter>IV|I{{1,3}}|[1-4])(?![\w/])"
    rf"|(?P<span>nhiệm\s+kỳ|giai\s+đoạn)\s+(?P<span_from>{_Y}){_DASH}(?P<span_to>{_Y})"
    rf"|năm\s+(?P<year>{_Y})"
    r")(?![\w/])",
    re.IGNORECASE,
)


def last_day(year: int, month: int) -> date:
    """The last day of that month (29/02/2024)."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _need_year(year: int | None, what: str) -> int:
    if year is None:
        raise ValueError(f"{what!r} has no year and none was given")
    return year


def _parse_day(text: str, default_year: int | None) -> date:
    parts = [int(p) for p in re.split(r"[/.\-]", text)]
    day, month = parts[0], parts[1]
    year = parts[2] if len(parts) == 3 else _need_year(default_year, text)
    result = to_date(year, month, day)
    if result is None:
        raise ValueError(f"not a calendar date: {text!r}")
    return result


def _month(month: int, year: int) -> Period:
    if not 1 <= month <= 12:
        raise ValueError(f"no month {month}")
    return Period(MONTH, date(year, month, 1), last_day(year, month), f"tháng {month:02d}/{year}")


def _quarter(numeral: str, year: int) -> Period:
    quarter = int(numeral) if numeral.isdigit() else roman_to_int(numeral)
    first = 3 * quarter - 2
    label = f"quý {('I', 'II', 'III', 'IV')[quarter - 1]}/{year}"
    return Period(QUARTER, date(year, first, 1), last_day(year, first + 2), label)


def _months_of_year(count: int, edge: str, year: int) -> Period:
    if not 1 <= count <= 12:
        raise ValueError(f"a year has no {count} months")
    if edge == "đầu":
        start, end = date(year, 1, 1), last_day(year, count)
        return Period(FIRST_MONTHS, start, end, f"{count} tháng đầu năm {year}")
    start, end = date(year, 13 - count, 1), date(year, 12, 31)
    return Period(LAST_MONTHS, start, end, f"{count} tháng cuối năm {year}")


def _span(word: str, first: int, last: int) -> Period:
    if last < first:
        raise ValueError(f"{word} {first} - {last} ends before it starts")
    kind = TERM if word.startswith("nhiệm") else STAGE
    label_word = "nhiệm kỳ" if kind == TERM else "giai đoạn"
    return Period(kind, date(first, 1, 1), date(last, 12, 31), f"{label_word} {first} - {last}")


def _range(first_text: str, last_text: str) -> Period:
    end = _parse_day(last_text, None)
    start = _parse_day(first_text, end.year)
    if start > end and first_text.count("/") + first_text.count(".") + first_text.count("-") == 1:
        start = start.replace(year=start.year - 1)  # "từ ngày 27/12 đến ngày 26/01/2024"
    if start > end:
        raise ValueError(f"the range {first_text} - {last_text} ends before it starts")
    label = f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"
    return Period(RANGE, start, end, label)


def _to_period(match: re.Match[str], year: int | None) -> Period:
    g = match.groupdict()
    if g["range_to"]:
        return _range(g["range_from"], g["range_to"])
    if g["count"]:
        count_year = int(g["count_year"]) if g["count_year"] else _need_year(year, match[0])
        return _months_of_year(int(g["count"]), g["edge"].lower(), count_year)
    if g["month"]:
        return _month(int(g["month"]), int(g["month_year"]))
    if g["bare_month"]:
        return _month(int(g["bare_month"]), _need_year(year, match[0]))
    if g["quarter"]:
        return _quarter(g["quarter"].upper(), int(g["quarter_year"]))
    if g["bare_quarter"]:
        return _quarter(g["bare_quarter"].upper(), _need_year(year, match[0]))
    if g["span"]:
        return _span(g["span"].lower(), int(g["span_from"]), int(g["span_to"]))
    the_year = int(g["year"])
    return Period(YEAR, date(the_year, 1, 1), date(the_year, 12, 31), f"năm {the_year}")


def parse_period(s: str, year: int | None = None) -> Period:
    """The period a whole string names. ``year`` completes forms without one ("6 tháng cuối
    năm", "quý III", "tháng 3"). Raises ValueError for anything else."""
    text = " ".join(nfc(s).split())
    match = _PATTERN.fullmatch(text)
    if match is None:
        raise ValueError(f"not a period: {s!r}")
    return _to_period(match, year)


def find_periods(text: str, year: int | None = None) -> list[tuple[int, int, Period]]:
    """Every period named in ``text`` as (start offset, end offset, Period), in order.

    The longest form wins ("9 tháng đầu năm 2024" is one period, not also "năm 2024").
    Forms that need a year are skipped when ``year`` is None; impossible ones (tháng 13,
    31/02) are skipped too — the checker looks for those with ``find_dates``.
    """
    found = []
    for match in _PATTERN.finditer(text):
        try:
            period = _to_period(match, year)
        except ValueError:
            continue
        found.append((match.start(), match.end(), period))
    return found


def shift_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    target_year, target_month = divmod(index, 12)
    last = calendar.monthrange(target_year, target_month + 1)[1]
    return date(target_year, target_month + 1, min(day.day, last))


def day_before(day: date) -> date:
    """The previous day (the end of a window that closes the day before the next opens)."""
    return day - timedelta(days=1)
