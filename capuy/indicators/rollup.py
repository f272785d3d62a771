"""Indicator values for any organisation subtree and period, live from the records.

Nothing is precomputed: a computed indicator counts its records (``capuy.stats.counts``) and an
entered one aggregates the units' values, both with one condition on the organisation's
materialised path. Entered figures belong to exactly one level (usually the grassroots units
enter, the levels above aggregate), so summing a subtree never counts a figure twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection
from django.db.models import F, Max, Q, QuerySet, Sum

from capuy.indicators.models import Indicator, IndicatorValue, Target, ValidationRule
from capuy.orgs.models import Organisation, valid_at_q
from capuy.stats.counts import count_for
from capuy.stats.phrases import achievement_percent
from capuy.vocab.records import load

__all__ = [
    "Achievement",
    "UnitStatus",
    "achievement",
    "check_rules",
    "entered_values",
    "reporting_status",
    "rollup",
]


def entered_values(
    indicator: Indicator, root: Organisation, start: dt.date, end: dt.date
) -> QuerySet[IndicatorValue]:
    """Values of ``indicator`` entered in the subtree for periods inside [start, end]."""
    return IndicatorValue.objects.filter(
        indicator=indicator,
        organisation__path__startswith=root.path,
        period_start__gte=start,
        period_end__lte=end,
    )


_SCALE = Decimal("0.0001")  # the values' own scale (IndicatorValue.value: 4 decimal places)


def _sum(qs: QuerySet[IndicatorValue], expression: object = None) -> Decimal | None:
    """The sum as one exact Decimal whatever the database: PostgreSQL's SUM over a
    numeric(18, 4) keeps the scale ("49.0000"), SQLite's gives an integer or a float ("49"),
    so the figure is rounded to the values' scale and written without trailing zeros ("49",
    "12.5") — the report's provenance is then the same text on both."""
    return _exact(qs.aggregate(total=Sum(expression or F("value")))["total"])


def _exact(total: object) -> Decimal | None:
    """A database's sum as ``_sum`` gives it (the values' scale, no trailing zeros)."""
    if total is None:
        return None
    value = Decimal(str(total)).quantize(_SCALE, rounding=ROUND_HALF_UP)
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


# The two rules that pair a value with another row are one join each, not a sub-query per
# value: the correlated sub-query ran once per value (EXPLAIN ANALYZE at 1/30 of the nation,
# five years: SubPlan loops=6.660, 204 ms; 199.260 loops at full size), the grouped join reads
# the values once (docs/national.md). Plain SQL the ORM cannot say
# (a join on a grouped sub-query), built from the ORM's own filtered query, portable.


def _latest_sum(
    values: QuerySet[IndicatorValue], indicator: Indicator, end: dt.date
) -> Decimal | None:
    """Each unit's value of its last period in the range (``values``: the indicator's values
    in the subtree and range), summed."""
    last = values.order_by().values("organisation_id").annotate(last_start=Max("period_start"))
    inner, params = last.query.sql_with_params()
    table = connection.ops.quote_name(IndicatorValue._meta.db_table)
    sql = (
        f"SELECT SUM(v.value) FROM {table} v JOIN ({inner}) t "
        'ON v.organisation_id = t.organisation_id AND v.period_start = t."last_start" '
        "WHERE v.indicator_id = %s AND v.period_end <= %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, indicator.pk, end])
        (total,) = cursor.fetchone()
    return _exact(total)


def _weighted_sums(
    values: QuerySet[IndicatorValue], weight: Indicator
) -> tuple[Decimal | None, Decimal | None]:
    """Σ value × weight and Σ weight over the values that have a weight for their unit and period."""
    rows = values.order_by().values("organisation_id", "period_start", "period_end", "value")
    inner, params = rows.query.sql_with_params()
    table = connection.ops.quote_name(IndicatorValue._meta.db_table)
    sql = (
        f"SELECT SUM(v.value * w.value), SUM(w.value) FROM ({inner}) v JOIN {table} w "
        "ON w.indicator_id = %s AND w.organisation_id = v.organisation_id "
        "AND w.period_start = v.period_start AND w.period_end = v.period_end"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, weight.pk])
        numerator, denominator = cursor.fetchone()
    return _exact(numerator), _exact(denominator)


def rollup(
    indicator: Indicator, root: Organisation, start: dt.date, end: dt.date
) -> Decimal | None:
    """The indicator's value for ``root``'s subtree over [start, end] (None: no data)."""
    if indicator.source:
        return Decimal(count_for(indicator.source, root, start, end))
    rule = indicator.rollup
    if rule == "none":
        own = IndicatorValue.objects.filter(
            indicator=indicator, organisation=root, period_start=start, period_end=end
        ).first()
        return own.value if own else None
    values = entered_values(indicator, root, start, end)
    if rule == "sum":
        return _sum(values)
    if rule == "latest":
        return _latest_sum(values, indicator, end)
    if rule == "ratio":
        assert indicator.numerator is not None and indicator.denominator is not None
        numerator = rollup(indicator.numerator, root, start, end)
        denominator = rollup(indicator.denominator, root, start, end)
        if numerator is None or not denominator:
            return None
        return (numerator * 100 / denominator).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    if rule == "weighted_average":
        assert indicator.weight is not None
        numerator, denominator = _weighted_sums(values, indicator.weight)
        if numerator is None or not denominator:
            return None
        return (numerator / denominator).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    raise ValueError(f"unknown roll-up rule {rule!r}")


@dataclass(frozen=True)
class Achievement:
    indicator: Indicator
    actual: Decimal | None
    target: Target | None
    percent: Decimal | None


def achievement(
    indicator: Indicator, root: Organisation, start: dt.date, end: dt.date
) -> Achievement:
    """The value over the period against the target of the year or term that contains it."""
    target = (
        Target.objects.filter(
            indicator=indicator, organisation=root, start__lte=start, end__gte=end
        )
        .order_by("-start")
        .first()
    )
    actual = rollup(indicator, root, start, end)
    percent = achievement_percent(actual, target.value) if (target and actual is not None) else None
    return Achievement(indicator, actual, target, percent)


_OPERATORS = {
    "<=": lambda a, b: a <= b,
    "<": lambda a, b: a < b,
    "=": lambda a, b: a == b,
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
}


def check_rules(
    organisation: Organisation,
    start: dt.date,
    end: dt.date,
    entered: dict[str, Decimal],
) -> list[str]:
    """Messages of the rules that ``entered`` (code → value, for this unit and period) breaks.

    A side missing from ``entered`` is taken from the stored value, or computed from the
    records for computed indicators; a rule with a side still unknown is not judged.
    """

    def side(indicator: Indicator) -> Decimal | None:
        if indicator.code in entered:
            return entered[indicator.code]
        if indicator.source:
            return Decimal(count_for(indicator.source, organisation, start, end))
        stored = IndicatorValue.objects.filter(
            indicator=indicator, organisation=organisation, period_start=start, period_end=end
        ).first()
        return stored.value if stored else None

    codes = set(entered)
    rules = ValidationRule.objects.filter(Q(left__code__in=codes) | Q(right__code__in=codes))
    messages = []
    for rule in rules.select_related("left", "right"):
        left = side(rule.left)
        right = side(rule.right) if rule.right else rule.right_constant
        if left is None or right is None:
            continue
        if not _OPERATORS[rule.operator](left, right):
            messages.append(rule.message)
    return messages


@dataclass(frozen=True)
class UnitStatus:
    """A subordinate unit's reporting for one period."""

    organisation: Organisation
    missing: list[Indicator]
    last_submitted: dt.date | None
    due: dt.date

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def on_time(self) -> bool:
        return self.complete and self.last_submitted is not None and self.last_submitted <= self.due


def reporting_status(root: Organisation, start: dt.date, end: dt.date) -> list[UnitStatus]:
    """For each unit directly under ``root`` (valid at the period's end): which required
    indicators it has not entered for exactly this period, and whether it was on time."""
    due = end + dt.timedelta(days=int(load("indicators")["reporting_deadline_days"]))
    required = list(Indicator.objects.filter(required=True, source=""))
    units = list(
        Organisation.objects.filter(Q(parent=root) & valid_at_q(end)).order_by("position", "name")
    )
    rows = IndicatorValue.objects.filter(
        organisation__in=units, indicator__in=required, period_start=start, period_end=end
    ).values_list("organisation_id", "indicator_id", "submitted_on")
    have: dict[int, set[int]] = {}
    last: dict[int, dt.date] = {}
    for org_id, indicator_id, submitted in rows:
        have.setdefault(org_id, set()).add(indicator_id)
        last[org_id] = max(last.get(org_id, submitted), submitted)
    return [
        UnitStatus(
            unit,
            [i for i in required if i.pk not in have.get(unit.pk, set())],
            last.get(unit.pk),
            due,
        )
        for unit in units
    ]


def target_of(root: Organisation, source: str, start: dt.date, end: dt.date) -> Target | None:
    """The target set for ``root`` on the indicator computed from ``source`` covering the
    period (registered as ``capuy.stats.counts``' target lookup for the members' statements)."""
    return (
        Target.objects.filter(
            organisation=root, indicator__source=source, start__lte=end, end__gte=start
        )
        .order_by("-start")
        .first()
    )
