"""The indicators' part of a composed report: the section ``indicators`` (each indicator with
data or a target, rolled up over the subtree), registered into ``capuy.stats.sections`` from
``IndicatorsConfig.ready()``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Q

from capuy.indicators.models import Indicator, IndicatorValue, Target
from capuy.indicators.rollup import achievement, entered_values
from capuy.orgs.models import Organisation
from capuy.stats.counts import COUNTS, under
from capuy.stats.sections import Provenance, SectionRequest, register_section
from capuy.text import format_number, format_percent

__all__ = ["indicator_rows", "register"]


def _fmt(value: Decimal | None, places: int = 2) -> str:
    if value is None:
        return "—"
    if value == value.to_integral_value():
        return format_number(int(value))
    return format_number(value.quantize(Decimal(10) ** -places).normalize())


def indicator_rows(
    root: Organisation, start: dt.date, end: dt.date, prov: Provenance
) -> list[dict[str, str]]:
    """Every indicator with data or a target for the subtree: the value rolled up over the
    subordinate units (``capuy.indicators.rollup``), its target and the achievement."""

    with_values = IndicatorValue.objects.filter(
        **under(root), period_start__gte=start, period_end__lte=end
    ).values("indicator")
    with_targets = Target.objects.filter(organisation=root, start__lte=start, end__gte=end).values(
        "indicator"
    )
    indicators = Indicator.objects.filter(Q(pk__in=with_values) | Q(pk__in=with_targets))
    rows = []
    for indicator in indicators.order_by("position", "code"):
        result = achievement(indicator, root, start, end)
        records = (
            COUNTS[indicator.source](root, start, end)
            if indicator.source
            else entered_values(indicator, root, start, end)
        )
        prov.add(f"indicators.{indicator.code}", indicator.name, result.actual, records)
        rows.append(
            {
                "code": indicator.code,
                "name": indicator.name,
                "unit": indicator.unit,
                "actual": _fmt(result.actual),
                "actual_value": result.actual,
                "target": _fmt(result.target.value) if result.target else "—",
                "percent": format_percent(result.percent, 2) if result.percent is not None else "—",
            }
        )
    return rows


def _indicators(r: SectionRequest) -> dict[str, Any]:
    return {"indicators": indicator_rows(r.org, r.start, r.end, r.prov)}


def register() -> None:
    register_section("indicators", _indicators)
