"""The organisation pages: the tree at a date (HTMX redraw) and a unit's history, scoped."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client

from capuy.orgs.history import reorganise
from capuy.orgs.models import Organisation, OrgEvent
from tests.web.conftest import Tree


def as_user(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_ward_user_sees_only_its_ward_tree(tree: Tree, ward_clerk: User) -> None:
    page = as_user(ward_clerk).get("/to-chuc/").content.decode()
    assert "Đảng bộ phường Phổ Hòa" in page and "Chi bộ Tổ dân phố 1" in page
    assert "Đảng bộ phường Phổ Minh" not in page and "Đảng bộ thị xã Đức Phổ" not in page


@pytest.mark.parametrize("target", ["town", "pho_minh", "province"])
def test_unit_page_out_of_scope_is_404(tree: Tree, ward_clerk: User, target: str) -> None:
    response = as_user(ward_clerk).get(f"/to-chuc/{getattr(tree, target).pk}/")
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()


def test_tree_at_a_date_across_a_merger(tree: Tree, town_leader: User) -> None:
    day = dt.date(2023, 1, 1)
    old = [
        Organisation.objects.create(
            name=f"Chi bộ Khối phố {n}", kind="chi_bo_truc_thuoc", parent=tree.pho_minh
        )
        for n in ("A", "B")
    ]
    new = Organisation.objects.create(
        name="Chi bộ Khối phố A-B", kind="chi_bo_truc_thuoc", parent=tree.pho_minh
    )
    reorganise(OrgEvent.Kind.MERGE, day, old, [new])
    client = as_user(town_leader)
    before = client.get("/to-chuc/", {"ngay": "31/12/2022"}).content.decode()
    after = client.get("/to-chuc/", {"ngay": "01/01/2023"}, HTTP_HX_REQUEST="true")
    assert "Chi bộ Khối phố A<" in before and "Chi bộ Khối phố A-B" not in before
    fragment = after.content.decode()
    assert "<html" not in fragment  # HTMX gets only the table
    assert "Chi bộ Khối phố A-B" in fragment and "Chi bộ Khối phố A<" not in fragment
    detail = client.get(f"/to-chuc/{new.pk}/").content.decode()
    assert "01/01/2023" in detail and "hợp nhất" in detail
    assert "Chi bộ Khối phố A, Chi bộ Khối phố B" in detail


def test_unreadable_date_gives_a_vietnamese_message(tree: Tree, town_leader: User) -> None:
    page = as_user(town_leader).get("/to-chuc/", {"ngay": "31/02/2024"}).content.decode()
    assert "không hợp lệ" in page and "ngày/tháng/năm" in page


def test_unit_page_shows_bodies_and_term(tree: Tree, town_clerk: User) -> None:
    page = as_user(town_clerk).get(f"/to-chuc/{tree.town.pk}/").content.decode()
    assert "UBKTTU" in page
    assert "khóa XXI, nhiệm kỳ 2020 - 2025" in page
