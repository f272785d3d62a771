"""The indicators page counts each record set once (capuy/indicators/statements.py): a link's
count is the statement's own number where that number counts the same queryset
(``COUNTED_AS``), a computed indicator takes the count of the statement part that is its very
queryset (``SOURCE_PARTS``). These tests hold the page to the live computation — every
statement computed and every link counted by ``count()``, every indicator by ``achievement``,
the chart by ``rollup`` month by month, the reporting status read afresh — on the demo data,
before and after a create, an update and a delete on every table the page reads, for the
town's leader (the whole town) and a ward's leader (the ward only)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.db import models
from django.test import Client

from capuy.indicators.charts import monthly_chart
from capuy.indicators.models import Indicator, IndicatorValue, Target
from capuy.indicators.rollup import achievement, reporting_status, rollup
from capuy.indicators.statements import (
    COUNTED_AS,
    SOURCE_PARTS,
    STATEMENTS,
    STATEMENTS_BY_KEY,
    compute_statements,
    link_counts,
)
from capuy.indicators.views import _months
from capuy.members.models import Affiliation, MemberEvent, MemberRating, OrganisationRating
from capuy.orgs.models import Organisation
from capuy.oversight.models import (
    AssetVerification,
    DisciplineDecision,
    Oversight,
    OversightSubject,
)
from capuy.petitions.models import Petition, Reception
from capuy.stats.counts import COUNTS
from capuy.web.demo import DemoContext, load_demo

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
D = dt.date
YEAR = (D(2024, 1, 1), D(2024, 12, 31))
PERIODS = [YEAR, (D(2024, 2, 1), D(2024, 2, 29)), (D(2024, 10, 1), D(2024, 12, 31))]
URL = "/chi-tieu/?to_chuc={root}&nam=2024&thang=02/2024"


def _page(client: Client, root: Organisation, code: str | None = None) -> dict[str, Any]:
    """The page's figures as it rendered them (its template context)."""
    url = URL.format(root=root.pk) + (f"&chi_tieu={code}" if code else "")
    response = client.get(url)
    assert response.status_code == 200, url
    c = response.context
    return {
        "statements": c["statements"],
        "table": [_row(r["result"]) for r in c["table"]],
        "chosen": c["chosen"].code if c["chosen"] else None,
        "chart": c["chart"],
        "statuses": c["statuses"],
    }


def _row(result: Any) -> tuple[Any, ...]:
    target = result.target
    return (
        result.indicator.code,
        result.actual,
        target and (target.pk, target.value, target.source),
        result.percent,
    )


def _live(root: Organisation, chosen: str | None) -> dict[str, Any]:
    """The same figures computed one by one, each record set counted by ``count()``."""
    from capuy.indicators.statements import drill_url

    start, end = YEAR
    statements = []
    for kind in STATEMENTS:
        statement = kind.compute(root, start, end)
        links = [
            {
                "name": _label(part),
                "count": records.count(),
                "url": drill_url(kind.key, part, root, start, end),
            }
            for part, records in statement.records.items()
        ]
        statements.append(
            {"title": kind.title, "sentence": statement.as_sentence(), "links": links}
        )
    indicators = list(Indicator.objects.all())
    table = [_row(achievement(i, root, start, end)) for i in indicators]
    indicator = next(i for i in indicators if i.code == chosen)
    target = achievement(indicator, root, start, end).target
    chart = monthly_chart(
        [rollup(indicator, root, *m) for m in _months(2024)],
        target.value if target else None,
        indicator.rollup == "sum",
    )
    return {
        "statements": statements,
        "table": table,
        "chosen": chosen,
        "chart": chart,
        "statuses": reporting_status(root, D(2024, 2, 1), D(2024, 2, 29)),
    }


def _label(part: str) -> str:
    from capuy.indicators.statements import PART_LABELS

    return PART_LABELS.get(part, part)


def _same(client: Client, root: Organisation, code: str | None = None) -> dict[str, Any]:
    page = _page(client, root, code)
    assert page == _live(root, page["chosen"])
    return page


def _in_scope(ctx: DemoContext, qs: models.QuerySet[Any], path: str) -> Any:
    """A row of ``qs`` in the ward's subtree (so both scopes see it), else in the town's."""
    ward = ctx.wards["Phổ Hòa"]
    row = qs.filter(**{path: ward.path}).order_by("pk").first()
    return row or qs.filter(**{path: ctx.town.path}).order_by("pk").first()


# table, the rows the page counts, the path to their unit, the field an update moves out of
# the year (and back, on the copy a create makes), and where it moves it
FAR = D(1990, 1, 1)
TABLES: list[tuple[type[models.Model], Callable[[], models.QuerySet[Any]], str, str, Any]] = [
    (
        MemberEvent,
        lambda: MemberEvent.objects.filter(date__year=2024, kind="admission"),
        "organisation__path__startswith",
        "date",
        FAR,
    ),
    (
        MemberEvent,
        lambda: MemberEvent.objects.filter(date__year=2024, kind="strike_off"),
        "organisation__path__startswith",
        "date",
        FAR,
    ),
    (
        Affiliation,
        lambda: Affiliation.objects.filter(end__isnull=True),
        "organisation__path__startswith",
        "start",
        D(2099, 1, 1),
    ),
    (
        MemberRating,
        lambda: MemberRating.objects.filter(year=2024),
        "member__organisation__path__startswith",
        "year",
        1990,
    ),
    (
        OrganisationRating,
        lambda: OrganisationRating.objects.filter(
            year=2024, organisation__kind__in=["dang_bo_co_so", "chi_bo_co_so"]
        ),
        "organisation__path__startswith",
        "year",
        1990,
    ),
    (
        DisciplineDecision,
        lambda: DisciplineDecision.objects.filter(
            decided_on__year=2024, subject_member__isnull=False
        ),
        "organisation__path__startswith",
        "decided_on",
        FAR,
    ),
    (
        Oversight,
        lambda: Oversight.objects.filter(started_on__year=2024, activity="inspection"),
        "organisation__path__startswith",
        "started_on",
        FAR,
    ),
    (
        OversightSubject,
        lambda: OversightSubject.objects.filter(oversight__started_on__year=2024),
        "oversight__organisation__path__startswith",
        "oversight",
        None,  # set below: an oversight of another year
    ),
    (
        AssetVerification,
        lambda: AssetVerification.objects.filter(verified_on__year=2024),
        "organisation__path__startswith",
        "verified_on",
        FAR,
    ),
    (
        Petition,
        lambda: Petition.objects.filter(received_on__year=2024, jurisdiction="own"),
        "organisation__path__startswith",
        "received_on",
        FAR,
    ),
    (
        Reception,
        lambda: Reception.objects.filter(date__year=2024, kind="dialogue"),
        "organisation__path__startswith",
        "date",
        FAR,
    ),
    (
        IndicatorValue,
        lambda: IndicatorValue.objects.filter(period_start__year=2024, indicator__source=""),
        "organisation__path__startswith",
        "period_start",
        FAR,
    ),
    (
        Target,
        lambda: Target.objects.filter(start__lte=D(2024, 1, 1), end__gte=D(2024, 12, 31)),
        "organisation__path__startswith",
        "end",
        D(1990, 12, 31),
    ),
]


def test_the_page_equals_the_live_figures_after_writes_on_every_table_it_reads() -> None:
    ctx = load_demo()
    town, ward = ctx.town, ctx.wards["Phổ Hòa"]
    leaders = {}
    for root, name in ((town, "lanhdao.ducpho"), (ward, "lanhdao.phohoa")):
        leaders[root.pk] = Client()
        leaders[root.pk].force_login(ctx.users[name])

    def check() -> dict[int, dict[str, Any]]:
        return {root.pk: _same(leaders[root.pk], root) for root in (town, ward)}

    before = check()
    assert any(link["count"] for row in before[town.pk]["statements"] for link in row["links"])
    for model, rows, path, field, far in TABLES:
        row = _in_scope(ctx, rows(), path)
        assert row is not None, model.__name__  # the demo has such a row
        kept = getattr(row, field)
        if far is None:  # an oversight subject moves to an oversight outside the year
            far = Oversight.objects.filter(started_on__year=2021).order_by("pk").first()
        model.objects.filter(pk=row.pk).update(**{field: far})  # update: out of the year
        moved = check()
        assert moved != before, (model.__name__, "update")  # the write reached the figures
        copy = model.objects.get(pk=row.pk)  # create: a copy back in the year
        copy.pk = None
        setattr(copy, field, kept)
        copy.save()
        created = check()
        if model is not Oversight:  # an oversight's copy has no subjects: it counts none
            assert created != moved, (model.__name__, "create")
        model.objects.filter(pk=copy.pk).delete()  # delete: the copy again
        assert check() == moved, (model.__name__, "delete")
        model.objects.filter(pk=row.pk).update(**{field: kept})
        assert check() == before, model.__name__
    # the catalogue: a required indicator no longer required, a unit renamed
    indicator = Indicator.objects.filter(required=True, source="").order_by("pk").first()
    assert indicator is not None
    Indicator.objects.filter(pk=indicator.pk).update(required=False)
    changed = check()
    assert changed[town.pk]["statuses"] != before[town.pk]["statuses"]
    Organisation.objects.filter(pk=ward.pk).update(committee_name="Đảng ủy khu Phổ Hòa")
    assert check()[town.pk]["statements"] != changed[town.pk]["statements"]  # not a ward now
    # every indicator's chart, computed and entered alike
    for code in Indicator.objects.values_list("code", flat=True):
        _same(leaders[town.pk], town, code)


def test_a_ward_leader_sees_the_ward_and_not_the_town() -> None:
    ctx = load_demo()
    client = Client()
    client.force_login(ctx.users["lanhdao.phohoa"])
    ward = ctx.wards["Phổ Hòa"]
    assert client.get(URL.format(root=ctx.town.pk)).status_code == 404
    page = _same(client, ward)
    town = _live(ctx.town, page["chosen"])
    assert page["statements"] != town["statements"]  # the ward's own figures, not the town's


def test_each_number_the_page_reuses_is_the_count_of_its_records() -> None:
    """``COUNTED_AS`` and ``SOURCE_PARTS`` hold on real figures (most of them non-zero) for
    the town, a ward, the year, a month and a quarter."""
    ctx = load_demo()
    nonzero = set()
    for root in (ctx.town, ctx.wards["Phổ Hòa"]):
        for start, end in PERIODS:
            computed = compute_statements(root, start, end)
            counts, extra = link_counts(computed, [COUNTS["petitions.dialogues"](root, start, end)])
            assert extra == [COUNTS["petitions.dialogues"](root, start, end).count()]
            for kind, statement in computed:
                for part, records in statement.records.items():
                    assert counts[(kind.key, part)] == records.count(), (kind.key, part)
                    if (kind.key, part) in COUNTED_AS and counts[(kind.key, part)]:
                        nonzero.add((kind.key, part))
            for source, (key, part) in SOURCE_PARTS.items():
                ours = COUNTS[source](root, start, end)
                theirs = STATEMENTS_BY_KEY[key].compute(root, start, end).records[part]
                assert ours.count() == counts[(key, part)], source
                assert str(ours.query) == str(theirs.query), source  # the same queryset
    assert len(nonzero) >= len(COUNTED_AS) // 2, sorted(set(COUNTED_AS) - nonzero)
