"""Log-in throttling (django-axes), CSRF on every POST, and the audit trail (django-auditlog)."""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.contrib.auth.models import User
from django.test import Client

from capuy.accounts.levels import Role
from capuy.accounts.models import RoleAssignment
from capuy.orgs.models import Body, Organisation
from tests.web.conftest import PASSWORD, Tree, make_user


def login(client: Client, username: str, password: str) -> object:
    return client.post("/dang-nhap/", {"username": username, "password": password})


def test_five_wrong_passwords_lock_the_account(client: Client, ward_clerk: User) -> None:
    for _ in range(5):
        response = login(client, "vanthu.phohoa", "sai-mat-khau")
        assert response.status_code in (200, 429)
    # now even the right password is refused, with the Vietnamese lockout page
    response = login(client, "vanthu.phohoa", PASSWORD)
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # another user from the same address is not locked out
    make_user("vanthu.phominh", ward_clerk.role_assignments.first().organisation, Role.CLERK)
    response = login(client, "vanthu.phominh", PASSWORD)
    assert response.status_code == 302


def test_wrong_password_message_is_vietnamese(client: Client, ward_clerk: User) -> None:
    page = login(client, "vanthu.phohoa", "sai-mat-khau").content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in page


@pytest.mark.parametrize("url", ["/dang-nhap/", "/dang-xuat/"])
def test_post_without_csrf_token_is_refused(ward_clerk: User, url: str) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(url, {"username": "vanthu.phohoa", "password": PASSWORD})
    assert response.status_code == 403
    assert "CSRF" in response.content.decode()


def test_post_with_csrf_token_passes(ward_clerk: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.get("/dang-nhap/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/dang-nhap/",
        {"username": "vanthu.phohoa", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302


def test_session_cookie_is_http_only(client: Client, ward_clerk: User) -> None:
    login(client, "vanthu.phohoa", PASSWORD)
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_audit_trail_records_who_when_before_after_through_the_admin(tree: Tree) -> None:
    admin = User.objects.create_superuser("quantri", password=PASSWORD)
    client = Client()
    client.force_login(admin)
    body = Body.objects.get(organisation=tree.town, kind="ubkt")
    response = client.post(
        f"/quan-tri/orgs/body/{body.pk}/change/",
        {
            "organisation": tree.town.pk,
            "kind": "ubkt",
            "name": "Ủy ban Kiểm tra Thị ủy Đức Phổ",
            "code": "UBKTTU",
            "valid_from": "01/04/2020",
            "valid_to": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = LogEntry.objects.get_for_object(body).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == admin
    assert entry.changes_dict["name"] == [
        "Ủy ban Kiểm tra Thị ủy",
        "Ủy ban Kiểm tra Thị ủy Đức Phổ",
    ]
    assert entry.changes_dict["valid_from"] == ["None", "2020-04-01"]
    assert (dt.datetime.now(dt.UTC) - entry.timestamp).total_seconds() < 600

    response = client.post(f"/quan-tri/orgs/body/{body.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    deleted = LogEntry.objects.filter(
        content_type__model="body", object_pk=str(body.pk), action=LogEntry.Action.DELETE
    ).get()
    assert deleted.actor == admin
    assert deleted.changes_dict["name"][0] == "Ủy ban Kiểm tra Thị ủy Đức Phổ"


def test_audit_trail_on_role_assignment_and_organisation(tree: Tree, ward_clerk: User) -> None:
    admin = User.objects.create_superuser("quantri", password=PASSWORD)
    with set_actor(admin):
        grant = RoleAssignment.objects.create(
            user=ward_clerk, organisation=tree.pho_minh, role=Role.SPECIALIST
        )
        tree.pho_minh.name = "Đảng bộ phường Phổ Minh (đổi tên)"
        tree.pho_minh.save()
    created = LogEntry.objects.get_for_object(grant).get()
    assert created.action == LogEntry.Action.CREATE and created.actor == admin
    update = (
        LogEntry.objects.get_for_object(tree.pho_minh).filter(action=LogEntry.Action.UPDATE).get()
    )
    assert update.changes_dict["name"] == [
        "Đảng bộ phường Phổ Minh",
        "Đảng bộ phường Phổ Minh (đổi tên)",
    ]
    assert Organisation.objects.get(pk=tree.pho_minh.pk).name.endswith("(đổi tên)")


def test_password_never_logged_in_clear(tree: Tree) -> None:
    user = make_user("chuyenvien", tree.town, Role.SPECIALIST)
    user.set_password("mat-khau-moi-rat-dai-2024")
    user.save()
    for entry in LogEntry.objects.get_for_object(user):
        assert "mat-khau-moi-rat-dai-2024" not in str(entry.changes)
