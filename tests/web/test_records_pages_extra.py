"""Badge, organisation-rating and asset-verification pages: lists limited to the user's units,
entry audited with the user, Vietnamese inline errors that keep the input, other wards' records
out of reach (404 / refused), and the badge due list computed from real admission dates."""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.test import Client

from capuy.accounts.levels import Role
from capuy.members.models import Badge, Member, OrganisationRating
from capuy.members.services import admit, award_badge
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db
D = dt.date


def login(client: Client, user) -> Client:  # type: ignore[no-untyped-def]
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def ward_specialist(client: Client, tree: Tree):  # type: ignore[no-untyped-def]
    user = make_user("chuyenvien.phohoa", tree.pho_hoa, Role.SPECIALIST)
    login(client, user)
    return user


@pytest.fixture
def veterans(tree: Tree) -> dict[str, Member]:
    """One long-standing member in each ward, each already holding a badge."""
    hoa = admit(tree.pho_hoa_cell, "Nguyễn Văn Thạnh", "nam", D(1975, 5, 19))
    minh = admit(tree.pho_minh, "Võ Thị Lành", "nu", D(1980, 9, 2))
    award_badge(hoa, 45, D(2020, 5, 19), "QĐ 12-QĐ/TU")
    award_badge(minh, 40, D(2020, 11, 7), "QĐ 99-QĐ/TU")
    return {"hoa": hoa, "minh": minh}


# --- badges -------------------------------------------------------------------------------


def test_badge_list_shows_only_the_wards_own_awards(
    client: Client, ward_specialist, veterans: dict[str, Member]
) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/dang-vien/huy-hieu/").content.decode()
    assert "Nguyễn Văn Thạnh" in page and "45 năm tuổi Đảng" in page and "19/05/2020" in page
    assert "Võ Thị Lành" not in page and "QĐ 99-QĐ/TU" not in page


def test_badge_list_at_the_town_shows_both_wards(
    client: Client, tree: Tree, veterans: dict[str, Member]
) -> None:
    login(client, make_user("lanhdao.thixa", tree.town, Role.LEADER))
    page = client.get("/dang-vien/huy-hieu/").content.decode()
    assert "Nguyễn Văn Thạnh" in page and "Võ Thị Lành" in page
    assert "Ghi trao Huy hiệu Đảng" not in page  # a leader reads, does not enter
    before = Badge.objects.count()
    client.post(
        "/dang-vien/huy-hieu/",
        {"member": veterans["hoa"].pk, "years": 50, "awarded_on": "19/05/2025"},
    )
    assert Badge.objects.count() == before


def test_awarding_a_badge_through_the_form_is_audited(
    client: Client, ward_specialist, veterans: dict[str, Member]
) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/dang-vien/huy-hieu/",
        {
            "member": veterans["hoa"].pk,
            "years": 50,
            "awarded_on": "19/05/2025",
            "decision": "QĐ 310-QĐ/TU",
        },
    )
    assert response.status_code == 302
    badge = Badge.objects.get(member=veterans["hoa"], years=50)
    assert badge.awarded_on == D(2025, 5, 19)
    entry = LogEntry.objects.get_for_object(badge).get()
    assert entry.actor == ward_specialist and entry.action == LogEntry.Action.CREATE
    page = client.get("/dang-vien/huy-hieu/").content.decode()
    assert "QĐ 310-QĐ/TU" in page


@pytest.mark.parametrize(
    ("who", "years", "day", "field", "message"),
    [
        ("hoa", 50, "31/02/2025", "awarded_on", "Nhập ngày theo dạng dd/mm/yyyy"),
        ("hoa", 55, "19/05/2025", None, "chưa đủ 55 năm tuổi Đảng vào ngày 19/05/2025"),
        ("hoa", 45, "19/05/2025", "years", "đã được trao Huy hiệu 45 năm tuổi Đảng"),
        ("minh", 45, "07/11/2025", "member", "không thuộc đơn vị bạn được nhập hồ sơ"),
        ("", 50, "19/05/2025", "member", "Nhập mã đảng viên."),
    ],
)
def test_badge_form_errors_are_vietnamese_and_keep_the_input(
    client: Client,
    ward_specialist,
    veterans: dict[str, Member],
    who: str,
    years: int,
    day: str,
    field: str | None,
    message: str,
) -> None:  # type: ignore[no-untyped-def]
    before = Badge.objects.count()
    member = veterans[who].pk if who else ""
    response = client.post(
        "/dang-vien/huy-hieu/", {"member": member, "years": years, "awarded_on": day}
    )
    assert response.status_code == 200
    form = response.context["form"]
    errors = form.errors[field] if field else form.non_field_errors()
    assert any(message in e for e in errors), errors
    page = response.content.decode()
    assert message in page and f'value="{day}"' in page
    assert Badge.objects.count() == before


def test_badge_due_list_is_computed_from_admission_dates(
    client: Client, tree: Tree, ward_specialist
) -> None:  # type: ignore[no-untyped-def]
    """Members whose 30/40/…-year anniversary falls in the next 120 days, in the user's wards."""
    today = dt.date.today()

    def admitted(years: int, days_ahead: int) -> dt.date:
        day = today + dt.timedelta(days=days_ahead)
        return (
            day.replace(year=day.year - years)
            if (day.month, day.day) != (2, 29)
            else D(day.year - years, 2, 28)
        )

    people = {
        "due30": admit(tree.pho_hoa_cell, "Lê Văn Ba Mươi", "nam", admitted(30, 20)),
        "due50": admit(tree.pho_hoa_cell, "Trần Thị Năm Mươi", "nu", admitted(50, 90)),
        "young": admit(tree.pho_hoa_cell, "Phạm Văn Trẻ", "nam", admitted(29, 20)),
        "later": admit(tree.pho_hoa_cell, "Đặng Văn Muộn", "nam", admitted(40, 200)),
        "other_ward": admit(tree.pho_minh, "Hồ Văn Phường Khác", "nam", admitted(30, 20)),
    }
    already = admit(tree.pho_hoa_cell, "Bùi Thị Đã Trao", "nu", admitted(30, 10))
    award_badge(already, 30, today + dt.timedelta(days=10))
    response = client.get("/dang-vien/den-han/")
    assert response.status_code == 200
    listed = {(d.member.pk, d.years) for d in response.context["badges"]}
    assert listed == {(people["due30"].pk, 30), (people["due50"].pk, 50)}
    page = response.content.decode()
    badge_section = page.split("Đủ tuổi Đảng để xét tặng Huy hiệu")[1]
    assert "Lê Văn Ba Mươi" in badge_section and "Trần Thị Năm Mươi" in badge_section
    for name in ("Phạm Văn Trẻ", "Đặng Văn Muộn", "Hồ Văn Phường Khác", "Bùi Thị Đã Trao"):
        assert name not in badge_section
    assert "Hồ Văn Phường Khác" not in page
    assert (today + dt.timedelta(days=20)).strftime("%d/%m/%Y") in badge_section
    assert "/dang-vien/huy-hieu/" in page  # linked to the awards page


# --- organisation ratings -----------------------------------------------------------------


@pytest.fixture
def ratings(tree: Tree) -> None:
    OrganisationRating.objects.create(organisation=tree.pho_hoa, year=2023, rating="tot")
    OrganisationRating.objects.create(organisation=tree.pho_minh, year=2023, rating="xuat_sac")


def test_organisation_ratings_list_is_scoped(
    client: Client, tree: Tree, ward_specialist, ratings: None
) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/dang-vien/xep-loai-to-chuc/").content.decode()
    assert "Đảng bộ phường Phổ Hòa" in page and "hoàn thành tốt nhiệm vụ" in page
    assert "hoàn thành xuất sắc nhiệm vụ" not in page.split("<tbody>")[1].split("</tbody>")[0]
    assert "Đảng bộ phường Phổ Minh" not in page


def test_organisation_rating_through_the_form_is_audited(
    client: Client, tree: Tree, ward_specialist
) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/dang-vien/xep-loai-to-chuc/",
        {"organisation": tree.pho_hoa_cell.pk, "year": "2024", "rating": "xuat_sac"},
    )
    assert response.status_code == 302
    rating = OrganisationRating.objects.get(organisation=tree.pho_hoa_cell, year=2024)
    assert rating.rating == "xuat_sac"
    entry = LogEntry.objects.get_for_object(rating).get()
    assert entry.actor == ward_specialist and entry.action == LogEntry.Action.CREATE
    assert "Chi bộ Tổ dân phố 1" in client.get("/dang-vien/xep-loai-to-chuc/").content.decode()


@pytest.mark.parametrize(
    ("unit", "year", "field", "message"),
    [
        ("pho_minh", "2024", "organisation", "Chọn một đơn vị bạn được nhập hồ sơ."),
        ("pho_hoa", "2023", "year", "đã có xếp loại năm 2023"),
        ("pho_hoa", "hai nghìn", "year", "Nhập năm bằng số, ví dụ 2024."),
        ("pho_hoa", "1900", "year", "Năm phải từ 1930 trở đi."),
    ],
)
def test_organisation_rating_errors_are_vietnamese_and_keep_the_input(
    client: Client,
    tree: Tree,
    ward_specialist,
    ratings: None,
    unit: str,
    year: str,
    field: str,
    message: str,
) -> None:  # type: ignore[no-untyped-def]
    before = OrganisationRating.objects.count()
    response = client.post(
        "/dang-vien/xep-loai-to-chuc/",
        {"organisation": getattr(tree, unit).pk, "year": year, "rating": "hoan_thanh"},
    )
    assert response.status_code == 200
    assert any(message in e for e in response.context["form"].errors[field])
    page = response.content.decode()
    assert message in page and f'value="{year}"' in page
    assert OrganisationRating.objects.count() == before
