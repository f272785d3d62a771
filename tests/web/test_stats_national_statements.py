"""The dashboard's statements at national scale: the nation's figures are its provinces' summed
(every record sits under exactly one province), every part's records count to the number
stated, and the number of queries does not grow with the number of units."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from capuy.indicators.statements import STATEMENTS
from capuy.orgs.models import Organisation
from capuy.stats.national import generate_national
from tests.web.test_stats_national import TINY

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
START, END = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
# Counts that add up over disjoint subtrees (a province's dialogues "of its communes" and the
# secretary's own are per unit, not sums; rates and members-at-a-day are checked directly).
ADDITIVE = (
    "admissions",
    "recognitions",
    "strike_offs",
    "discipline",
    "inspections",
    "supervisions",
    "assets",
    "petitions",
    "letters",
    "ratings",
    "member_count",
)


def _statements(root: Organisation) -> dict[str, dict[str, object]]:
    return {kind.key: kind.compute(root, START, END).numbers for kind in STATEMENTS}


def _dump(root: Organisation) -> str:
    lines = []
    for unit in [root, *Organisation.objects.filter(parent=root).order_by("position")[:3]]:
        for kind in STATEMENTS:
            st = kind.compute(unit, START, END)
            parts = {p: qs.count() for p, qs in st.records.items()}
            lines.append(f"{unit.name} | {kind.key} | {st.numbers} | {parts} | {st.sentence}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def nation() -> Organisation:
    return generate_national(0.0001, shape=TINY, seed=7, copy=connection.vendor == "postgresql")


def test_the_nations_statements_are_its_provinces_summed(nation: Organisation) -> None:
    provinces = list(Organisation.objects.filter(parent=nation))
    assert len(provinces) == 34
    whole = _statements(nation)
    by_province = [_statements(p) for p in provinces]
    for key in ADDITIVE:
        for name, value in whole[key].items():
            if not isinstance(value, int) or "target" in name or "year" in name:
                continue
            summed = sum(int(s[key].get(name) or 0) for s in by_province)
            assert value == summed, (key, name, value, summed)
    assert any(whole["ratings"].values()), whole["ratings"]  # the data has ratings to sum
    assert whole["member_count"]["members"] > 0
    if dump := os.environ.get("CAPUY_DUMP_STATEMENTS"):  # before/after comparison by hand
        with open(dump, "w", encoding="utf-8") as out:
            out.write(_dump(nation))


def test_every_part_counts_to_the_number_stated(nation: Organisation) -> None:
    """The drill-down's records are the ones counted: each part's queryset, counted directly,
    gives the number in the statement (where the statement states that part)."""
    for kind in STATEMENTS:
        st = kind.compute(nation, START, END)
        for part, qs in st.records.items():
            if part in st.numbers and isinstance(st.numbers[part], int):
                assert qs.count() == st.numbers[part], (kind.key, part)


def test_statement_queries_do_not_grow_with_the_units(nation: Organisation) -> None:
    """The nation (≈ 34 provinces, hundreds of units) needs no more queries than one province."""
    province = Organisation.objects.filter(parent=nation).order_by("position").first()
    assert province is not None
    counts = {}
    for label, unit in (("province", province), ("nation", nation)):
        with CaptureQueriesContext(connection) as queries:
            _statements(unit)
        counts[label] = len(queries)
    assert Organisation.objects.filter(path__startswith=nation.path).count() > 200
    assert counts["nation"] <= counts["province"] + 1, counts  # the target look-up may differ
    assert counts["nation"] <= 30, counts


def test_the_members_tallies_are_right_after_a_build(nation: Organisation) -> None:
    """The COPY build loads with the tally triggers off and recounts at the end; the ORM build
    (SQLite) goes through the triggers: either way the tallies are the records' recount, and
    the nation's figures read from them are the live counts."""
    from capuy.members.models import MemberRating
    from capuy.members.services import members_at
    from capuy.members.tallies import member_count_at, rating_counts
    from tests.web.test_members_tallies import recount, tallies

    assert tallies() == recount()
    for day in (dt.date(2019, 12, 31), dt.date(2023, 6, 15), END):
        assert member_count_at(nation, day) == members_at(nation, day).count() > 0, day
    assert rating_counts(nation, 2024)["total"] == MemberRating.objects.filter(year=2024).count()
