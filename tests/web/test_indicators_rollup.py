"""Indicator roll-up rules, targets, validation rules and reporting completeness, on a real database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from capuy.indicators.catalogue import ensure_computed_indicators
from capuy.indicators.models import Indicator, IndicatorValue, Target, ValidationRule
from capuy.indicators.rollup import achievement, check_rules, reporting_status, rollup
from capuy.members.services import admit
from capuy.orgs.models import Organisation
from tests.web.conftest import Tree

pytestmark = pytest.mark.django_db
D = dt.date
JAN, FEB = (D(2024, 1, 1), D(2024, 1, 31)), (D(2024, 2, 1), D(2024, 2, 29))
YEAR = (D(2024, 1, 1), D(2024, 12, 31))


def indicator(code: str, rollup_rule: str, **fields: object) -> Indicator:
    return Indicator.objects.create(code=code, name=code, unit="x", rollup=rollup_rule, **fields)


def value(
    ind: Indicator,
    org: Organisation,
    period: tuple[dt.date, dt.date],
    v: str,
    submitted: dt.date | None = None,
) -> None:
    IndicatorValue.objects.create(
        indicator=ind,
        organisation=org,
        period_start=period[0],
        period_end=period[1],
        value=Decimal(v),
        submitted_on=submitted or period[1],
    )


@pytest.fixture
def figures(tree: Tree) -> dict[str, Indicator]:
    """Households (a stock), poor households, and income weighted by households, in two wards
    over two months; plus a value in the province outside the town (never counted)."""
    households = indicator("ho_dan", "latest")
    poor = indicator("ho_ngheo", "latest")
    rate = indicator("ty_le_ho_ngheo", "ratio", numerator=poor, denominator=households)
    income = indicator("thu_nhap", "weighted_average", weight=households)
    recruits = indicator("giao_quan", "sum")
    for org, hh, pr, inc, rec in [
        (tree.pho_hoa, ("1000", "1010"), ("30", "29"), ("50", "52"), ("4", "6")),
        (tree.pho_minh, ("3000", "2990"), ("90", "88"), ("70", "71"), ("10", "0")),
    ]:
        for i, period in enumerate((JAN, FEB)):
            value(households, org, period, hh[i])
            value(poor, org, period, pr[i])
            value(income, org, period, inc[i])
            value(recruits, org, period, rec[i])
    value(recruits, tree.province, JAN, "500")
    return {
        "households": households,
        "poor": poor,
        "rate": rate,
        "income": income,
        "recruits": recruits,
    }


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("recruits", Decimal("20")),  # sum: 4 + 6 + 10 + 0
        ("households", Decimal("4000")),  # latest per unit (February), summed: 1010 + 2990
        ("poor", Decimal("117")),  # 29 + 88
        ("rate", Decimal("2.9250")),  # ratio of sums: 117 / 4000
        # weighted by the month's households: (50·1000 + 52·1010 + 70·3000 + 71·2990) / 8000 = 65,60125
        ("income", Decimal("65.6013")),
    ],
)
def test_rollup_rules_over_the_town_subtree(
    tree: Tree, figures: dict[str, Indicator], name: str, expected: Decimal
) -> None:
    assert rollup(figures[name], tree.town, *YEAR) == expected


def test_rollup_of_one_unit_and_one_month(tree: Tree, figures: dict[str, Indicator]) -> None:
    assert rollup(figures["recruits"], tree.pho_minh, *JAN) == Decimal("10")
    assert rollup(figures["households"], tree.pho_hoa, *JAN) == Decimal("1000")
    assert rollup(figures["recruits"], tree.pho_hoa_cell, *YEAR) is None


def test_none_rule_takes_only_the_units_own_value(tree: Tree) -> None:
    rank = indicator("xep_hang_cchc", "none")
    value(rank, tree.town, YEAR, "3")
    value(rank, tree.pho_hoa, YEAR, "7")
    assert rollup(rank, tree.town, *YEAR) == Decimal("3")
    assert rollup(rank, tree.town, *JAN) is None


def test_computed_indicator_counts_records_and_meets_its_target(tree: Tree) -> None:
    catalogue = {i.code: i for i in ensure_computed_indicators()}
    admissions = catalogue["ket_nap"]
    for i in range(9):
        admit(tree.pho_hoa_cell if i % 2 else tree.pho_minh, f"Người {i}", "nu", D(2024, 3, 1 + i))
    admit(tree.province, "Ngoài thị xã", "nam", D(2024, 3, 2))
    Target.objects.create(
        indicator=admissions,
        organisation=tree.town,
        start=YEAR[0],
        end=YEAR[1],
        label="năm 2024",
        value=Decimal(12),
        source="tỉnh giao",
    )
    result = achievement(admissions, tree.town, D(2024, 1, 1), D(2024, 9, 30))
    assert result.actual == Decimal(9)
    assert result.target is not None and result.target.source == "tỉnh giao"
    assert result.percent == Decimal("75.0000")
    assert rollup(catalogue["tong_dang_vien"], tree.town, *YEAR) == Decimal(9)
    assert ensure_computed_indicators()  # idempotent
    assert Indicator.objects.filter(code="ket_nap").count() == 1


@pytest.mark.parametrize(
    ("entered", "messages"),
    [
        ({"ho_ngheo": Decimal("30"), "ho_dan": Decimal("1000")}, []),
        (
            {"ho_ngheo": Decimal("1200"), "ho_dan": Decimal("1000")},
            ["Số hộ nghèo không thể lớn hơn số hộ dân."],
        ),
        ({"ho_ngheo": Decimal("-1")}, ["Số hộ nghèo không âm."]),
        # the other side comes from the stored value of the same unit and period
        ({"ho_ngheo": Decimal("1001")}, ["Số hộ nghèo không thể lớn hơn số hộ dân."]),
    ],
)
def test_validation_rules_run_on_entry(
    tree: Tree, entered: dict[str, Decimal], messages: list[str]
) -> None:
    households = indicator("ho_dan", "latest")
    poor = indicator("ho_ngheo", "latest")
    ValidationRule.objects.create(
        left=poor,
        operator="<=",
        right=households,
        message="Số hộ nghèo không thể lớn hơn số hộ dân.",
    )
    ValidationRule.objects.create(
        left=poor, operator=">=", right_constant=Decimal(0), message="Số hộ nghèo không âm."
    )
    value(households, tree.pho_hoa, JAN, "1000")
    assert check_rules(tree.pho_hoa, *JAN, entered) == messages


def test_reporting_completeness_and_timeliness_of_subordinate_units(tree: Tree) -> None:
    a = indicator("a", "sum", required=True)
    b = indicator("b", "sum", required=True)
    indicator("c", "sum")  # optional: never makes a unit incomplete
    value(a, tree.pho_hoa, JAN, "1", submitted=D(2024, 2, 2))
    value(b, tree.pho_hoa, JAN, "1", submitted=D(2024, 2, 3))  # deadline: 31/01 + 3 days
    value(a, tree.pho_minh, JAN, "1", submitted=D(2024, 2, 1))
    statuses = {s.organisation: s for s in reporting_status(tree.town, *JAN)}
    assert set(statuses) == {tree.pho_hoa, tree.pho_minh}
    assert statuses[tree.pho_hoa].complete and statuses[tree.pho_hoa].on_time
    assert statuses[tree.pho_minh].missing == [b] and not statuses[tree.pho_minh].on_time
    value(b, tree.pho_minh, JAN, "1", submitted=D(2024, 2, 10))
    late = {s.organisation: s for s in reporting_status(tree.town, *JAN)}[tree.pho_minh]
    assert late.complete and not late.on_time
