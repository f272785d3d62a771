"""The indicators' synthetic records: entered indicators with monthly values for every
commune, and the admissions target of every district (``capuy.stats.synth`` runs it last;
registered from ``IndicatorsConfig.ready()``)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from capuy.indicators.catalogue import ensure_computed_indicators
from capuy.indicators.models import Indicator, IndicatorValue, Target, ValidationRule
from capuy.orgs.models import Organisation
from capuy.stats.national import register_national_finish
from capuy.stats.synth import (
    END,
    START,
    Generator,
    SynthUnits,
    batches,
    months,
    register_family,
)


def _entered(code: str, name: str, unit: str, rule: str, **extra: Any) -> Indicator:
    indicator, _ = Indicator.objects.update_or_create(
        code=code,
        defaults={"name": name, "unit": unit, "rollup": rule, "required": True, **extra},
    )
    return indicator


def _entered_indicators() -> tuple[Indicator, ...]:
    """The indicators the communes enter each month (households, poor households, income,
    recruits, revenue), the poverty rate computed from two of them, and their check."""
    households = _entered("ho_dan", "Tổng số hộ dân", "hộ", "latest")
    poor = _entered("ho_ngheo", "Số hộ nghèo", "hộ", "latest")
    _entered(
        "ty_le_ho_ngheo",
        "Tỷ lệ hộ nghèo",
        "%",
        "ratio",
        numerator=poor,
        denominator=households,
        required=False,
    )
    income = _entered(
        "thu_nhap_binh_quan",
        "Thu nhập bình quân đầu người",
        "triệu đồng/tháng",
        "weighted_average",
        weight=households,
    )
    recruits = _entered("giao_quan", "Số thanh niên nhập ngũ", "người", "sum")
    revenue = _entered("thu_ngan_sach", "Thu ngân sách nhà nước", "triệu đồng", "sum")
    ValidationRule.objects.get_or_create(
        left=poor,
        operator="<=",
        right=households,
        defaults={"message": "Số hộ nghèo không thể lớn hơn tổng số hộ dân."},
    )
    return households, poor, income, recruits, revenue


def _commune_values(
    rng: random.Random, commune: Organisation, entered: tuple[Indicator, ...]
) -> list[IndicatorValue]:
    """A commune's monthly values, drifting from a random start, some submitted late. The
    draws' order is the records' identity (one scale and seed give the same records)."""
    households, poor, income, recruits, revenue = entered
    rows = []
    hh = rng.randint(1500, 6000)
    poor_rate = rng.uniform(0.02, 0.09)
    income_level = rng.uniform(3.0, 6.0)
    for first, last in months():
        hh += rng.randint(-5, 12)
        poor_rate = max(0.005, poor_rate - rng.uniform(0, 0.0008))
        income_level += rng.uniform(0, 0.04)
        late = rng.random() < 0.1
        submitted = last + dt.timedelta(days=rng.randint(4, 12) if late else rng.randint(0, 3))
        for indicator, value in (
            (households, hh),
            (poor, round(hh * poor_rate)),
            (income, round(income_level, 2)),
            (recruits, rng.randint(0, 4) if first.month in (1, 2) else 0),
            (revenue, rng.randint(300, 3000)),
        ):
            rows.append(
                IndicatorValue(
                    indicator=indicator,
                    organisation=commune,
                    period_start=first,
                    period_end=last,
                    value=Decimal(str(value)),
                    submitted_on=submitted,
                )
            )
    return rows


def _admission_targets(
    ket_nap: Indicator, root: Organisation, districts: list[Organisation]
) -> list[Target]:
    """The yearly admissions target of the root and of each district (``ADMISSIONS_SHARE`` of
    its members)."""
    targets = []
    for org, size in [(root, 1.0)] + [
        (d, 1.0 / max(len(districts), 1)) for d in districts if d != root
    ]:
        members = 100_000 * size if len(districts) > 1 else 4500 * size
        targets += _yearly_targets(ket_nap, org, members, "tỉnh giao")
    return targets


ADMISSIONS_SHARE = 0.032  # the yearly admissions target, as a share of the unit's members


def _yearly_targets(
    ket_nap: Indicator, org: Organisation, members: float, source: str
) -> list[Target]:
    """The unit's admissions target of each generated year (``ADMISSIONS_SHARE`` of its members)."""
    return [
        Target(
            indicator=ket_nap,
            organisation=org,
            start=dt.date(year, 1, 1),
            end=dt.date(year, 12, 31),
            label=f"năm {year}",
            value=Decimal(round(members * ADMISSIONS_SHARE)),
            source=source,
        )
        for year in range(START.year, END.year + 1)
    ]


def indicators(
    gen: Generator, root: Organisation, districts: list[Organisation], communes: list[Organisation]
) -> None:
    """The communes' monthly values (commune by commune, in order), then the targets."""
    computed = {i.code: i for i in ensure_computed_indicators()}
    entered = _entered_indicators()
    rows = []
    for commune in communes:
        rows += _commune_values(gen.rng, commune, entered)
    for batch in batches(rows):
        IndicatorValue.objects.bulk_create(batch)
    Target.objects.bulk_create(_admission_targets(computed["ket_nap"], root, districts))
    gen.advance("số liệu chỉ tiêu", len(rows))


def fill(gen: Generator, units: SynthUnits) -> None:
    indicators(gen, units.root, units.districts, units.communes)


TARGET_2024 = 180  # seed 002: "đạt 91,7% chỉ tiêu tỉnh giao" with 165 admissions


def demo_target(town: Organisation) -> None:
    """The province's admissions target of 2024 for the demo town (seed 002)."""
    ket_nap = Indicator.objects.get(code="ket_nap")
    Target.objects.update_or_create(
        indicator=ket_nap,
        organisation=town,
        start=dt.date(2024, 1, 1),
        defaults={
            "end": dt.date(2024, 12, 31),
            "label": "năm 2024",
            "value": Decimal(TARGET_2024),
            "source": "tỉnh giao",
        },
    )


def national_targets(root: Organisation, by_province: dict[int, int]) -> None:
    """The admissions targets (``ADMISSIONS_SHARE`` of the members, as at the province scale)
    of the nation and of each province, once ``capuy.stats.national`` has built them."""
    ket_nap = Indicator.objects.get(code="ket_nap")
    for province_id, members in by_province.items():
        Target.objects.filter(indicator=ket_nap, organisation_id=province_id).update(
            value=Decimal(round(members * ADMISSIONS_SHARE))
        )
    total = sum(by_province.values())
    Target.objects.bulk_create(_yearly_targets(ket_nap, root, total, "Trung ương giao"))


def register() -> None:
    register_family("indicators", fill, order=40, demo=demo_target)
    register_national_finish("indicators", national_targets)
