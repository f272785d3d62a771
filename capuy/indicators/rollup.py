"""Indicator values for any organisation subtree and period, live from the records.

Nothing is precomputed: a computed indicator counts its records (``capuy.stats.counts``) and an
entered one aggregates the units' values, both with one condition on the organisation's
materialised path. Entered figures belong to exactly one level (usually the grassroots units
enter, the levels above aggregate), so summing a subtree never counts a figure twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet

from capuy.indicators.batch import rollup_all
from capuy.indicators.models import Indicator, IndicatorValue, Target, ValidationRule
from capuy.orgs.models import Organisation, valid_at_q
from capuy.stats.counts import count_for, under
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
        **under(root),
        period_start__gte=start,
        period_end__lte=end,
    )


def rollup(
    indicator: Indicator, root: Organisation, start: dt.date, end: dt.date
) -> Decimal | None:
    """The indicator's value for ``root``'s subtree over [start, end] (None: no data).

    One indicator is the batch of one: the rules' SQL lives once, in ``batch.rollup_all``,
    so a page that reads many figures and a statement that reads one cannot disagree."""
    period = (start, end)
    return rollup_all([indicator], root, [period])[(indicator.pk, period)]


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


def reporting_status(
    root: Organisation,
    start: dt.date,
    end: dt.date,
    catalogue: Iterable[Indicator] | None = None,
) -> list[UnitStatus]:
    """For each unit directly under ``root`` (valid at the period's end): which required
    indicators it has not entered for exactly this period, and whether it was on time.
    ``catalogue``: every indicator, when the caller has just read them (not read again)."""
    due = end + dt.timedelta(days=int(load("indicators")["reporting_deadline_days"]))
    if catalogue is None:
        required = list(Indicator.objects.filter(required=True, source=""))
    else:  # the same filter and the model's order (position, code), on the rows in hand
        required = sorted(
            (i for i in catalogue if i.required and i.source == ""),
            key=lambda i: (i.position, i.code),
        )
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
