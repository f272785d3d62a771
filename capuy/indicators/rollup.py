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

from django.db.models import DecimalField, F, OuterRef, Q, QuerySet, Subquery, Sum

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
    total = qs.aggregate(total=Sum(expression or F("value")))["total"]
    if total is None:
        return None
    value = Decimal(str(total)).quantize(_SCALE, rounding=ROUND_HALF_UP)
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


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
        last_period = (
            IndicatorValue.objects.filter(
                indicator=indicator,
                organisation=OuterRef("organisation"),
                period_start__gte=start,
                period_end__lte=end,
            )
            .order_by("-period_start")
            .values("period_start")[:1]
        )
        return _sum(values.filter(period_start=Subquery(last_period)))
    if rule == "ratio":
        assert indicator.numerator is not None and indicator.denominator is not None
        numerator = rollup(indicator.numerator, root, start, end)
        denominator = rollup(indicator.denominator, root, start, end)
        if numerator is None or not denominator:
            return None
        return (numerator * 100 / denominator).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    if rule == "weighted_average":
        assert indicator.weight is not None
        weight = IndicatorValue.objects.filter(
            indicator=indicator.weight,
            organisation=OuterRef("organisation"),
            period_start=OuterRef("period_start"),
            period_end=OuterRef("period_end"),
        ).values("value")[:1]
        weighted = values.annotate(
            w=Subquery(weight, output_field=DecimalField(max_digits=18, decimal_places=4))
        ).filter(w__isnull=False)
        numerator = _sum(weighted, F("value") * F("w"))
        denominator = _sum(weighted, F("w"))
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
