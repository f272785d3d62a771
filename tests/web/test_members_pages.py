"""Member pages: personal data is scoped (list and URL), entry is audited with the user."""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.test import Client

from capuy.accounts.levels import Role
from capuy.members.models import Member
from capuy.members.services import admit
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def people(tree: Tree) -> dict[str, Member]:
    return {
        "hoa": admit(tree.pho_hoa_cell, "Trần Thị Hòa", "nu", D(2015, 3, 2)),
        "minh": admit(tree.pho_minh, "Lê Quang Minh", "nam", D(2012, 8, 19)),
    }


def login(client: Client, user, password: str) -> Client:  # type: ignore[no-untyped-def]
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.mark.parametrize(
    ("unit", "role", "sees_hoa", "sees_minh"),
    [
        ("town", Role.SPECIALIST, True, True),
        ("town", Role.LEADER, True, True),
        ("pho_hoa", Role.SPECIALIST, True, False),
        ("pho_minh", Role.LEADER, False, True),
    ],
)
def test_member_list_and_detail_are_scoped(
    client: Client,
    tree: Tree,
    people: dict[str, Member],
    password: str,
    unit: str,
    role: str,
    sees_hoa: bool,
    sees_minh: bool,
) -> None:
    user = make_user(f"u-{unit}-{role}", getattr(tree, unit), role)
    login(client, user, password)
    page = client.get("/dang-vien/").content.decode()
    assert ("Trần Thị Hòa" in page) is sees_hoa
    assert ("Lê Quang Minh" in page) is sees_minh
    for key, visible in (("hoa", sees_hoa), ("minh", sees_minh)):
        response = client.get(f"/dang-vien/{people[key].pk}/")
        assert response.status_code == (200 if visible else 404)


def test_a_clerk_without_a_records_role_is_refused(
    client: Client, ward_clerk, people, password: str
) -> None:  # type: ignore[no-untyped-def]
    login(client, ward_clerk, password)
    assert client.get("/dang-vien/").status_code == 403
    assert client.get(f"/dang-vien/{people['hoa'].pk}/").status_code == 403


def test_admission_through_the_form_is_audited_with_the_user(
    client: Client, tree: Tree, password: str
) -> None:
    user = make_user("chuyenvien.phohoa", tree.pho_hoa, Role.SPECIALIST)
    login(client, user, password)
    response = client.post(
        "/dang-vien/",
        {
            "organisation": tree.pho_hoa_cell.pk,
            "full_name": "Phạm Thị Thu",
            "gender": "nu",
            "birth_date": "12/05/1998",
            "admitted_on": "19/05/2024",
            "entry": "admission",
            "decision": "12-QĐ/ĐU",
        },
    )
    assert response.status_code == 302
    member = Member.objects.get(full_name="Phạm Thị Thu")
    assert member.admitted_on == D(2024, 5, 19) and member.events.get().kind == "admission"
    entry = LogEntry.objects.get_for_object(member).get()
    assert entry.actor == user and entry.action == LogEntry.Action.CREATE


def test_admission_form_refuses_a_unit_out_of_reach_and_an_underage_person(
    client: Client, tree: Tree, password: str
) -> None:
    user = make_user("chuyenvien.phohoa", tree.pho_hoa, Role.SPECIALIST)
    login(client, user, password)
    page = client.post(
        "/dang-vien/",
        {
            "organisation": tree.pho_minh.pk,
            "full_name": "X",
            "gender": "nam",
            "admitted_on": "01/01/2024",
            "entry": "admission",
        },
    ).content.decode()
    assert "Chọn một đơn vị bạn được nhập hồ sơ." in page
    page = client.post(
        "/dang-vien/",
        {
            "organisation": tree.pho_hoa_cell.pk,
            "full_name": "Y",
            "gender": "nam",
            "birth_date": "01/01/2010",
            "admitted_on": "01/01/2024",
            "entry": "admission",
        },
    ).content.decode()
    assert "phải đủ 18 tuổi" in page
    assert not Member.objects.exists()


def test_event_on_another_wards_member_is_404(
    client: Client, tree: Tree, people: dict[str, Member], password: str
) -> None:
    user = make_user("chuyenvien.phohoa", tree.pho_hoa, Role.SPECIALIST)
    login(client, user, password)
    response = client.post(
        f"/dang-vien/{people['minh'].pk}/bien-dong/", {"kind": "strike_off", "date": "01/02/2024"}
    )
    assert response.status_code == 404
    people["minh"].refresh_from_db()
    assert people["minh"].left_on is None
    response = client.post(
        f"/dang-vien/{people['hoa'].pk}/bien-dong/", {"kind": "strike_off", "date": "01/02/2024"}
    )
    assert response.status_code == 302
    people["hoa"].refresh_from_db()
    assert people["hoa"].left_on == D(2024, 2, 1)


def test_due_page_lists_probationary_members(client: Client, tree: Tree, password: str) -> None:
    today = dt.date.today()
    admit(tree.pho_hoa_cell, "Đến Hạn", "nam", today - dt.timedelta(days=370))
    admit(tree.pho_hoa_cell, "Mới Vào", "nam", today - dt.timedelta(days=30))
    user = make_user("lanhdao.phohoa", tree.pho_hoa, Role.LEADER)
    login(client, user, password)
    page = client.get("/dang-vien/den-han/").content.decode()
    assert "Đến Hạn" in page and "Mới Vào" not in page


def test_home_panel_lists_members_due_for_recognition(client: Client, tree: Tree) -> None:
    today = dt.date.today()
    admit(tree.pho_hoa_cell, "Quá Hạn Rồi", "nam", today - dt.timedelta(days=400))
    admit(tree.pho_minh, "Ở Phổ Minh", "nam", today - dt.timedelta(days=400))
    login(client, make_user("cv.phohoa", tree.pho_hoa, Role.SPECIALIST), "")
    page = client.get("/").content.decode()
    assert "Đảng viên dự bị đến hạn công nhận chính thức" in page
    assert "Quá Hạn Rồi" in page and "quá hạn" in page and "Ở Phổ Minh" not in page


def test_transfer_in_through_the_form(client: Client, tree: Tree) -> None:
    login(client, make_user("cv.phohoa", tree.pho_hoa, Role.SPECIALIST), "")
    data = {
        "organisation": tree.pho_hoa_cell.pk,
        "full_name": "Hồ Văn Đến",
        "gender": "nam",
        "admitted_on": "19/05/1994",
        "entry": "transfer_in_official",
        "counterpart": "Huyện ủy Bình Sơn",
    }
    assert "Nhập ngày chuyển đến." in client.post("/dang-vien/", data).content.decode()
    assert client.post("/dang-vien/", {**data, "arrived_on": "01/03/2024"}).status_code == 302
    assert Member.objects.get().events.get().kind == "transfer_in_official"
