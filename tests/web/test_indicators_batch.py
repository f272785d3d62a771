"""The indicators page reads every figure in a bounded number of queries (issue 17): the
batch roll-up (``capuy.indicators.batch``) gives the values ``rollup`` gives one at a time
and the naive baseline of the benchmarks walks row by row —
on the demo data, for the year and each month — and the page's query count does not grow
with indicators or months."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks.rollup_naive import make_naive, same
from capuy.accounts.levels import Role
from capuy.indicators.batch import count_all, rollup_all
from capuy.indicators.catalogue import ensure_computed_indicators
from capuy.indicators.models import Indicator, IndicatorValue, Target
from capuy.indicators.rollup import achievement, rollup
from capuy.indicators.views import _months
from capuy.members.models import Member, MemberEvent
from capuy.members.services import admit
from capuy.orgs.models import Organisation
from capuy.stats.counts import COUNTS, DATED_BY
from capuy.web.demo import load_demo
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.mark.slow
def test_the_page_and_the_batch_give_rollups_values_on_the_demo() -> None:
    ctx = load_demo()
    indicators = list(Indicator.objects.select_related("numerator", "denominator", "weight"))
    assert {i.rollup for i in indicators} >= {"sum", "latest", "ratio", "weighted_average"}
    for root in (ctx.town, ctx.wards["Phổ Hòa"]):
        periods = [(D(2024, 1, 1), D(2024, 12, 31)), *_months(2024)]
        batch = rollup_all(indicators, root, periods)
        one_by_one = {(i.pk, p): rollup(i, root, *p) for i in indicators for p in periods}
        assert batch == one_by_one
        assert any(v for v in one_by_one.values())  # real figures, not all empty
        naive = make_naive(ctx.town)  # the Python baseline: parent links walked row by row
        for (pk, period), value in batch.items():
            indicator = next(i for i in indicators if i.pk == pk)
            assert same(value, naive(indicator, root, *period)), (indicator.code, period)
    client = Client()
    client.force_login(ctx.users["lanhdao.ducpho"])
    response = client.get("/chi-tieu/?nam=2024")
    assert response.status_code == 200
    start, end = response.context["start"], response.context["end"]
    for row in response.context["table"]:
        expected = achievement(row["indicator"], ctx.town, start, end)
        assert row["result"] == expected, row["indicator"].code


def _members(tree: Tree) -> None:
    """Two men and a woman in one cell, a man in another, each admitted in 2024."""
    for unit, name, gender in (
        (tree.pho_hoa_cell, "Nguyễn Văn An", "nam"),
        (tree.pho_hoa_cell, "Trần Văn Bình", "nam"),
        (tree.pho_hoa_cell, "Lê Thị Chi", "nu"),
        (tree.pho_minh, "Phạm Văn Dũng", "nam"),
    ):
        admit(unit, name, gender, D(2024, 3, 1))


def test_count_all_equals_each_count(tree: Tree) -> None:
    _members(tree)
    querysets = [
        Member.objects.all(),
        Member.objects.filter(full_name__startswith="Không ai"),
        Member.objects.values("gender").distinct(),
        Indicator.objects.order_by("-code"),
        Member.objects.none(),
        Member.objects.filter(pk__in=[]),
        # what a drill-down hands over: joins for its list, a join that repeats rows made
        # distinct, an annotation filtered on
        MemberEvent.objects.select_related("member", "organisation").order_by("-date"),
        Organisation.objects.filter(members__gender="nam").distinct(),
        Organisation.objects.filter(members__gender="nam"),
        Organisation.objects.annotate(n=Count("members")).filter(n__gt=1),
    ]
    assert all(qs.count() for qs in querysets[6:])  # the tree has such rows: not all zeros
    with CaptureQueriesContext(connection) as captured:
        counts = count_all(querysets)
    assert len(captured) == 1
    assert counts == [qs.count() for qs in querysets]


def test_count_all_counts_without_the_lists_joins(tree: Tree) -> None:
    """A drill-down's ``select_related`` joins are for showing its rows, not counting them:
    counted with them, the nation's monthly admissions cost 3× (BENCHMARKS.md, 4 December)."""
    _members(tree)
    events = MemberEvent.objects.select_related("member").filter(kind="admission")
    with CaptureQueriesContext(connection) as captured:
        (n,) = count_all([events])
    assert n == events.count() > 0
    assert '"members_member"' not in captured[0]["sql"]


def _grow(tree: Tree, n: int) -> None:
    """``n`` more entered indicators of every rule, with values and targets."""
    for k in range(n):
        made = {
            rule: Indicator.objects.create(code=f"{rule}_{n}_{k}", name=f"{rule} {k}", rollup=rule)
            for rule in ("sum", "latest")
        }
        made["weighted_average"] = Indicator.objects.create(
            code=f"w_{n}_{k}", name=f"w {k}", rollup="weighted_average", weight=made["latest"]
        )
        Indicator.objects.create(
            code=f"r_{n}_{k}",
            name=f"r {k}",
            rollup="ratio",
            numerator=made["sum"],
            denominator=made["latest"],
        )
        for indicator in made.values():
            Target.objects.create(
                indicator=indicator,
                organisation=tree.town,
                start=D(2024, 1, 1),
                end=D(2024, 12, 31),
                value=Decimal(10),
            )
            for month in range(1, 13):
                IndicatorValue.objects.create(
                    indicator=indicator,
                    organisation=tree.pho_minh,
                    period_start=D(2024, month, 1),
                    period_end=_months(2024)[month - 1][1],
                    value=Decimal(month + k),
                    submitted_on=D(2024, month, 28),
                )


def test_the_page_queries_do_not_grow_with_indicators(tree: Tree) -> None:
    ensure_computed_indicators()
    client = Client()
    client.force_login(make_user("lanhdao.ducpho", tree.town, Role.LEADER))
    counts = []
    for n in (1, 4):
        _grow(tree, n)
        client.get("/chi-tieu/?nam=2024")  # warm
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/chi-tieu/?nam=2024&chi_tieu=sum_1_0").status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
    indicators = list(Indicator.objects.all())
    with CaptureQueriesContext(connection) as captured:
        rollup_all(indicators, tree.town, _months(2024))
    assert len(captured) <= 5  # counts, own values, one per rule


def test_a_dated_counts_months_are_one_pass_with_the_same_values(tree: Tree) -> None:
    """A count registered with the date its period filters on (``DATED_BY``) gives, for twelve
    months in one query, what each month gives alone — for every such count, on members
    admitted, recognised, struck off and removed in different months and units."""
    ensure_computed_indicators()
    for k, unit in enumerate((tree.pho_hoa_cell, tree.pho_minh, tree.town) * 4):
        member = admit(unit, f"Đảng viên {k}", "nam", D(2024, 1 + k, 5 + k))
        if k % 3 == 0:
            MemberEvent.objects.create(
                member=member, kind="recognition", date=D(2024, 12 - k // 2, 1), organisation=unit
            )
    dated = [i for i in Indicator.objects.all() if i.source in DATED_BY]
    assert {i.source for i in dated} >= {"members.admissions", "members.recognitions"}
    months = _months(2024)
    for root in (tree.town, tree.pho_hoa):
        for indicator in dated:
            with CaptureQueriesContext(connection) as captured:
                batch = rollup_all([indicator], root, months)
            table = COUNTS[indicator.source or ""](root, *months[0]).model._meta.db_table
            assert len(captured) == 1, indicator.code
            assert captured[0]["sql"].count(f'FROM "{table}"') == 1, indicator.code  # one pass
            alone = {(indicator.pk, m): rollup(indicator, root, *m) for m in months}
            assert batch == alone, indicator.code
        admitted = next(i for i in dated if i.source == "members.admissions")
        assert any(rollup_all([admitted], root, months).values())  # not all zeros
