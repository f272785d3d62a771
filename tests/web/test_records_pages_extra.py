"""Badge, organisation-rating and asset-verification pages: lists limited to the user's units,
entry audited with the user, Vietnamese inline errors that keep the input, other wards' records
out of reach (404 / refused), and the badge due list computed from real admission dates."""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.test import Client

from capuy.accounts.levels import Role
from capuy.members.models import Badge, Member, MemberRating, OrganisationRating
from capuy.members.services import admit, award_badge
from capuy.oversight.models import AssetVerification
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
        (
            "hoa",
            50,
            "31/02/2025",
            "awarded_on",
            "Ngày 31/02/2025 không có: tháng 02/2025 chỉ có 28 ngày",
        ),
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


# --- member ratings -----------------------------------------------------------------------


@pytest.fixture
def member_ratings(veterans: dict[str, Member]) -> None:
    MemberRating.objects.create(member=veterans["hoa"], year=2023, rating="tot")
    MemberRating.objects.create(member=veterans["minh"], year=2023, rating="khong_hoan_thanh")


def test_member_ratings_list_is_scoped(
    client: Client, ward_specialist, member_ratings: None
) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/dang-vien/xep-loai/").content.decode()
    assert "Nguyễn Văn Thạnh" in page and "hoàn thành tốt nhiệm vụ" in page
    assert "Võ Thị Lành" not in page
    assert "không hoàn thành nhiệm vụ" not in page.split("<tbody>")[1].split("</tbody>")[0]
    assert "/dang-vien/xep-loai/" in client.get("/dang-vien/").content.decode()


def test_member_rating_through_the_form_is_audited(
    client: Client, ward_specialist, veterans: dict[str, Member]
) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/dang-vien/xep-loai/",
        {"member": veterans["hoa"].pk, "year": "2024", "rating": "xuat_sac"},
    )
    assert response.status_code == 302
    rating = MemberRating.objects.get(member=veterans["hoa"], year=2024)
    assert rating.rating == "xuat_sac"
    entry = LogEntry.objects.get_for_object(rating).get()
    assert entry.actor == ward_specialist and entry.action == LogEntry.Action.CREATE


@pytest.mark.parametrize(
    ("who", "year", "field", "message"),
    [
        ("minh", "2024", "member", "không thuộc đơn vị bạn được nhập hồ sơ"),
        ("hoa", "2023", "year", "Nguyễn Văn Thạnh đã có xếp loại năm 2023"),
        ("hoa", "1970", "year", "Năm 1970 trước năm vào Đảng"),
        ("hoa", "2101", "year", "Năm không quá 2100."),
    ],
)
def test_member_rating_errors_are_vietnamese_and_keep_the_input(
    client: Client,
    ward_specialist,
    veterans: dict[str, Member],
    member_ratings: None,
    who: str,
    year: str,
    field: str,
    message: str,
) -> None:  # type: ignore[no-untyped-def]
    before = MemberRating.objects.count()
    response = client.post(
        "/dang-vien/xep-loai/", {"member": veterans[who].pk, "year": year, "rating": "tot"}
    )
    assert response.status_code == 200
    assert any(message in e for e in response.context["form"].errors[field])
    page = response.content.decode()
    assert message in page and f'value="{year}"' in page
    assert MemberRating.objects.count() == before


# --- asset-declaration verifications ------------------------------------------------------


@pytest.fixture
def verifications(tree: Tree, veterans: dict[str, Member]) -> dict[str, AssetVerification]:
    return {
        "hoa": AssetVerification.objects.create(
            organisation=tree.pho_hoa,
            member=veterans["hoa"],
            declaration_year=2023,
            verified_on=D(2024, 6, 14),
            outcome="trung_thuc",
            conclusion="Kê khai đầy đủ, đúng thời hạn.",
        ),
        "minh": AssetVerification.objects.create(
            organisation=tree.pho_minh,
            member=veterans["minh"],
            declaration_year=2023,
            verified_on=D(2024, 7, 2),
            outcome="khong_trung_thuc",
            conclusion="Không kê khai thửa đất ở thôn An Thạch.",
        ),
    }


def test_asset_verification_list_and_pages_are_scoped(
    client: Client, ward_specialist, verifications: dict[str, AssetVerification]
) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/kiem-tra/tai-san/").content.decode()
    assert "Nguyễn Văn Thạnh" in page and "14/06/2024" in page and "kê khai trung thực" in page
    assert "Võ Thị Lành" not in page and "02/07/2024" not in page
    own = client.get(f"/kiem-tra/tai-san/{verifications['hoa'].pk}/")
    assert own.status_code == 200 and "Kê khai đầy đủ, đúng thời hạn." in own.content.decode()
    assert client.get(f"/kiem-tra/tai-san/{verifications['minh'].pk}/").status_code == 404
    assert client.get("/kiem-tra/tai-san/999999/").status_code == 404
    assert "/kiem-tra/tai-san/" in client.get("/kiem-tra/ky-luat/").content.decode()


def test_asset_verification_through_the_form_is_audited(
    client: Client, tree: Tree, ward_specialist, veterans: dict[str, Member]
) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/kiem-tra/tai-san/",
        {
            "organisation": tree.pho_hoa.pk,
            "member": veterans["hoa"].pk,
            "declaration_year": "2024",
            "verified_on": "20/03/2025",
            "outcome": "trung_thuc",
            "conclusion": "Tài sản tăng thêm có nguồn gốc hợp pháp.",
        },
    )
    assert response.status_code == 302
    record = AssetVerification.objects.get(member=veterans["hoa"], declaration_year=2024)
    assert record.verified_on == D(2025, 3, 20) and record.organisation == tree.pho_hoa
    entry = LogEntry.objects.get_for_object(record).get()
    assert entry.actor == ward_specialist and entry.action == LogEntry.Action.CREATE
    assert "20/03/2025" in client.get("/kiem-tra/tai-san/").content.decode()


@pytest.mark.parametrize(
    ("unit", "who", "year", "day", "field", "message"),
    [
        ("pho_minh", "hoa", "2024", "20/03/2025", "organisation", "Chọn một đơn vị bạn được"),
        ("pho_hoa", "minh", "2024", "20/03/2025", "member", "không thuộc đơn vị bạn được nhập"),
        ("pho_hoa", "hoa", "2024", "2025-03-20", "verified_on", "Nhập ngày theo dạng dd/mm/yyyy"),
        ("pho_hoa", "hoa", "2024", "20/03/2023", "verified_on", "phải sau năm kê khai 2024"),
        ("pho_hoa", "hoa", "năm nay", "20/03/2025", "declaration_year", "Nhập năm bằng số"),
    ],
)
def test_asset_verification_errors_are_vietnamese_and_keep_the_input(
    client: Client,
    tree: Tree,
    ward_specialist,
    veterans: dict[str, Member],
    unit: str,
    who: str,
    year: str,
    day: str,
    field: str,
    message: str,
) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/kiem-tra/tai-san/",
        {
            "organisation": getattr(tree, unit).pk,
            "member": veterans[who].pk,
            "declaration_year": year,
            "verified_on": day,
            "outcome": "trung_thuc",
            "conclusion": "Ghi chú giữ lại",
        },
    )
    assert response.status_code == 200
    assert any(message in e for e in response.context["form"].errors[field])
    page = response.content.decode()
    assert message in page and f'value="{day}"' in page and "Ghi chú giữ lại" in page
    assert not AssetVerification.objects.exists()


def test_a_leader_reads_verifications_but_has_no_entry_form(
    client: Client, tree: Tree, verifications: dict[str, AssetVerification]
) -> None:
    login(client, make_user("lanhdao.thixa", tree.town, Role.LEADER))
    page = client.get("/kiem-tra/tai-san/").content.decode()
    assert "Nguyễn Văn Thạnh" in page and "Võ Thị Lành" in page
    assert "Ghi kết quả xác minh" not in page
    assert client.get(f"/kiem-tra/tai-san/{verifications['minh'].pk}/").status_code == 200
