"""A unit named by a user is found by one indexed query on its folded names (issue 10): the
keys are stored by ``save()``, by ``bulk_create`` and, for the rows that existed, by the
migration ``0003_organisation_search_keys``."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.db import connection

from capuy.errors import InputError
from capuy.orgs.lookup import organisation_by_name
from capuy.orgs.models import Organisation
from tests.web.conftest import Tree

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Thị ủy Đức Phổ",  # committee name as written
        "Thị uỷ Đức Phổ",  # the old tone placement
        "thi uy duc pho",  # no marks at all
        "  ĐẢNG BỘ THỊ XÃ ĐỨC PHỔ ",  # the unit's name, in capitals and spaces
        "dang bo thi xa duc pho",
    ],
)
def test_a_unit_is_found_by_any_spelling_of_its_names(tree: Tree, text: str) -> None:
    assert organisation_by_name(text) == tree.town


def test_by_id_and_one_query_for_a_folded_name(tree: Tree, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    assert organisation_by_name(str(tree.pho_minh.pk)) == tree.pho_minh
    with django_assert_max_num_queries(2):  # exact names, then the folded keys: no scan
        assert organisation_by_name("dang uy phuong pho hoa") == tree.pho_hoa


def test_none_or_several_is_a_clear_error(tree: Tree) -> None:
    with pytest.raises(InputError, match="Không tìm thấy tổ chức “Thị ủy Không Có”"):
        organisation_by_name("Thị ủy Không Có")
    twin = Organisation.objects.create(
        name="Đảng bộ phường Phổ Hoa", kind="dang_bo_co_so", parent=tree.town
    )
    with pytest.raises(InputError, match="hãy dùng số hiệu") as error:
        organisation_by_name("dang bo phuong pho hoa")
    assert str(twin.pk) in str(error.value) and str(tree.pho_hoa.pk) in str(error.value)
    # the exact name still tells them apart
    assert organisation_by_name("Đảng bộ phường Phổ Hòa") == tree.pho_hoa


def test_keys_follow_renames_and_bulk_writes(tree: Tree) -> None:
    tree.pho_hoa_cell.name = "Chi bộ Tổ dân phố Đông"
    tree.pho_hoa_cell.save(update_fields=["name"])
    assert Organisation.objects.get(pk=tree.pho_hoa_cell.pk).name_key == "chi bo to dan pho dong"
    (made,) = Organisation.objects.bulk_create(
        [Organisation(name="Chi bộ Thôn Đá Bạc", kind="chi_bo_truc_thuoc", parent=tree.pho_minh)]
    )
    assert Organisation.objects.filter(name_key="chi bo thon da bac").count() == 1
    assert organisation_by_name("Chi bo thon Da Bac").name == made.name


def test_the_migration_fills_the_rows_that_existed(tree: Tree) -> None:
    Organisation.objects.update(name_key="", committee_key="")
    migration = importlib.import_module("capuy.orgs.migrations.0003_organisation_search_keys")
    migration.fill_keys(apps, None)
    town = Organisation.objects.get(pk=tree.town.pk)
    assert (town.name_key, town.committee_key) == ("dang bo thi xa duc pho", "thi uy duc pho")


def test_the_keys_are_indexed() -> None:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "orgs_organisation")
    indexed = {tuple(c["columns"]) for c in constraints.values() if c["index"]}
    assert ("name_key",) in indexed and ("committee_key",) in indexed
