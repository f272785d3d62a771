"""The organisation tree stays right across reorganisations, at every date.

Cases come from seed 003 ("đã hợp nhất 08 chi bộ thành 04 chi bộ; chia tách 03 chi bộ trực
thuộc Thị ủy") and from the 2025 reorganisation (district level ended on 01/7/2025; wards merged
and placed directly under the province).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from capuy.orgs.history import (
    descendants,
    name_at,
    organisation_tree,
    predecessors_of,
    rename,
    reorganise,
    successors_of,
    term_at,
)
from capuy.orgs.models import Body, Organisation, OrgEvent
from tests.conftest import seed
from tests.web.conftest import Tree

MERGE_DAY = dt.date(2022, 7, 1)
SEED_003_LINE = "đã hợp nhất 08 chi bộ thành 04 chi bộ; chia tách 03 chi bộ trực thuộc Thị ủy"


def cell(parent: Organisation, name: str, **kw: object) -> Organisation:
    return Organisation.objects.create(
        name=name, kind="chi_bo_co_so", code="CB", parent=parent, **kw
    )


def test_seed_003_states_the_reorganisation() -> None:
    assert SEED_003_LINE in seed("003").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("merged_from", "merged_into", "split"),
    [(8, 4, 3)],  # seed 003: hợp nhất 08 chi bộ thành 04 chi bộ; chia tách 03 chi bộ
)
def test_merge_and_split_of_cells_keeps_history(
    tree: Tree, merged_from: int, merged_into: int, split: int
) -> None:
    town = tree.town
    before_cells = [cell(town, f"Chi bộ cơ quan {i:02d}") for i in range(1, 15)]
    start = descendants(town, at=MERGE_DAY - dt.timedelta(days=1), include_self=False)
    count_before = start.filter(kind="chi_bo_co_so").count()
    assert count_before == 14

    groups = [before_cells[i : i + 2] for i in range(0, merged_from, 2)]
    assert len(groups) == merged_into
    for n, group in enumerate(groups, start=1):
        merged = cell(town, f"Chi bộ hợp nhất {n:02d}")
        reorganise(OrgEvent.Kind.MERGE, MERGE_DAY, group, [merged], decision="Quyết định … -QĐ/TU")
    for n, old in enumerate(before_cells[merged_from : merged_from + split], start=1):
        parts = [cell(town, f"Chi bộ tách {n:02d}-{p}") for p in ("A", "B")]
        reorganise(OrgEvent.Kind.SPLIT, MERGE_DAY, [old], parts)

    def cells_on(day: dt.date) -> set[str]:
        return set(
            descendants(town, at=day, include_self=False)
            .filter(kind="chi_bo_co_so")
            .values_list("name", flat=True)
        )

    old_names = {c.name for c in before_cells}
    assert cells_on(MERGE_DAY - dt.timedelta(days=1)) == old_names
    after = cells_on(MERGE_DAY)
    assert len(after) == 14 - merged_from + merged_into - split + 2 * split
    assert not after & {c.name for c in before_cells[: merged_from + split]}
    # the tree drawn for each date agrees with the flat query
    for day in (MERGE_DAY - dt.timedelta(days=1), MERGE_DAY):
        drawn = {o.name for depth, o in organisation_tree(town, at=day).walk() if depth == 1}
        assert {n for n in cells_on(day)} <= drawn
    # the history links both ways
    merged_01 = Organisation.objects.get(name="Chi bộ hợp nhất 01")
    assert [o.name for o in predecessors_of(merged_01)] == [
        "Chi bộ cơ quan 01",
        "Chi bộ cơ quan 02",
    ]
    assert {o.name for o in successors_of(before_cells[8])} == {
        "Chi bộ tách 01-A",
        "Chi bộ tách 01-B",
    }


def test_2025_district_level_abolished_wards_merged_under_province(tree: Tree) -> None:
    day = dt.date(2025, 7, 1)
    new_ward = Organisation.objects.create(
        name="Đảng bộ phường (mới, hợp nhất Phổ Hòa và Phổ Minh)",
        kind="dang_bo_co_so",
        code="ĐU",
        parent=tree.province,
    )
    # the town cannot end while its wards and cells live on
    with pytest.raises(ValidationError):
        reorganise(OrgEvent.Kind.DISSOLVE, day, [tree.town])
    reorganise(OrgEvent.Kind.DISSOLVE, day, [tree.pho_hoa_cell])
    reorganise(OrgEvent.Kind.MERGE, day, [tree.pho_hoa, tree.pho_minh], [new_ward])
    reorganise(OrgEvent.Kind.DISSOLVE, day, [tree.town])

    def names(at: dt.date) -> list[tuple[int, str]]:
        return [(d, o.name) for d, o in organisation_tree(tree.province, at=at).walk()]

    assert names(dt.date(2024, 2, 26)) == [
        (0, "Đảng bộ tỉnh Quảng Ngãi"),
        (1, "Đảng bộ thị xã Đức Phổ"),
        (2, "Đảng bộ phường Phổ Hòa"),
        (3, "Chi bộ Tổ dân phố 1"),
        (2, "Đảng bộ phường Phổ Minh"),
    ]
    assert names(day) == [
        (0, "Đảng bộ tỉnh Quảng Ngãi"),
        (1, "Đảng bộ phường (mới, hợp nhất Phổ Hòa và Phổ Minh)"),
    ]
    assert tree.town.__class__.objects.get(pk=tree.town.pk).valid_to == dt.date(2025, 6, 30)
    assert {o.name for o in predecessors_of(new_ward)} == {
        "Đảng bộ phường Phổ Hòa",
        "Đảng bộ phường Phổ Minh",
    }


@pytest.mark.parametrize(
    ("kind", "before", "after"),
    [
        (OrgEvent.Kind.MERGE, 1, 1),  # a merger needs two or more units
        (OrgEvent.Kind.SPLIT, 1, 1),  # a split needs two or more successors
        (OrgEvent.Kind.DISSOLVE, 0, 0),
    ],
)
def test_reorganise_refuses_malformed_events(
    tree: Tree, kind: str, before: int, after: int
) -> None:
    olds = [cell(tree.pho_minh, f"Chi bộ {i}") for i in range(before)]
    news = [cell(tree.pho_minh, f"Chi bộ mới {i}") for i in range(after)]
    with pytest.raises(ValidationError):
        reorganise(kind, dt.date(2023, 1, 1), olds, news)
    assert not OrgEvent.objects.exists()


def test_rename_keeps_the_unit_and_its_old_name(tree: Tree) -> None:
    rename(tree.pho_hoa_cell, "Chi bộ Khu dân cư số 1", dt.date(2023, 3, 1))
    assert name_at(tree.pho_hoa_cell, dt.date(2023, 2, 28)) == "Chi bộ Tổ dân phố 1"
    assert name_at(tree.pho_hoa_cell, dt.date(2023, 3, 1)) == "Chi bộ Khu dân cư số 1"
    assert predecessors_of(tree.pho_hoa_cell) == []


def test_paths_follow_a_change_of_parent(tree: Tree) -> None:
    tree.pho_hoa.parent = tree.province
    tree.pho_hoa.save()
    tree.pho_hoa_cell.refresh_from_db()
    assert (
        tree.pho_hoa_cell.path == f"/{tree.province.pk}/{tree.pho_hoa.pk}/{tree.pho_hoa_cell.pk}/"
    )
    assert tree.pho_hoa_cell not in descendants(tree.town)


@pytest.mark.parametrize(
    ("kind", "code"),
    [("btv", "TU"), ("ubkt", "UBKTTU"), ("ban_to_chuc", "BTCTU"), ("van_phong", "VPTU")],
)
def test_body_symbol_codes_as_in_the_seeds(tree: Tree, kind: str, code: str) -> None:
    # seed 000 cites 708-BC/TU, 218-QĐ/UBKTTU, 5169-CV/BTCTU
    body = Body.objects.filter(organisation=tree.town, kind=kind).first() or Body.objects.create(
        organisation=tree.town, kind=kind, name=kind
    )
    assert body.code == code


def test_term_at_date(tree: Tree) -> None:
    term = term_at(tree.town, dt.date(2024, 2, 26))
    assert term is not None and term.label == "khóa XXI, nhiệm kỳ 2020 - 2025"
    assert term_at(tree.town, dt.date(2019, 1, 1)) is None
