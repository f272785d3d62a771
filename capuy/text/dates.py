"""Dates as Vietnamese documents write them.

Forms: "ngày 24/11/2023", "24/11/2023", "24-11-2023", "24.11.2023", "ngày 05/02/2024",
"ngày 26 tháng 02 năm 2024" (the header form), day and month with one or two digits, the
year always with four. "tháng 12/2023" is a month (see ``capuy.text.periods``), and "51/256"
is a ratio: neither is a date, so a date needs three numbers (or the words ngày…tháng…năm).

When the numbers are not a calendar date (31/02/2024) the match is still reported with
``date=None`` and its day, month and year, because a checker wants to flag exactly those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from capuy.text.normalize import nfc

__all__ = ["DateMatch", "find_dates", "parse_date", "text_date", "to_date"]

_DAY = r"(?P<day>\d{1,2})"
_YEAR = r"(?P<year>\d{4})"
# "ngày" may be written with a capital N at the start of a line; "Ngày" in a header.
_NGAY = r"(?:[Nn]gày\s+)"
_NUMERIC = rf"(?:{_NGAY})?{_DAY}(?P<sep>[/.\-])(?P<month1>\d{{1,2}})(?P=sep){_YEAR}"
_WORDED = rf"{_NGAY}?(?P<wday>\d{{1,2}})\s+tháng\s+(?P<wmonth>\d{{1,2}})\s+năm\s+(?P<wyear>\d{{4}})"
# Not inside a longer number or symbol; a hyphen around a date is a range (03/02/1930-03/02/2024).
_DATE = re.compile(rf"(?<![\w/.])(?:{_WORDED}|{_NUMERIC})(?![\w/]|[.,]\d)")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in text: where (``start``/``end`` offsets, ``raw`` text) and its parts.

    ``date`` is None when day/month/year do not form a calendar date (e.g. 31/02/2024).
    """

    start: int
    end: int
    raw: str
    day: int
    month: int
    year: int
    date: date | None


def to_date(year: int, month: int, day: int) -> date | None:
    """The calendar date, or None when the numbers are not one (31/02, month 13)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _match_to_date(match: re.Match[str]) -> DateMatch:
    if match.group("wday") is not None:
        day, month, year = (int(match.group(g)) for g in ("wday", "wmonth", "wyear"))
    else:
        day, month, year = (int(match.group(g)) for g in ("day", "month1", "year"))
    return DateMatch(
        start=match.start(),
        end=match.end(),
        raw=match.group(0),
        day=day,
        month=month,
        year=year,
        date=to_date(year, month, day),
    )


# ``_DATE`` read from the day's first digit: the pattern opens with a digit and looks behind
# it, so ``re`` skips from digit to digit at C speed (``_DATE`` opens with a look-behind and an
# optional "ngày", and is tried at every character: about 4× slower on the seeds). The day's
# first digit is the match's first character, its other digit a group of each form.
_FROM_DAY = re.compile(
    r"\d(?<![\w/.]\d)(?:(?P<wday2>\d?)\s+tháng\s+(?P<wmonth>\d{1,2})\s+năm\s+(?P<wyear>\d{4})"
    r"|(?P<day2>\d?)(?P<sep>[/.\-])(?P<month1>\d{1,2})(?P=sep)(?P<year>\d{4}))"
    r"(?![\w/]|[.,]\d)"
)
_NGAY_WORDS = ("ngày", "Ngày")  # ``_NGAY``'s two spellings, four characters each


def _ngay_before(text: str, start: int) -> int:
    """Where "ngày" and the spaces after it begin, when they stand right before ``start`` and
    nothing of a word, "/" or "." touches them (``_DATE``'s look-behind); else ``start``."""
    k = start
    while k and text[k - 1].isspace():  # ``\s``: the same characters as ``str.isspace``
        k -= 1
    if k == start or k < 4 or text[k - 4 : k] not in _NGAY_WORDS:
        return start
    before = text[k - 5 : k - 4]
    if before and (before.isalnum() or before in "_/."):  # ``[\w/.]``
        return start
    return k - 4


def find_dates(text: str) -> list[DateMatch]:
    """Every date in ``text``, in order. Offsets refer to ``text`` as given (NFC expected).

    The same matches as ``_DATE.finditer`` (``tests/test_check_speed.py`` compares them on the
    seeds and on generated text): each date is found from its day (``_FROM_DAY``), and an
    "ngày" right before it is taken in as ``_DATE`` would. ``_DATE`` matches at the "n" only
    what it would match at the day, and no date ends inside "ngày" and the spaces after it,
    so the dates found are the same, in the same order, with the same extent."""
    out = []
    for match in _FROM_DAY.finditer(text):
        start = _ngay_before(text, match.start())
        first = match.group()[0]
        if match.group("wmonth") is not None:
            day, month, year = (
                int(first + match.group("wday2")),
                match.group("wmonth"),
                match.group("wyear"),
            )
        else:
            day, month, year = (
                int(first + match.group("day2")),
                match.group("month1"),
                match.group("year"),
            )
        out.append(
            DateMatch(
                start=start,
                end=match.end(),
                raw=text[start : match.end()],
                day=day,
                month=int(month),
                year=int(year),
                date=to_date(int(year), int(month), day),
            )
        )
    return out


def parse_date(s: str) -> date | None:
    """The date a whole string spells ("ngày 24/11/2023", "24-11-2023",
    "ngày 26 tháng 02 năm 2024"), or None when it is not a date or not a calendar date."""
    text = nfc(s).strip()
    match = _DATE.fullmatch(text)
    return _match_to_date(match).date if match else None


def text_date(day: date) -> str:
    """ "27/01/2024", "18/5/2021": the day with two digits, the month with two only when it is
    1 or 2 — as the seeds write dates in running text (a composed report writes them so)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"
