"""Property-based tests (hypothesis): round trips and folding laws of capuy.text."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from capuy.text import (
    find_dates,
    find_periods,
    format_count,
    format_number,
    format_percent,
    int_to_roman,
    normalize_tones,
    parse_date,
    parse_number,
    parse_percent,
    parse_period,
    roman_to_int,
    same_text,
    search_key,
)
from capuy.vocab import report_window

# No per-example deadline: the suite shares two cores with other jobs, and the first
# search_key call builds its table; speed is measured in benchmarks, not here.
relaxed = settings(deadline=None)

_VOWELS = "aăâeêioôơuưy"
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
_LETTERS = sorted(
    {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES}
    | set("bcdđghklmnpqrstvx")
)
vietnamese_letter = st.sampled_from(_LETTERS + [c.upper() for c in _LETTERS])
vietnamese_text = st.text(
    alphabet=st.one_of(vietnamese_letter, st.sampled_from(list(" \t\n,.;:-()/%0123456789"))),
    max_size=80,
)

# An open syllable ending in oa/oe/uy with a tone, in both placements.
_ON_SECOND = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}
_ON_FIRST = {"o": "òóỏõọ", "u": "ùúủũụ"}
_INITIALS = ["", "h", "kh", "th", "t", "l", "x", "ng", "ch", "tr", "s", "nh"]


@st.composite
def toned_syllable(draw: st.DrawFn) -> tuple[str, str]:
    first, second = draw(st.sampled_from([("o", "a"), ("o", "e"), ("u", "y")]))
    tone = draw(st.integers(0, 4))
    initial = draw(st.sampled_from(_INITIALS))
    old = initial + first + _ON_SECOND[second][tone]
    new = initial + _ON_FIRST[first][tone] + second
    if draw(st.booleans()):
        old, new = old.upper(), new.upper()
    return old, new


@relaxed
@given(vietnamese_text)
def test_search_key_is_idempotent_and_ascii(text: str) -> None:
    key = search_key(text)
    assert search_key(key) == key
    assert key.isascii()
    assert key == key.lower() and "  " not in key and key == key.strip()


@relaxed
@given(vietnamese_text)
def test_normalize_tones_is_idempotent_keeps_search_key_and_length(text: str) -> None:
    once = normalize_tones(text)
    assert normalize_tones(once) == once
    assert search_key(once) == search_key(text)
    assert len(once) == len(unicodedata.normalize("NFC", text))
    assert unicodedata.is_normalized("NFC", once)


@relaxed
@given(vietnamese_text)
def test_normalize_tones_keeps_case(text: str) -> None:
    once = normalize_tones(text)
    assert [c.isupper() for c in once] == [c.isupper() for c in unicodedata.normalize("NFC", text)]


@relaxed
@given(st.lists(toned_syllable(), min_size=1, max_size=6), st.sampled_from([" ", ", ", ". "]))
def test_old_and_new_placement_are_the_same_text(syllables, separator: str) -> None:
    old = separator.join(o for o, _ in syllables)
    new = separator.join(n for _, n in syllables)
    assert normalize_tones(old) == new
    assert same_text(old, new) and same_text(new, old)
    assert search_key(old) == search_key(new)


@relaxed
@given(vietnamese_text, vietnamese_text)
def test_same_text_is_symmetric(a: str, b: str) -> None:
    assert same_text(a, b) == same_text(b, a)
    assert same_text(a, a)


@relaxed
@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15, places=None
    ).filter(lambda d: d.as_tuple().exponent >= -6)
)
def test_format_number_round_trip(value: Decimal) -> None:
    text = format_number(value)
    assert parse_number(text) == value
    whole, _, frac = text.lstrip("-").partition(",")
    groups = whole.split(".")
    assert 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    assert frac.isdigit() or frac == ""


@relaxed
@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**9), max_value=10**9),
    st.integers(0, 4),
)
def test_format_number_with_places(value: Decimal, places: int) -> None:
    expected = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    assert parse_number(format_number(value, places)) == expected


@relaxed
@given(st.integers(0, 10**12))
def test_format_count_round_trip(n: int) -> None:
    text = format_count(n)
    assert parse_number(text) == n
    assert len(text) >= 2


@relaxed
@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=0, max_value=1000, places=2))
def test_format_percent_round_trip(value: Decimal) -> None:
    assert parse_percent(format_percent(value)) == value


@relaxed
@given(st.integers(1, 3999))
def test_roman_round_trip(n: int) -> None:
    assert roman_to_int(int_to_roman(n)) == n


@relaxed
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(
        [
            "ngày {d}/{m}/{y}",
            "{dd}/{mm}/{y}",
            "{dd}-{mm}-{y}",
            "ngày {dd} tháng {mm} năm {y}",
            "Ngày {d}.{m}.{y}",
        ]
    ),
)
def test_date_forms_round_trip(day: date, form: str) -> None:
    text = form.format(
        d=day.day, m=day.month, dd=f"{day.day:02d}", mm=f"{day.month:02d}", y=day.year
    )
    assert parse_date(text) == day
    line = f"Kết luận số 01-KL/TW {text}, tỷ lệ 51/256 và tháng 12/2023."
    assert [m.date for m in find_dates(line)] == [day]


@relaxed
@given(st.integers(1, 31), st.integers(1, 12), st.integers(1900, 2099))
def test_find_dates_reports_impossible_dates_with_their_numbers(d: int, m: int, y: int) -> None:
    (match,) = find_dates(f"ngày {d}/{m}/{y}")
    assert (match.day, match.month, match.year) == (d, m, y)
    try:
        expected: date | None = date(y, m, d)
    except ValueError:
        expected = None
    assert match.date == expected


@relaxed
@given(st.integers(1900, 2099), st.integers(1, 12), st.integers(1, 4), st.integers(1, 12))
def test_period_labels_round_trip(year: int, month: int, quarter: int, months: int) -> None:
    labels = [
        f"tháng {month:02d}/{year}",
        f"quý {int_to_roman(quarter)}/{year}",
        f"{months} tháng đầu năm {year}",
        f"{months} tháng cuối năm {year}",
        f"năm {year}",
        f"nhiệm kỳ {year} - {year + 5}",
    ]
    for label in labels:
        period = parse_period(label)
        assert period.label == label and period.start <= period.end
        ((start, end, found),) = find_periods(f"Báo cáo {label}; 06 đảng viên")
        assert found == period and end - start == len(label)


@relaxed
@given(st.integers(1990, 2090), st.integers(1, 11), st.sampled_from(["calendar", "27-26", "15-14"]))
def test_monthly_windows_tile_the_year(year: int, month: int, rule: str) -> None:
    this, following = (
        report_window("monthly", year, month, rule),
        report_window("monthly", year, month + 1, rule),
    )
    assert (following.start - this.end).days == 1
    quarter = report_window("quarterly", year, (month - 1) // 3 + 1, rule)
    assert quarter.start <= this.start and this.end <= quarter.end
