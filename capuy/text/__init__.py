"""Vietnamese text primitives: NFC, tone placement, search keys, numbers, dates and periods.

Everything here is pure (no I/O, no Django) and shared by the reader, extractor, checker,
renderer and web app, so that "hoà" and "hòa", or "1.044,9" and 1044.9, mean one thing.
"""

from capuy.text.dates import DateMatch, find_dates, parse_date, to_date
from capuy.text.normalize import (
    fix_lookalikes,
    fold_chars,
    nfc,
    normalize_tones,
    same_text,
    search_key,
)
from capuy.text.numbers import (
    format_count,
    format_number,
    format_percent,
    int_to_roman,
    parse_money,
    parse_number,
    parse_percent,
    roman_to_int,
)
from capuy.text.periods import (
    Period,
    day_before,
    find_periods,
    last_day,
    parse_period,
    shift_months,
)

__all__ = [
    "DateMatch",
    "Period",
    "day_before",
    "find_periods",
    "fix_lookalikes",
    "last_day",
    "parse_period",
    "shift_months",
    "find_dates",
    "fold_chars",
    "format_count",
    "format_number",
    "format_percent",
    "int_to_roman",
    "nfc",
    "normalize_tones",
    "parse_date",
    "parse_money",
    "parse_number",
    "parse_percent",
    "roman_to_int",
    "same_text",
    "search_key",
    "to_date",
]
