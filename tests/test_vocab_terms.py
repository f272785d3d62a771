"""Terms of office: dates, lookups by ordinal and by day, the khóa the seeds cite."""

from __future__ import annotations

import re
from datetime import date

import pytest

from capuy.text import parse_date, roman_to_int
from capuy.vocab import BODIES, term_for, terms, terms_at
from tests.conftest import SEED_FILES


@pytest.mark.parametrize(
    ("body", "ordinal", "start", "end"),
    [
        ("party_congress", "IX", date(2001, 4, 19), date(2006, 4, 25)),
        ("party_congress", "X", date(2006, 4, 18), date(2011, 1, 19)),
        ("party_congress", "XI", date(2011, 1, 12), date(2016, 1, 28)),
        ("party_congress", "XII", date(2016, 1, 20), date(2021, 2, 1)),
        ("party_congress", "XIII", date(2021, 1, 25), date(2026, 1, 23)),
        ("party_congress", "XIV", date(2026, 1, 19), None),
        ("national_assembly", "XI", date(2002, 7, 19), date(2007, 7, 18)),
        ("national_assembly", "XII", date(2007, 7, 19), date(2011, 7, 20)),
        ("national_assembly", "XIII", date(2011, 7, 21), date(2016, 7, 19)),
        ("national_assembly", "XIV", date(2016, 7, 20), date(2021, 7, 19)),
        ("national_assembly", "XV", date(2021, 7, 20), date(2026, 4, 5)),
        ("national_assembly", "XVI", date(2026, 4, 6), None),
        ("peoples_council", "1999-2004", date(1999, 11, 14), date(2004, 4, 24)),
        ("peoples_council", "2004-2011", date(2004, 4, 25), date(2011, 5, 21)),
        ("peoples_council", "2011-2016", date(2011, 5, 22), date(2016, 5, 21)),
        ("peoples_council", "2016-2021", date(2016, 5, 22), date(2021, 5, 22)),
        ("peoples_council", "2021-2026", date(2021, 5, 23), date(2026, 3, 14)),
        ("peoples_council", "2026-2031", date(2026, 3, 15), None),
    ],
)
def test_term_dates(body: str, ordinal: str, start: date, end: date | None) -> None:
    term = term_for(body, ordinal)
    assert term is not None and (term.start, term.end) == (start, end) and term.source


@pytest.mark.parametrize(
    ("body", "elected"),
    [
        ("XI", date(2002, 5, 19)),
        ("XII", date(2007, 5, 20)),
        ("XIII", date(2011, 5, 22)),
        ("XIV", date(2016, 5, 22)),
        ("XV", date(2021, 5, 23)),
        ("XVI", date(2026, 3, 15)),
    ],
)
def test_national_assembly_election_days_are_sundays(body: str, elected: date) -> None:
    term = term_for("national_assembly", body)
    assert term is not None and term.elected == elected and elected.weekday() == 6


def test_peoples_council_election_days_are_sundays_and_2004_was_extended() -> None:
    assert all(t.start.weekday() == 6 for t in terms("peoples_council"))
    extended = term_for("peoples_council", "2004 – 2011")
    assert extended is not None and "25/2008/QH12" in extended.source and extended.note


@pytest.mark.parametrize("body", BODIES)
def test_terms_follow_each_other_without_gaps(body: str) -> None:
    sequence = terms(body)
    for earlier, later in zip(sequence, sequence[1:], strict=False):
        assert earlier.end is not None
        if body == "party_congress":  # the outgoing khóa serves until the congress closes
            assert earlier.end == later.elected and later.start < earlier.end
        else:
            assert (later.start - earlier.end).days == 1
    if body != "peoples_council":
        numbers = [roman_to_int(t.ordinal) for t in sequence]
        assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))


@pytest.mark.parametrize(
    ("body", "day", "ordinal"),
    [
        ("party_congress", date(2023, 11, 24), "XIII"),  # Nghị quyết 45-NQ/TW, seed 000
        ("party_congress", date(2017, 10, 25), "XII"),  # Nghị quyết 18, 19-NQ/TW
        ("party_congress", date(2014, 6, 9), "XI"),  # Nghị quyết 33-NQ/TW ngày 09/6/2014
        ("party_congress", date(2026, 1, 24), "XIV"),
        ("party_congress", date(2026, 1, 18), "XIII"),
        ("national_assembly", date(2022, 1, 1), "XV"),  # 26/2022/UBTVQH15
        ("peoples_council", date(2009, 6, 1), "2004-2011"),
    ],
)
def test_terms_at(body: str, day: date, ordinal: str) -> None:
    assert [t.ordinal for t in terms_at(body, day)] == [ordinal]


@pytest.mark.parametrize(
    ("day", "ordinals"),
    [
        (date(2026, 1, 19), ["XIII", "XIV"]),
        (date(2026, 1, 23), ["XIII", "XIV"]),
        (date(2021, 1, 28), ["XII", "XIII"]),
    ],
)
def test_during_a_congress_both_khoa_sit(day: date, ordinals: list[str]) -> None:
    assert [t.ordinal for t in terms_at("party_congress", day)] == ordinals


def test_before_the_first_term_nothing_sits() -> None:
    assert terms_at("party_congress", date(1999, 1, 1)) == []


def test_unknown_body_and_ordinal() -> None:
    with pytest.raises(ValueError):
        terms("senate")
    assert term_for("party_congress", "XX") is None


def test_central_committee_khoa_cited_in_the_seeds_match_the_dates() -> None:
    """Every "Nghị quyết số N-NQ/TW ngày D ... Trung ương ... khóa K" in the seeds: the date
    falls in khóa K (the checker's citation-date rule in miniature)."""
    pattern = re.compile(
        r"số \d+-[A-Za-zĐ]+/TW,? ngày (?P<date>\d{1,2}/\d{1,2}/\d{4})[^;.()]{0,80}?"
        r"Trung ương(?: Đảng)? khóa (?P<khoa>[IVX]+)"
    )
    checked = 0
    for path in SEED_FILES:
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            day = parse_date(match["date"])
            assert day is not None
            sitting = [t.ordinal for t in terms_at("party_congress", day)]
            assert sitting == [match["khoa"]], match.group(0)
            checked += 1
    assert checked >= 3


@pytest.mark.parametrize(
    ("ordinal", "closed"),
    [
        ("IX", date(2001, 4, 22)),
        ("X", date(2006, 4, 25)),
        ("XI", date(2011, 1, 19)),
        ("XII", date(2016, 1, 28)),
        ("XIII", date(2021, 2, 1)),
        ("XIV", date(2026, 1, 23)),
    ],
)
def test_congress_closing_days(ordinal: str, closed: date) -> None:
    term = term_for("party_congress", ordinal)
    assert term is not None and term.elected == closed
    assert 0 < (closed - term.start).days <= 8  # a congress lasts a few days
