"""The per-request memo of a user's access (``capuy.accounts.access``): read once per request,
never carried to the next request or to another user.

The memo (assignments, covered paths, clearance, the visible units' queryset) lives in the
user object's ``__dict__``; ``request.user`` is a new object for every request. These tests
change roles and clearance between two requests of the same session and interleave users."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from capuy.accounts.access import clearance_of, scope_queryset, visible_organisations
from capuy.accounts.levels import Classification, Role
from capuy.accounts.models import Profile, RoleAssignment
from capuy.documents.models import Document
from capuy.documents.numbering import register_outgoing
from capuy.members.models import Member
from capuy.members.services import admit
from capuy.orgs.models import Body
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db


def login(user: User) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_the_access_is_read_once_however_often_it_is_asked(tree: Tree) -> None:
    user = User.objects.get(pk=make_user("lanhdao.phohoa", tree.pho_hoa, Role.LEADER).pk)
    with CaptureQueriesContext(connection) as captured:
        for _ in range(5):
            list(visible_organisations(user))
            scope_queryset(Member.objects.all(), user).count()
            clearance_of(user)
    tables = [q["sql"].split(" FROM ")[1].split()[0] for q in captured.captured_queries]
    assert tables.count('"accounts_roleassignment"') == 1
    assert tables.count('"accounts_profile"') == 1
    assert {o.pk for o in visible_organisations(user)} == {tree.pho_hoa.pk, tree.pho_hoa_cell.pk}


def test_a_role_given_between_two_requests_counts_from_the_next(tree: Tree) -> None:
    admit(tree.pho_hoa_cell, "Người Phổ Hòa", "nam", dt.date(2015, 1, 1))
    admit(tree.pho_minh, "Người Phổ Minh", "nu", dt.date(2015, 1, 1))
    user = make_user("lanhdao.phohoa", tree.pho_hoa, Role.LEADER)
    client = login(user)
    first = client.get("/dang-vien/").content.decode()
    assert "Người Phổ Hòa" in first and "Người Phổ Minh" not in first
    RoleAssignment.objects.create(user=user, organisation=tree.town, role=Role.LEADER)
    second = client.get("/dang-vien/").content.decode()
    assert "Người Phổ Hòa" in second and "Người Phổ Minh" in second
    RoleAssignment.objects.filter(user=user, organisation=tree.town).delete()
    assert "Người Phổ Minh" not in client.get("/dang-vien/").content.decode()


def _secret_plan(tree: Tree) -> Document:
    """A Mật plan of the town's standing committee."""
    body = Body.objects.get(organisation=tree.town, kind="btv")
    return register_outgoing(
        issuing_body=body,
        type_code="KH",
        issued_on=dt.date(2024, 2, 1),
        summary="Kế hoạch mật",
        classification=Classification.SECRET,
    )


def test_a_clearance_changed_between_two_requests_counts_from_the_next(tree: Tree) -> None:
    secret = _secret_plan(tree)
    user = make_user("lanhdao.ducpho", tree.town, Role.LEADER)
    client = login(user)
    assert client.get(f"/van-ban/{secret.pk}/").status_code == 404
    Profile.objects.filter(user=user).update(clearance=Classification.SECRET)
    assert client.get(f"/van-ban/{secret.pk}/").status_code == 200
    Profile.objects.filter(user=user).update(clearance=Classification.NORMAL)
    assert client.get(f"/van-ban/{secret.pk}/").status_code == 404
    assert Document.objects.filter(pk=secret.pk).exists()


def test_interleaved_users_never_see_each_others_scope_or_clearance(tree: Tree) -> None:
    admit(tree.pho_hoa_cell, "Người Phổ Hòa", "nam", dt.date(2015, 1, 1))
    admit(tree.pho_minh, "Người Phổ Minh", "nu", dt.date(2015, 1, 1))
    secret = _secret_plan(tree)
    town = login(
        make_user("lanhdao.ducpho", tree.town, Role.LEADER, clearance=Classification.SECRET)
    )
    ward = login(make_user("lanhdao.phohoa", tree.pho_hoa, Role.LEADER))
    town_specialist = login(make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST))
    for _ in range(2):
        assert "Người Phổ Minh" in town.get("/dang-vien/").content.decode()
        assert "Người Phổ Minh" not in ward.get("/dang-vien/").content.decode()
        assert town.get(f"/van-ban/{secret.pk}/").status_code == 200
        assert town_specialist.get(f"/van-ban/{secret.pk}/").status_code == 404
        assert ward.get(f"/van-ban/{secret.pk}/").status_code == 404
