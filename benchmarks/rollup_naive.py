"""The naive roll-up baseline the roll-up benchmarks time beside ``capuy.indicators.rollup``:
fetch the period's rows without a subtree condition and keep those whose unit lies under the
root by walking the parent links in Python. Both must give the same value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

ORG_FIELD = {
    "oversight.inspected_members": "oversight__organisation_id",
    "oversight.inspected_organisations": "oversight__organisation_id",
}


DEPTH_WEIGHTS = [(0, 5), (1, 15), (2, 40), (3, 40)]  # root, its children, below, below that


def sample_query(
    rng: Any, by_depth: dict[int, list[Any]], indicators: list[Any]
) -> tuple[int, Any, int, dt.date, dt.date, Any]:
    """One sampled (indicator, subtree, period) of the roll-up benchmarks: a unit at a depth
    drawn by ``DEPTH_WEIGHTS``, a period of 1–60 months from 2020 on; (depth, unit, months,
    start, end, indicator)."""
    from capuy.text import shift_months

    depth = rng.choices([d for d, _ in DEPTH_WEIGHTS], [w for _, w in DEPTH_WEIGHTS])[0]
    unit = rng.choice(by_depth[depth])
    months = rng.choice([1, 3, 6, 9, 12, 60])
    first = dt.date(
        2020 + rng.randrange(5 if months <= 12 else 1),
        1 + rng.randrange(12 if months == 1 else 1),
        1,
    )
    end = shift_months(first, months) - dt.timedelta(days=1)
    return depth, unit, months, first, end, rng.choice(indicators)


def make_naive(root: Any) -> Callable[[Any, Any, dt.date, dt.date], Decimal | None]:
    """The baseline for the data under ``root`` (its parent links read once, here)."""
    from capuy.indicators.models import IndicatorValue
    from capuy.indicators.rollup import rollup
    from capuy.orgs.models import Organisation
    from capuy.stats.counts import COUNTS

    parent_of = dict(Organisation.objects.values_list("pk", "parent_id"))

    def in_subtree(org_id: int | None, root_id: int) -> bool:
        while org_id is not None:
            if org_id == root_id:
                return True
            org_id = parent_of.get(org_id)
        return False

    def naive(indicator: Any, unit: Any, start: dt.date, end: dt.date) -> Decimal | None:
        if indicator.source:
            everything = COUNTS[indicator.source](root, start, end)
            field = ORG_FIELD.get(indicator.source, "organisation_id")
            return Decimal(
                sum(1 for o in everything.values_list(field, flat=True) if in_subtree(o, unit.pk))
            )
        if indicator.rollup == "none":
            return rollup(indicator, unit, start, end)
        if indicator.rollup == "ratio":
            num = naive(indicator.numerator, unit, start, end)
            den = naive(indicator.denominator, unit, start, end)
            return None if num is None or not den else (num * 100 / den).quantize(Decimal("0.0001"))
        rows = [
            r
            for r in IndicatorValue.objects.filter(
                indicator=indicator, period_start__gte=start, period_end__lte=end
            ).values_list("organisation_id", "period_start", "value")
            if in_subtree(r[0], unit.pk)
        ]
        if not rows:
            return None
        if indicator.rollup == "sum":
            return sum((r[2] for r in rows), Decimal(0))
        if indicator.rollup == "latest":
            last: dict[int, tuple[dt.date, Decimal]] = {}
            for org_id, period, value in rows:
                if org_id not in last or period > last[org_id][0]:
                    last[org_id] = (period, value)
            return sum((v for _, v in last.values()), Decimal(0))
        weights = {
            (o, p): v
            for o, p, v in IndicatorValue.objects.filter(
                indicator=indicator.weight, period_start__gte=start, period_end__lte=end
            ).values_list("organisation_id", "period_start", "value")
        }
        pairs = [(v, weights[(o, p)]) for o, p, v in rows if (o, p) in weights]
        total = sum((w for _, w in pairs), Decimal(0))
        return (
            (sum((v * w for v, w in pairs), Decimal(0)) / total).quantize(Decimal("0.0001"))
            if total
            else None
        )

    return naive


def same(live: Decimal | None, base: Decimal | None) -> bool:
    return live == base or (
        live is not None and base is not None and abs(live - base) <= Decimal("0.0001")
    )
