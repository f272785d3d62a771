"""Which days a report covers, and how its title names that period and the next.

A report is asked for as (kind, period spec): ``monthly 2024-02``, ``quarterly 2024-Q1``,
``six_month 2024-H1``, ``nine_month 2024``, ``yearly 2024``, ``mid_term 2020-2025`` and
``term 2020-2025`` (the committee's term by its years), ``conclusion 2024-9M`` (a conclusion
takes the period of the report the conference discussed: any of the specs above, ``9M``
for nine months), ``thematic 2021-05-18..2024-02-26``. The counting window of the fixed kinds
comes from ``capuy.vocab.report_window`` with the committee's rule (27-26, 15-14, calendar).

Which spelling a kind takes is data: its ``grammar`` in ``vocab/report_periods.yaml`` (month,
quarter, year, report, range, term, half_term), so a new kind with an existing grammar needs
no code here.

Pure: no Django. Terms are passed in as (start year, end year, start date, end date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from capuy.errors import InputError
from capuy.reports.period_words import EXAMPLES, kind_code, kind_name, read_period
from capuy.text.dates import text_date
from capuy.text.numbers import int_to_roman
from capuy.text.periods import last_day
from capuy.vocab import report_period, report_periods, report_window
from capuy.vocab.report_periods import period_label


def kinds() -> tuple[str, ...]:
    """The report kinds, from ``vocab/report_periods.yaml`` (overlay included)."""
    return tuple(kind.code for kind in report_periods())


KINDS = kinds()  # as shipped when capuy starts: the report model's choices


@dataclass(frozen=True)
class Label:
    """How a title names a period: ``label`` "tháng 02/2024", ``month_words`` "tháng 02"."""

    label: str
    year: int
    month_words: str = ""

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class ReportPeriod:
    kind: str  # the report's kind
    spec: str  # normalised spec, e.g. "2024-02", "2024-Q1"
    start: dt.date  # the counting window
    end: dt.date
    period: Label  # this period, as the title names it
    next: Label  # the next period
    previous: Label
    calendar_end: dt.date  # last day of the period's calendar span (tasks due "in the month")
    next_start: dt.date
    next_end: dt.date  # the next period's span, for the tasks due in it
    previous_start: dt.date
    previous_end: dt.date

    @property
    def year(self) -> int:
        return self.period.year


def month_words(month: int) -> str:
    """ "tháng 02", "tháng 3": months 1 and 2 take a leading zero, as dates do (seed 000)."""
    return period_label("month_words", month=f"{month:02d}" if month < 3 else str(month))


def _month_label(year: int, month: int) -> Label:
    number = f"{month:02d}" if month < 3 else str(month)
    return Label(period_label("month", month=number, year=year), year, month_words(month))


def _quarter_label(year: int, quarter: int) -> Label:
    return Label(period_label("quarter", quarter=int_to_roman(quarter), year=year), year)


def _bad(spec: str, kind: str, example: str) -> InputError:
    return InputError(
        f"Kỳ báo cáo “{spec}” không hợp lệ cho {kind_name(kind).lower()} (ví dụ: {example}"
        f" hoặc {EXAMPLES})",
        f"invalid period {spec!r} for a {kind} report (e.g. {example})",
    )


def _example(kind: str) -> str:
    known = report_period(kind)
    return known.example if known else ""


def _month_period(kind: str, spec: str, rule: str) -> ReportPeriod:
    """``2024-02``: a month, its window by the committee's rule, the next and previous."""
    found = re.fullmatch(r"(\d{4})-(\d{1,2})", spec)
    if not found or not 1 <= int(found[2]) <= 12:
        raise _bad(spec, kind, _example(kind))
    year, month = int(found[1]), int(found[2])
    return _cyclic_period(kind, rule, f"{year}-{month:02d}", year, month, 12, _month_label)


def _quarter_period(kind: str, spec: str, rule: str) -> ReportPeriod:
    """``2024-Q1``: a quarter, its window, the next and previous quarters."""
    found = re.fullmatch(r"(\d{4})-Q([1-4])", spec)
    if not found:
        raise _bad(spec, kind, _example(kind))
    year, quarter = int(found[1]), int(found[2])
    return _cyclic_period(kind, rule, f"{year}-Q{quarter}", year, quarter, 4, _quarter_label)


def _cyclic_period(
    kind: str,
    rule: str,
    code: str,
    year: int,
    index: int,
    per_year: int,
    label: Callable[[int, int], Label],
) -> ReportPeriod:
    """Period ``index`` of the ``per_year`` equal parts of a year (12 months, 4 quarters): its
    window and its neighbours' (wrapping into the next or the previous year), each reaching at
    least to the last day of the part's last month."""
    months = 12 // per_year
    window = report_window(kind, year, index, rule)
    ny, ni = (year, index + 1) if index < per_year else (year + 1, 1)
    py, pi = (year, index - 1) if index > 1 else (year - 1, per_year)
    next_window = report_window(kind, ny, ni, rule)
    prev_window = report_window(kind, py, pi, rule)
    return ReportPeriod(
        kind,
        code,
        window.start,
        window.end,
        label(year, index),
        label(ny, ni),
        label(py, pi),
        max(window.end, last_day(year, months * index)),
        next_window.start,
        max(next_window.end, last_day(ny, months * ni)),
        prev_window.start,
        max(prev_window.end, last_day(py, months * pi)),
    )


def _year_period(kind: str, spec: str, rule: str) -> ReportPeriod:
    """``2024`` (or ``2024-H1``, ``2024-9M``, ``2024-Y``): the first ``months`` months of a
    year (the kind's ``months``, 12 by default); after it, the rest of the year or the next."""
    found = re.fullmatch(r"(\d{4})(?:-(H1|9M|Y))?", spec)
    if not found:
        raise _bad(spec, kind, _example(kind))
    year = int(found[1])
    window = report_window(kind, year, None, rule)
    known = report_period(kind)
    months = (known.months if known else None) or 12
    if months == 12:
        nxt = Label(period_label("year", year=year + 1), year + 1)
        prev = Label(period_label("year", year=year - 1), year - 1)
        next_start, next_end = dt.date(year + 1, 1, 1), dt.date(year + 1, 12, 31)
        prev_start, prev_end = dt.date(year - 1, 1, 1), dt.date(year - 1, 12, 31)
    else:
        rest = 12 - months
        nxt = Label(period_label("last_months", months=rest, year=year), year)
        prev = Label(period_label("year", year=year - 1), year - 1)
        next_start, next_end = window.end + dt.timedelta(days=1), dt.date(year, 12, 31)
        prev_start, prev_end = dt.date(year - 1, 1, 1), dt.date(year - 1, 12, 31)
    label = Label(period_label("year", year=year) if months == 12 else window.label, year)
    return ReportPeriod(
        kind,
        str(year),
        window.start,
        window.end,
        label,
        nxt,
        prev,
        max(window.end, last_day(year, months)),
        next_start,
        next_end,
        prev_start,
        prev_end,
    )


_FIXED_PERIODS = {"month": _month_period, "quarter": _quarter_period, "year": _year_period}


def _fixed(kind: str, spec: str, rule: str) -> ReportPeriod:
    """A kind of grammar month, quarter or year (a fixed calendar span)."""
    build = _FIXED_PERIODS.get(_grammar(kind), _year_period)
    return build(kind, spec.strip().upper(), rule)


_CONCLUSION_SPECS = (
    (r"\d{4}-\d{1,2}", "monthly"),
    (r"\d{4}-Q[1-4]", "quarterly"),
    (r"\d{4}-H1", "six_month"),
    (r"\d{4}-9M", "nine_month"),
    (r"\d{4}(-Y)?", "yearly"),
)


FIXED_GRAMMARS = ("month", "quarter", "year")


def _grammar(kind: str) -> str:
    """How a period of ``kind`` is spelled and steps (``vocab/report_periods.yaml``)."""
    known = report_period(kind)
    return known.grammar if known else ""


def resolve_period(
    kind: str,
    spec: str,
    rule: str = "calendar",
    term: tuple[int, int, dt.date, dt.date | None] | None = None,
    today: dt.date | None = None,
) -> ReportPeriod:
    """The window and labels of a report of ``kind`` for ``spec`` (``InputError`` if bad)."""
    kind = kind_code(kind) or kind  # a code, or the kind's Vietnamese name
    if kind not in kinds():
        raise InputError(
            f"Chọn loại báo cáo ({'; '.join(kind_name(k) for k in kinds())})",
            f"a report kind is required (one of: {', '.join(kinds())})",
        )
    spec = (spec or "").strip()
    if spec and not re.fullmatch(r"[\d\sQHMY.\-]+", spec, re.IGNORECASE):
        kind, spec = read_period(spec, kind)  # typed in words: "quý I/2024"
    grammar = _grammar(kind)
    if grammar in FIXED_GRAMMARS:
        return _fixed(kind, spec, rule)
    if grammar == "report":
        return _conclusion_period(kind, spec, rule)
    if grammar == "range":
        return _range_period(kind, spec)
    return _term_period(kind, spec, grammar, term, today)  # half_term, term


def _conclusion_period(kind: str, spec: str, rule: str) -> ReportPeriod:
    """A conclusion takes the period of the report it concludes on (``2024-9M``…)."""
    for pattern, underlying in _CONCLUSION_SPECS:
        if re.fullmatch(pattern, spec.upper()):
            base = _fixed(underlying, spec.upper().replace("-9M", "").replace("-Y", ""), rule)
            return ReportPeriod(kind, spec.upper(), *_fields_after_spec(base))
    raise _bad(spec, kind, _example(kind))


def _range_period(kind: str, spec: str) -> ReportPeriod:
    """``2021-05-18..2024-02-26``: a thematic report's own span."""
    found = re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", spec)
    if not found:
        raise _bad(spec, kind, _example(kind))
    first, last = dt.date.fromisoformat(found[1]), dt.date.fromisoformat(found[2])
    if last < first:
        raise _bad(spec, kind, _example(kind))
    label = Label(period_label("range", first=text_date(first), last=text_date(last)), last.year)
    later = Label(period_label("after_range"), last.year)
    return ReportPeriod(
        kind, spec, first, last, label, later, label, last, last, last, first, first
    )


def _term_period(
    kind: str,
    spec: str,
    grammar: str,
    term: tuple[int, int, dt.date, dt.date | None] | None,
    today: dt.date | None,
) -> ReportPeriod:
    """``2020-2025``: the committee's term by its years — its first half (``half_term``) or
    the term up to its end, or today while it runs (``term``)."""
    found = re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", spec)
    if not found:
        raise _bad(spec, kind, _example(kind))
    if term is None:
        raise InputError(
            f"Không tìm thấy nhiệm kỳ {spec} của cấp ủy này",
            f"the committee has no term {spec}",
        )
    if grammar == "half_term":
        return _half_term_period(kind, term)
    start_year, end_year, start, end = term
    years = {"first_year": start_year, "last_year": end_year}
    following = {"first_year": end_year, "last_year": end_year + (end_year - start_year)}
    stop = end or min(today or dt.date.today(), dt.date(end_year, 12, 31))
    return ReportPeriod(
        kind,
        f"{start_year}-{end_year}",
        start,
        stop,
        Label(period_label("term", **years), end_year),
        Label(period_label("term", **following), end_year),
        Label(period_label("term", **years), end_year),
        stop,
        stop + dt.timedelta(days=1),
        dt.date(end_year + (end_year - start_year), 12, 31),
        start,
        stop,
    )


def _half_term_period(kind: str, term: tuple[int, int, dt.date, dt.date | None]) -> ReportPeriod:
    """The first half of the term, up to the month its middle year starts on."""
    start_year, end_year, start, end = term
    years = {"first_year": start_year, "last_year": end_year}
    middle = dt.date(start.year + (end_year - start_year) // 2, start.month, 1)
    stop = middle - dt.timedelta(days=1)
    return ReportPeriod(
        kind,
        f"{start_year}-{end_year}",
        start,
        stop,
        Label(period_label("half_term_first", **years), stop.year),
        Label(period_label("half_term_second", **years), stop.year),
        Label(period_label("term", **years), stop.year),
        stop,
        middle,
        end or dt.date(end_year, 12, 31),
        start,
        stop,
    )


def _fields_after_spec(base: ReportPeriod) -> tuple:  # type: ignore[type-arg,unused-ignore]
    return (
        base.start,
        base.end,
        base.period,
        base.next,
        base.previous,
        base.calendar_end,
        base.next_start,
        base.next_end,
        base.previous_start,
        base.previous_end,
    )
