"""Roll-ups, one or many at once: every (indicator, period) a page shows in a bounded number
of queries — one per roll-up rule, whatever the number of indicators and periods. This is the
only place the roll-up rules are written in SQL; ``rollup.rollup`` asks it for one indicator
(tests/web/test_indicators_batch.py compares both with the naive baseline).

Each rule is one query grouped by period and indicator: the subtree's values over the span
of all the periods (one query the ORM compiles once, however many periods) joined with the
periods themselves (``_periods``: a value counts for every period that contains it), then
the grouped joins of ``latest`` and ``weighted_average``; the computed indicators' counts
are scalar sub-queries of one ``SELECT`` (``count_all``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection, models
from django.db.models import Q, QuerySet

from capuy.indicators.models import Indicator, IndicatorValue, Target
from capuy.orgs.models import Organisation
from capuy.stats.counts import COUNTS, DATED_BY, under

__all__ = ["count_all", "rollup_all", "targets_of"]

Period = tuple[dt.date, dt.date]
Branch = tuple[str, list[Any]]
_QUANTUM = Decimal("0.0001")  # the values' own scale (IndicatorValue.value: 4 decimal places)
_RULE_NAMES = frozenset({"none", "sum", "latest", "weighted_average", "ratio"})


def _exact(total: object) -> Decimal | None:
    """A database's sum as one exact Decimal whatever the database: PostgreSQL's SUM over a
    numeric(18, 4) keeps the scale ("49.0000"), SQLite's gives an integer or a float ("49"),
    so the figure is rounded to the values' scale and written without trailing zeros ("49",
    "12.5") — the report's provenance is then the same text on both."""
    if total is None:
        return None
    value = Decimal(str(total)).quantize(_QUANTUM, rounding=ROUND_HALF_UP)
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


# A count over a span of days, split by periods: (queryset, its date field, the periods).
Split = tuple[QuerySet[Any], str, Sequence["Period"]]


def count_all(querysets: Sequence[QuerySet[Any]], splits: Sequence[Split] = ()) -> list[int]:
    """``[qs.count() for qs in querysets]`` in one query (a scalar sub-query each), followed
    by, for each ``(qs, field, periods)`` of ``splits``, the count of ``qs``'s rows whose
    ``field`` falls in each period — one pass over ``qs`` for all its periods (a derived
    table of filtered counts), not one per period."""
    if not querysets and not splits:
        return []
    parts, params = [], []
    for n, qs in enumerate(querysets):
        # What ``count()`` itself leaves out: no ordering, no ``select_related`` joins, and
        # (where it cannot change the count) only the key selected. A drill-down queryset
        # joins the member of every event for its list; counted with that join, the nation's
        # twelve monthly admissions took 188 ms at 1/10 scale against 60 ms without it.
        lean = qs.order_by()
        if lean._fields is None:  # a ``values()`` queryset selects its own columns already
            lean = lean.select_related(None)
            if not lean.query.annotations:
                lean = lean.values("pk")
        try:
            sql, p = lean.query.sql_with_params()
        except EmptyResultSet:  # a query that matches nothing by construction (``none()``)
            parts.append("0")
            continue
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) c{n})")
        params.extend(p)
    tables, table_params = [], []
    for n, (qs, field, periods) in enumerate(splits):
        names = [f"s{n}_{k}" for k in range(len(periods))]
        row = (
            qs.order_by()
            .select_related(None)
            .values(whole=models.Value(1))  # no grouping: one row of counts
            .annotate(
                **{
                    # the date itself counted, not the key (the same: a date in a period is
                    # not null): for the whole tree the count is then read from a (kind,
                    # date) index alone, with no row fetched
                    name: models.Count(field, filter=Q(**{f"{field}__gte": s, f"{field}__lte": e}))
                    for name, (s, e) in zip(names, periods, strict=True)
                }
            )
            .values(*names)
        )
        try:
            sql, p = row.query.sql_with_params()
        except EmptyResultSet:
            parts.extend("0" for _ in names)
            continue
        parts.extend(f"s{n}.{name}" for name in names)
        tables.append(f"({sql}) s{n}")
        table_params.extend(p)
    query = "SELECT " + ", ".join(parts)
    if tables:
        query += " FROM " + " CROSS JOIN ".join(tables)
    with connection.cursor() as cursor:
        cursor.execute(query, params + table_params)
        return [int(n) for n in cursor.fetchone()]


def targets_of(
    indicators: Iterable[Indicator], root: Organisation, start: dt.date, end: dt.date
) -> dict[int, Target]:
    """Per indicator, the target ``rollup.achievement`` reads (the latest that covers the
    period), in one query."""
    found: dict[int, Target] = {}
    for target in Target.objects.filter(
        indicator__in=list(indicators), organisation=root, start__lte=start, end__gte=end
    ).order_by("-start"):
        found.setdefault(target.indicator_id, target)
    return found


def _values(ids: list[int], root: Organisation, start: dt.date, end: dt.date) -> QuerySet[Any]:
    return IndicatorValue.objects.filter(
        indicator_id__in=ids,
        **under(root),
        period_start__gte=start,
        period_end__lte=end,
    ).order_by()


def _periods(periods: Sequence[Period]) -> Branch:
    """The periods as a relation ``(k, s, e)`` (``k`` the period's index in ``periods``):
    plain ``SELECT``s joined by ``UNION ALL``, which SQLite and PostgreSQL both read."""
    adapt = connection.ops.adapt_datefield_value
    sql = " UNION ALL ".join(f"SELECT {k} AS k, %s AS s, %s AS e" for k in range(len(periods)))
    return sql, [adapt(day) for period in periods for day in period]


def _span(
    ids: list[int], root: Organisation, periods: Sequence[Period], *fields: str
) -> tuple[str, list[Any], str, list[Any]]:
    """The subtree's values of ``ids`` inside the span of all ``periods`` (compiled once by
    the ORM, whatever the number of periods) and the periods' relation to join them with."""
    low, high = min(s for s, _ in periods), max(e for _, e in periods)
    rows = _values(ids, root, low, high).values(*fields)
    inner, params = rows.query.sql_with_params()
    relation, dates = _periods(periods)
    return inner, list(params), relation, dates


_INSIDE = "t.period_start >= p.s AND t.period_end <= p.e"  # a value counts for period p


def _sum(ids: list[int], root: Organisation, periods: Sequence[Period]) -> Branch:
    inner, params, relation, dates = _span(
        ids, root, periods, "indicator_id", "period_start", "period_end", "value"
    )
    return (
        f"SELECT p.k, t.indicator_id, SUM(t.value), NULL FROM ({inner}) t "
        f"JOIN ({relation}) p ON {_INSIDE} GROUP BY p.k, t.indicator_id",
        [*params, *dates],
    )


def _latest(ids: list[int], root: Organisation, periods: Sequence[Period]) -> Branch:
    """Each unit's value of its last period in the range, summed per indicator of ``ids``.

    Not a sub-query per value (the correlated sub-query ran once per value — EXPLAIN ANALYZE
    at 1/30 of the nation, five years: SubPlan loops=6.660, 204 ms; docs/national.md). Plain
    SQL the ORM cannot say (a window over a join with the periods), built from the ORM's own
    query."""
    inner, params, relation, dates = _span(
        ids, root, periods, "indicator_id", "organisation_id", "period_start", "period_end", "value"
    )
    # One pass: each value inside a period ranked by its start within its (period, indicator,
    # unit); those of rank 1 are the unit's last (several if they share the start, as the
    # join on MAX(period_start) it replaces counted them). At full national size the join
    # read the nation's 80.000 values twice and merged them (~200 ms at load 8); a window
    # function is in SQLite since 3.25 and in PostgreSQL (docs/national.md, "natsum4").
    ranked = (
        "SELECT p.k, t.indicator_id, t.value, RANK() OVER (PARTITION BY p.k, t.indicator_id, "
        "t.organisation_id ORDER BY t.period_start DESC) AS r "
        f"FROM ({inner}) t JOIN ({relation}) p ON {_INSIDE}"
    )
    return (
        f"SELECT l.k, l.indicator_id, SUM(l.value), NULL FROM ({ranked}) l WHERE l.r = 1 "
        "GROUP BY l.k, l.indicator_id",
        [*params, *dates],
    )


def _weighted(ids: list[int], root: Organisation, periods: Sequence[Period]) -> Branch:
    """Σ value × weight and Σ weight per indicator of ``ids`` (each with its own weight
    indicator), over the values that have a weight for their unit and period."""
    inner, params, relation, dates = _span(
        ids, root, periods, "indicator_id", "organisation_id", "period_start", "period_end", "value"
    )
    table = connection.ops.quote_name(IndicatorValue._meta.db_table)
    indicators = connection.ops.quote_name(Indicator._meta.db_table)
    span = (min(s for s, _ in periods), max(e for _, e in periods))
    weight = connection.ops.quote_name(Indicator._meta.get_field("weight").column)
    return (
        f"SELECT p.k, t.indicator_id, SUM(t.value * w.value), SUM(w.value) FROM ({inner}) t "
        f"JOIN ({relation}) p ON {_INSIDE} "
        f"JOIN {indicators} i ON i.id = t.indicator_id JOIN {table} w "
        f"ON w.indicator_id = i.{weight} AND w.organisation_id = t.organisation_id "
        "AND w.period_start = t.period_start AND w.period_end = t.period_end "
        # the weights inside the span only (those are all a value inside it can pair with):
        # else every weight of every year was read and probed once each
        "AND w.period_start >= %s AND w.period_end <= %s "
        "GROUP BY p.k, t.indicator_id",
        [*params, *dates, *(connection.ops.adapt_datefield_value(d) for d in span)],
    )


_RULES: dict[str, Callable[[list[int], Organisation, Sequence[Period]], Branch]] = {
    "sum": _sum,
    "latest": _latest,
    "weighted_average": _weighted,
}


def _with_parts(indicators: Iterable[Indicator]) -> list[Indicator]:
    """The indicators and those their ratios are computed from (read once, by id)."""
    out = {i.pk: i for i in indicators}
    while True:
        wanted = {
            pk
            for i in out.values()
            if i.rollup == "ratio" and not i.source
            for pk in (i.numerator_id, i.denominator_id)
            if pk is not None and pk not in out
        }
        if not wanted:
            return list(out.values())
        out.update(Indicator.objects.in_bulk(wanted))


def _own(ids: list[int], root: Organisation, periods: Sequence[Period]) -> dict[Any, Any]:
    """The ``none`` rule: the unit's own value for exactly the period."""
    if not ids:
        return {}
    exact = Q()
    for start, end in periods:
        exact |= Q(period_start=start, period_end=end)
    rows = IndicatorValue.objects.filter(exact, indicator_id__in=ids, organisation=root)
    return {
        (v.indicator_id, (v.period_start, v.period_end)): v.value
        for v in rows.only("indicator_id", "period_start", "period_end", "value")
    }


def _ratio(numerator: Decimal | None, denominator: Decimal | None, scale: int) -> Decimal | None:
    if numerator is None or not denominator:
        return None
    return (numerator * scale / denominator).quantize(_QUANTUM, rounding=ROUND_HALF_UP)


def _computed(
    indicators: list[Indicator],
    root: Organisation,
    periods: Sequence[Period],
    counted: Mapping[tuple[int, Period], int],
) -> dict[tuple[int, Period], Decimal | None]:
    """The computed indicators' values: the counts given, the others in one query."""
    out: dict[tuple[int, Period], Decimal | None] = {
        (i.pk, p): Decimal(counted[(i.pk, p)])
        for i in indicators
        for p in periods
        if (i.pk, p) in counted
    }
    asked = [(i, p) for i in indicators for p in periods if (i.pk, p) not in counted]
    # many periods of a count that periods split by one date field: one pass over their span
    # (twelve months of a province's admissions at national size: 30 ms against 350 ms for
    # twelve counts, each probing every unit of the province again)
    split: dict[int, tuple[Indicator, list[Period]]] = {}
    for indicator, period in asked:
        if indicator.source in DATED_BY:
            split.setdefault(indicator.pk, (indicator, []))[1].append(period)
    split = {pk: v for pk, v in split.items() if len(v[1]) > 1}
    single = [(i, p) for i, p in asked if i.pk not in split]
    splits = [
        (
            COUNTS[i.source or ""](root, min(s for s, _ in ps), max(e for _, e in ps)),
            DATED_BY[i.source or ""],
            ps,
        )
        for i, ps in split.values()
    ]
    counts = iter(count_all([COUNTS[i.source or ""](root, *p) for i, p in single], splits))
    out.update({(i.pk, p): Decimal(next(counts)) for i, p in single})
    out.update({(i.pk, p): Decimal(next(counts)) for i, ps in split.values() for p in ps})
    return out


def rollup_all(
    indicators: Iterable[Indicator],
    root: Organisation,
    periods: Sequence[Period],
    counted: Mapping[tuple[int, Period], int] | None = None,
) -> dict[tuple[int, Period], Decimal | None]:
    """``{(indicator.pk, period): rollup(indicator, root, *period)}`` for every pair, in at
    most five queries (the counts, the own values, and one per rule).

    ``counted`` gives computed indicators' counts the caller has already made in this
    request from the same querysets (the indicators page's statements,
    ``statements.SOURCE_PARTS``); those are not asked again."""
    chosen = _with_parts(indicators)
    unknown = {i.rollup for i in chosen if not i.source} - _RULE_NAMES
    if unknown:
        raise ValueError(f"unknown roll-up rule {sorted(unknown)[0]!r}")
    out = _computed([i for i in chosen if i.source], root, periods, counted or {})
    entered = [i for i in chosen if not i.source]
    own = _own([i.pk for i in entered if i.rollup == "none"], root, periods)
    out.update(
        {(i.pk, p): own.get((i.pk, p)) for i in entered if i.rollup == "none" for p in periods}
    )
    sums: dict[tuple[int, Period], tuple[Any, Any]] = {}
    for rule, branch in _RULES.items():
        ids = [i.pk for i in entered if i.rollup == rule]
        if not ids or not periods:
            continue
        sql, params = branch(ids, root, periods)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for k, pk, first, second in cursor.fetchall():
                sums[(pk, periods[k])] = (first, second)
    for i in entered:
        for p in periods:
            first, second = sums.get((i.pk, p), (None, None))
            if i.rollup in ("sum", "latest"):
                out[(i.pk, p)] = _exact(first)
            elif i.rollup == "weighted_average":
                out[(i.pk, p)] = _ratio(_exact(first), _exact(second), 1)
    ratios = {i.pk: i for i in entered if i.rollup == "ratio"}

    def value(pk: int, p: Period) -> Decimal | None:
        if (pk, p) not in out:  # a ratio: from its parts (themselves perhaps ratios)
            i = ratios[pk]
            assert i.numerator_id is not None and i.denominator_id is not None
            out[(pk, p)] = _ratio(value(i.numerator_id, p), value(i.denominator_id, p), 100)
        return out[(pk, p)]

    for pk in ratios:
        for p in periods:
            value(pk, p)
    return out
