"""The home page per role: each user sees the panels of their roles, nothing from outside scope."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from capuy.accounts.levels import Role
from tests.web.conftest import Tree, make_user


def home(user: User) -> str:
    client = Client()
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("role", "admin_panel"),
    [(Role.CLERK, False), (Role.SPECIALIST, False), (Role.LEADER, False), (Role.ADMIN, True)],
)
def test_admin_panel_only_for_administrators(tree: Tree, role: str, admin_panel: bool) -> None:
    user = make_user(f"u-{role}", tree.town, role)
    page = home(user)
    assert ('id="panel-accounts_admin"' in page) is admin_panel
    assert "Thị ủy Đức Phổ" in page  # the office in the header and title


def test_admin_panel_counts_its_units_and_shows_lockouts(tree: Tree, ward_clerk: User) -> None:
    admin = make_user("quantri.ducpho", tree.town, Role.ADMIN)
    make_user("quantri.khac", tree.province, Role.ADMIN)  # above the town: not counted
    client = Client()
    for _ in range(5):
        client.post("/dang-nhap/", {"username": "vanthu.phohoa", "password": "sai"})
    page = home(admin)
    assert "02 tài khoản đang hoạt động" in page  # the ward clerk and the admin
    assert "vanthu.phohoa" in page and "(05 lần)" in page


def test_menu_lists_the_registered_pages(tree: Tree, ward_clerk: User) -> None:
    page = home(ward_clerk)
    assert 'href="/to-chuc/"' in page
    assert 'href="/van-ban/"' in page  # the register's entry, registered by its app


def test_logout_is_a_post_with_csrf(tree: Tree, ward_clerk: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(ward_clerk)
    assert client.get("/dang-xuat/").status_code == 405
    page = client.get("/").content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert client.post("/dang-xuat/", {"csrfmiddlewaretoken": token}).status_code == 302
    assert client.get("/").status_code == 302  # logged out: back to the login page


def test_vocabulary_page_for_staff_only(tree: Tree, ward_clerk: User) -> None:
    client = Client()
    assert client.get("/danh-muc/").status_code == 302  # signed out: to the log-in page
    client.force_login(ward_clerk)
    refused = client.get("/danh-muc/", follow=True)  # signed in, not staff: no redirect loop
    assert refused.status_code == 403 and not refused.redirect_chain
    assert "chỉ dành cho quản trị hệ thống" in refused.content.decode()
    admin = User.objects.create_superuser("quantri", password="x")
    client.force_login(admin)
    page = client.get("/danh-muc/").content.decode()
    assert "Đảng bộ cơ sở" in page and "UBKTTU" in page and "Tuyệt mật" in page
