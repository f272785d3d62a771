"""Numbers written the Vietnamese way: '.' groups thousands, ',' marks decimals.

"1.044,9" is one thousand and forty-four point nine; "257.113" is a whole number; counts are
zero-padded to two digits ("09 đồng chí"); percentages keep two decimals ("19,92%"). Parsing is
strict about thousands groups (always three digits) because "1.5" is more likely a typo or a
date fragment than a number, and a wrong number in a report is worse than a refusal.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from capuy.text.normalize import nfc

__all__ = [
    "format_count",
    "format_number",
    "format_percent",
    "int_to_roman",
    "parse_money",
    "parse_number",
    "parse_percent",
    "roman_to_int",
]

_MINUS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash (Word's "minus")
_NUMBER = re.compile(
    rf"(?P<sign>[{_MINUS}+])?\s*"
    r"(?P<int>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)"
    r"(?:,(?P<frac>[0-9]+))?"
)
_PERCENT = re.compile(r"\s*%\Z")


def parse_number(s: str) -> Decimal:
    """The value of a Vietnamese-written number ("1.044,9", "257.113", "09", "19,92%", "3,76").

    A trailing percent sign is accepted and dropped (the value stays 19.92, not 0.1992).
    Raises ValueError for anything else.
    """
    text = s.strip().replace("\u00a0", " ")
    text = _PERCENT.sub("", text)
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise ValueError(f"not a Vietnamese number: {s!r}")
    digits = match.group("int").replace(".", "")
    if match.group("frac"):
        digits += "." + match.group("frac")
    value = Decimal(digits)
    return -value if match.group("sign") and match.group("sign") != "+" else value


def parse_percent(s: str) -> Decimal:
    """The value of a percentage that must carry its sign ("19,92%" → 19.92)."""
    if "%" not in s:
        raise ValueError(f"not a percentage: {s!r}")
    return parse_number(s)


def format_number(d: Decimal | int | float | str, places: int | None = None) -> str:
    """Write a number the Vietnamese way: Decimal("1044.9") → "1.044,9".

    ``places`` rounds half up to that many decimals; None keeps the number's own decimals.
    """
    try:
        value = d if isinstance(d, Decimal) else Decimal(str(d))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {d!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not a finite number: {d!r}")
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if value.is_signed() and value != 0 else ""
    text = f"{abs(value):f}"
    whole, _, frac = text.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"


def format_count(n: int) -> str:
    """A count as reports write it: zero-padded to two digits ("09"), grouped from 1.000."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise ValueError(f"a count must be an integer: {n!r}")
    if n < 0:
        raise ValueError(f"a count cannot be negative: {n}")
    return f"{n:02d}" if n < 100 else format_number(n)


def format_percent(d: Decimal | int | float | str, places: int = 2) -> str:
    """A percentage with ``places`` decimals and the sign: Decimal("19.92") → "19,92%"."""
    return format_number(d, places) + "%"


# Money: a number, then a unit that says how many đồng it stands for.
_MONEY_UNITS: tuple[tuple[str, int], ...] = (
    (r"(?:nghìn|ngàn)\s*tỷ\s*đồng", 10**12),
    (r"(?:tỷ|tỉ)\s*đồng|(?:tỷ|tỉ)", 10**9),
    (r"triệu\s*đồng|triệu", 10**6),
    (r"(?:nghìn|ngàn)\s*đồng|(?:nghìn|ngàn)", 10**3),
    (r"đồng|đ|vnđ|vnd", 1),
)
_MONEY = re.compile(
    rf"(?P<number>[{_MINUS}+]?[0-9.,]+)\s*(?P<unit>"
    + "|".join(f"(?:{pattern})" for pattern, _ in _MONEY_UNITS)
    + r")\.?",
    re.IGNORECASE,
)


def parse_money(s: str) -> Decimal:
    """An amount in đồng: "1,1 tỷ đồng" → 1100000000, "935.960.000đ", "257.113 triệu đồng".

    Raises ValueError when there is no number or no money unit.
    """
    text = nfc(s).strip().replace("\u00a0", " ")
    match = _MONEY.fullmatch(text)
    if match is None:
        raise ValueError(f"not an amount of money: {s!r}")
    unit = match.group("unit").lower()
    for pattern, factor in _MONEY_UNITS:
        if re.fullmatch(pattern, unit, re.IGNORECASE):
            amount = parse_number(match.group("number")) * factor
            # "1,1 tỷ" is a whole number of đồng: drop the ".0" the multiplication leaves.
            return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount
    raise ValueError(f"unknown money unit: {s!r}")  # pragma: no cover - the regex forbids it


_ROMAN_VALUES = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def int_to_roman(n: int) -> str:
    """13 → "XIII" (1..3999): congress terms (khóa XIII), quarters (quý IV), section labels."""
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 3999:
        raise ValueError(f"no Roman numeral for {n!r}")
    parts = []
    for value, letters in _ROMAN_VALUES:
        count, n = divmod(n, value)
        parts.append(letters * count)
    return "".join(parts)


def roman_to_int(s: str) -> int:
    """ "XIII" → 13; only the canonical form is accepted (so "IIII" or "VX" raise ValueError)."""
    text = s.strip().upper()
    if not text or any(ch not in "IVXLCDM" for ch in text):
        raise ValueError(f"not a Roman numeral: {s!r}")
    total, rest = 0, text
    for value, letters in _ROMAN_VALUES:
        while rest.startswith(letters):
            total += value
            rest = rest[len(letters) :]
    if rest or int_to_roman(total) != text:
        raise ValueError(f"not a canonical Roman numeral: {s!r}")
    return total
