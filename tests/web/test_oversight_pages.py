"""Inspection and discipline pages: entry with subjects, the model's rules shown in Vietnamese,
records and subjects limited to the user's units."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from capuy.accounts.levels import Role
from capuy.members.services import admit
from capuy.oversight.models import DisciplineDecision, Oversight
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def ward_specialist(client: Client, tree: Tree):  # type: ignore[no-untyped-def]
    user = make_user("chuyenvien.phohoa", tree.pho_hoa, Role.SPECIALIST)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return user


def test_inspection_with_organisation_and_member_subjects(
    client: Client, tree: Tree, ward_specialist
) -> None:  # type: ignore[no-untyped-def]
    member = admit(tree.pho_hoa_cell, "Đỗ Văn Kiểm", "nam", D(2010, 1, 1))
    response = client.post(
        "/kiem-tra/",
        {
            "organisation": tree.pho_hoa.pk,
            "activity": "inspection",
            "body": "committee",
            "kind": "dau_hieu_vi_pham",
            "subject_matter": "Quản lý đất đai",
            "started_on": "05/03/2024",
            "subject_organisations": [tree.pho_hoa_cell.pk],
            "subject_members": str(member.pk),
        },
    )
    assert response.status_code == 302
    record = Oversight.objects.get()
    assert {str(s) for s in record.subjects.all()} == {"Chi bộ Tổ dân phố 1", "Đỗ Văn Kiểm"}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "gs_chuyen_de"}, "Loại không phù hợp với hoạt động kiểm tra/giám sát."),
        ({"concluded_on": "01/03/2024"}, "Ngày kết luận phải sau ngày bắt đầu."),
        (
            {"subject_organisations": [], "subject_members": ""},
            "Chọn ít nhất một tổ chức đảng hoặc đảng viên.",
        ),
        ({"subject_members": "99999"}, "Có mã đảng viên không tồn tại hoặc ngoài phạm vi của bạn."),
    ],
)
def test_inspection_form_refusals(
    client: Client, tree: Tree, ward_specialist, changes: dict, message: str
) -> None:  # type: ignore[no-untyped-def]
    data = {
        "organisation": tree.pho_hoa.pk,
        "activity": "inspection",
        "body": "committee",
        "kind": "chuyen_de",
        "subject_matter": "x",
        "started_on": "05/03/2024",
        "subject_organisations": [tree.pho_hoa_cell.pk],
        **changes,
    }
    page = client.post("/kiem-tra/", data).content.decode()
    assert message in page
    assert not Oversight.objects.exists()


def test_member_of_another_ward_cannot_be_a_subject_or_disciplined(
    client: Client, tree: Tree, ward_specialist
) -> None:  # type: ignore[no-untyped-def]
    outsider = admit(tree.pho_minh, "Người Phổ Minh", "nam", D(2010, 1, 1))
    page = client.post(
        "/kiem-tra/ky-luat/",
        {
            "subject_member": str(outsider.pk),
            "form": "khien_trach",
            "deciding_body": "chi_bo",
            "decided_on": "01/04/2024",
            "reason": "x",
        },
    ).content.decode()
    assert "ngoài phạm vi của bạn" in page
    assert not DisciplineDecision.objects.exists()


@pytest.mark.parametrize(
    ("subject", "form", "ok"),
    [
        ("member", "cach_chuc", True),
        ("member", "giai_tan", False),
        ("organisation", "giai_tan", True),
        ("organisation", "cach_chuc", False),
    ],
)
def test_discipline_forms_fit_the_subject(
    client: Client, tree: Tree, ward_specialist, subject: str, form: str, ok: bool
) -> None:  # type: ignore[no-untyped-def]
    member = admit(tree.pho_hoa_cell, "Bị Kỷ Luật", "nam", D(2010, 1, 1))
    data = {
        "form": form,
        "deciding_body": "dang_uy_co_so",
        "decided_on": "01/04/2024",
        "reason": "Vi phạm",
    }
    data.update(
        {"subject_member": str(member.pk)}
        if subject == "member"
        else {"subject_organisation": tree.pho_hoa_cell.pk}
    )
    response = client.post("/kiem-tra/ky-luat/", data)
    assert (response.status_code == 302) is ok
    assert DisciplineDecision.objects.exists() is ok
    if not ok:
        assert "Hình thức này không áp dụng cho" in response.content.decode()


def test_lists_are_scoped(client: Client, tree: Tree) -> None:
    for org, matter in ((tree.pho_hoa, "Việc của Phổ Hòa"), (tree.pho_minh, "Việc của Phổ Minh")):
        Oversight.objects.create(
            organisation=org,
            activity="supervision",
            body="committee",
            kind="gs_chuyen_de",
            subject_matter=matter,
            started_on=D(2024, 1, 5),
        )
    client.force_login(
        make_user("lanhdao.phominh", tree.pho_minh, Role.LEADER),
        backend="django.contrib.auth.backends.ModelBackend",
    )
    page = client.get("/kiem-tra/").content.decode()
    assert "Việc của Phổ Minh" in page and "Việc của Phổ Hòa" not in page
    assert "Ghi cuộc kiểm tra" not in page  # a leader reads, does not enter
