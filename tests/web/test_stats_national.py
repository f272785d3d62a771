"""The national generator (``capuy synth --scale national``): shapes and counts on PostgreSQL
with COPY, the same records through the ORM, the same roll-up values on SQLite and PostgreSQL,
and the refusal on SQLite."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from typer.testing import CliRunner

from capuy.cli import app
from capuy.errors import InputError
from capuy.indicators.models import Indicator, IndicatorValue, Target
from capuy.indicators.rollup import rollup
from capuy.members.models import Member, MemberEvent, MemberRating
from capuy.orgs.models import Organisation, tree_step
from capuy.oversight.models import Oversight
from capuy.petitions.models import Petition
from capuy.stats.national import NationalShape, generate_national, national_plan
from tests.golden import assert_golden

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
TINY = NationalShape(
    committees_per_commune=1,
    cells_per_committee=1,
    grassroots_cells_per_commune=1,
    village_cells_per_commune=2,
    members_per_cell=3,
)
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="COPY loading is PostgreSQL's; run with CAPUY_DATABASE_URL=postgresql://… "
    "(scripts/test.sh does)",
)
PERIODS = [
    (dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    (dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    (dt.date(2020, 1, 1), dt.date(2024, 12, 31)),
]


def rollup_table(root: Organisation) -> str:
    """Every indicator's roll-up for the nation, three provinces, a commune and a cell, over
    a month, a year and five years, one line each, units named by their place in the tree."""
    provinces = list(Organisation.objects.filter(parent=root).order_by("position"))
    commune = Organisation.objects.filter(parent=provinces[5]).order_by("position").first()
    assert commune is not None
    cell = Organisation.objects.filter(parent=commune).order_by("position").last()
    units = [
        ("toàn quốc", root),
        *((p.name, p) for p in provinces[:3]),
        (f"{provinces[5].name} / {commune.name}", commune),
        (f"… / {cell.name}", cell),
    ]
    lines = []
    for indicator in Indicator.objects.order_by("code"):
        for label, unit in units:
            for start, end in PERIODS:
                lines.append(
                    f"{indicator.code} | {label} | {start}..{end} | {rollup(indicator, unit, start, end)}"
                )
    return "\n".join(lines) + "\n"


def test_the_plan_spreads_communes_over_34_provinces() -> None:
    assert sum(national_plan(1.0)) == 3321
    assert len(national_plan(0.01)) == 34
    assert sum(national_plan(0.01)) == 34  # round(33,21) = 33, at least one a province
    assert sum(national_plan(0.1)) == 332
    assert max(national_plan(0.1)) - min(national_plan(0.1)) <= 1
    with pytest.raises(InputError):
        national_plan(0)


@on_postgresql
def test_copy_loading_builds_the_nation_with_the_orms_rows() -> None:
    root = generate_national(0.0001, shape=TINY, seed=7)
    tree = Organisation.objects.filter(path__startswith=root.path)
    assert root.kind == "toan_dang" and root.parent_id is None
    provinces = list(tree.filter(parent=root).order_by("position"))
    assert len(provinces) == 34
    assert provinces[0].name == "Đảng bộ thành phố Hà Nội"
    assert provinces[0].committee_name == "Thành ủy Hà Nội"
    assert {p.kind for p in provinces} == {"dang_bo_tinh"}
    communes = tree.filter(parent__in=provinces)
    assert communes.count() == 34
    # every path is the parent's path and the id; the search keys are filled as save() fills them
    for org in tree.select_related("parent")[:200]:
        expected = f"{org.parent.path if org.parent else '/'}{org.pk}/"
        assert org.path == expected
        assert org.tree_key == f"{org.parent.tree_key if org.parent else ''}" + tree_step(
            org.position, org.pk
        )
        assert org.name_key and " " in org.name_key and org.name_key == org.name_key.lower()
    cells = 34 * (1 * 1 + 1 + 2)  # per commune: a committee's cell, a grassroots cell, 2 villages
    assert tree.filter(kind__in=["chi_bo_truc_thuoc", "chi_bo_co_so"]).count() == cells
    assert Member.objects.count() == cells * 3
    assert not Member.objects.filter(organisation__kind__startswith="dang_bo").exists()
    assert IndicatorValue.objects.filter(organisation__in=communes).count() == 34 * 60 * 5
    assert MemberEvent.objects.exists() and MemberRating.objects.exists()
    assert Oversight.objects.filter(organisation__in=communes).exists()
    assert Petition.objects.filter(organisation__in=provinces).exists()
    ket_nap = Target.objects.get(organisation=root, start=dt.date(2024, 1, 1))
    assert ket_nap.value == round(Member.objects.count() * 0.032)
    # the sequences moved past the copied ids: an ORM insert after it takes a fresh id
    extra = Organisation.objects.create(name="Chi bộ thêm", kind="chi_bo_truc_thuoc", parent=root)
    assert extra.pk > max(tree.exclude(pk=extra.pk).values_list("pk", flat=True))


@on_postgresql
def test_copy_and_orm_give_the_same_figures_on_postgresql() -> None:
    copied = generate_national(0.0001, shape=TINY, seed=7)
    table = rollup_table(copied)
    through_orm = generate_national(0.0001, shape=TINY, seed=7, copy=False)
    assert rollup_table(through_orm) == table
    assert_golden("national_rollups.txt", table)


def test_sqlite_gives_the_same_rollups_as_postgresql() -> None:
    """The golden file is the figures of the COPY-loaded data on PostgreSQL (the test above);
    the ORM-loaded data gives them on whichever database this run uses."""
    root = generate_national(0.0001, shape=TINY, seed=7, copy=False)
    assert_golden("national_rollups.txt", rollup_table(root))


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the refusal is SQLite's")
def test_national_scale_is_refused_on_sqlite() -> None:
    with pytest.raises(InputError, match="PostgreSQL"):
        generate_national(0.01)
    result = CliRunner().invoke(app, ["synth", "--scale", "national", "--fraction", "0.01"])
    assert result.exit_code == 2
    assert "chỉ chạy trên PostgreSQL" in result.output
