"""The member's handbook through the real views: accounts, privacy, meetings, readings,
self-review, notifications; a member of another cell gets 404 on every one of them."""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.test import Client
from django.utils import timezone

from capuy.accounts.levels import Classification, Role
from capuy.handbook.models import (
    Attendance,
    CellMeeting,
    CellMonthAttendance,
    CellOfficer,
    MemberAccount,
    Notification,
    ProfileView,
    Reading,
    SelfReview,
)
from capuy.handbook.services import create_account
from capuy.members.models import MemberRating
from capuy.members.services import admit
from capuy.orgs.models import Organisation
from tests.web.conftest import make_user

NEW_PASSWORD = "mat-khau-rieng-cua-toi-2026"


@pytest.fixture
def cells(tree):  # type: ignore[no-untyped-def]
    other = Organisation.objects.create(
        name="Chi bộ Tổ dân phố 2", kind="chi_bo_truc_thuoc", code="CB", parent=tree.pho_hoa
    )
    lan = admit(
        tree.pho_hoa_cell, "Nguyễn Thị Lan", "nu", dt.date(2010, 5, 19), card_number="79001"
    )
    binh = admit(
        tree.pho_hoa_cell, "Trần Văn Bình", "nam", dt.date(2015, 2, 3), card_number="79002"
    )
    hung = admit(other, "Lê Văn Hùng", "nam", dt.date(2012, 9, 2), card_number="79003")
    CellOfficer.objects.create(cell=tree.pho_hoa_cell, member=binh, duty="bi_thu")
    return {"cell": tree.pho_hoa_cell, "other": other, "lan": lan, "binh": binh, "hung": hung}


def login_member(member, by=None) -> Client:  # type: ignore[no-untyped-def]
    account, password = create_account(member, by)
    client = Client()
    response = client.post("/dang-nhap/", {"username": account.user.username, "password": password})
    assert response.status_code == 302
    response = client.get("/so-tay/")
    assert response.status_code == 302 and response.url == "/so-tay/doi-mat-khau/"
    response = client.post(
        "/so-tay/doi-mat-khau/",
        {"old_password": password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert client.get("/so-tay/").status_code == 200
    return client


def test_account_first_login_and_audited_reset(cells, tree):  # type: ignore[no-untyped-def]
    secretary = login_member(cells["binh"])
    page = secretary.get(f"/so-tay/chi-bo/{cells['cell'].pk}/")
    assert page.status_code == 200 and "Nguyễn Thị Lan" in page.content.decode()
    made = secretary.post(
        f"/so-tay/chi-bo/{cells['cell'].pk}/dang-vien/{cells['lan'].pk}/tao-tai-khoan/"
    )
    html = made.content.decode()
    assert made.status_code == 200 and "dv79001" in html
    account = MemberAccount.objects.get(member=cells["lan"])
    assert account.must_change_password and account.user.email == ""
    reset = secretary.post(
        f"/so-tay/chi-bo/{cells['cell'].pk}/dang-vien/{cells['lan'].pk}/dat-lai-mat-khau/"
    )
    assert reset.status_code == 200
    entries = LogEntry.objects.get_for_object(account)
    assert any("đặt lại mật khẩu" in str(e.changes) for e in entries)
    assert any(e.actor.username == secretary_user(cells["binh"]) for e in entries if e.actor)
    # the secretary of one cell cannot touch another cell's members
    assert (
        secretary.post(
            f"/so-tay/chi-bo/{cells['other'].pk}/dang-vien/{cells['hung'].pk}/tao-tai-khoan/"
        ).status_code
        == 404
    )
    assert (
        secretary.post(
            f"/so-tay/chi-bo/{cells['cell'].pk}/dang-vien/{cells['hung'].pk}/tao-tai-khoan/"
        ).status_code
        == 404
    )


def secretary_user(member):  # type: ignore[no-untyped-def]
    return MemberAccount.objects.get(member=member).user.username


def test_profile_view_is_logged_and_shown_to_the_member(cells, tree, password):  # type: ignore[no-untyped-def]
    lan = login_member(cells["lan"])
    secretary = login_member(cells["binh"])
    assert (
        secretary.get(f"/so-tay/chi-bo/{cells['cell'].pk}/dang-vien/{cells['lan'].pk}/").status_code
        == 200
    )
    # an office specialist reads the register's page: logged as well, without that app knowing
    office = make_user(
        "chuyenvien.ducpho", tree.town, Role.SPECIALIST, last_name="Phạm", first_name="Mai"
    )
    client = Client()
    client.force_login(office, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(f"/dang-vien/{cells['lan'].pk}/").status_code == 200
    views = ProfileView.objects.filter(member=cells["lan"])
    assert views.count() == 2
    page = lan.get("/so-tay/ho-so/ai-da-xem/").content.decode()
    assert "Phạm Mai" in page and "Trần Văn Bình" in page
    # the profile shows Party dates; a correction request goes to the office
    profile = lan.get("/so-tay/ho-so/").content.decode()
    assert "19/05/2010" in profile
    lan.post(
        "/so-tay/ho-so/", {"field": "birth_date", "proposed": "02/3/1980", "reason": "Theo CCCD"}
    )
    assert cells["lan"].correction_requests.get().proposed == "02/3/1980"


def test_meeting_reply_attendance_resolution_and_404_elsewhere(cells, tree):  # type: ignore[no-untyped-def]
    secretary = login_member(cells["binh"])
    lan = login_member(cells["lan"])
    hung = login_member(cells["hung"])
    response = secretary.post(
        f"/so-tay/chi-bo/{cells['cell'].pk}/sinh-hoat/moi/",
        {
            "kind": "dinh_ky",
            "title": "Sinh hoạt chi bộ tháng 12/2026",
            "starts_at": "2026-12-05T19:30",
            "place": "Nhà văn hóa TDP 1",
            "agenda": "1. Kiểm điểm tháng 11\n2. Nhiệm vụ tháng 12",
        },
    )
    assert response.status_code == 302
    meeting = CellMeeting.objects.get()
    assert meeting.month == dt.date(2026, 12, 1) and meeting.attendances.count() == 2
    assert Notification.objects.filter(
        user__member_account__member=cells["lan"], kind="meeting"
    ).exists()
    assert not Notification.objects.filter(
        user__member_account__member=cells["hung"], kind="meeting"
    ).exists()
    url = f"/so-tay/sinh-hoat/{meeting.pk}/"
    bad = lan.post(url, {"reply": "vang", "reason": ""})
    assert "cần ghi lý do" in bad.content.decode()
    lan.post(url, {"reply": "vang", "reason": "Đi công tác Quảng Nam"})
    assert Attendance.objects.get(member=cells["lan"]).reason == "Đi công tác Quảng Nam"
    assert hung.get(url).status_code == 404
    assert hung.post(url, {"reply": "tham_du"}).status_code == 404
    # minutes, present list and resolution
    binh_att = Attendance.objects.get(member=cells["binh"])
    secretary.post(
        f"/so-tay/chi-bo/{cells['cell'].pk}/sinh-hoat/{meeting.pk}/",
        {
            "ghi_bien_ban": "1",
            "co_mat": [str(binh_att.pk)],
            "bb-minutes": "Biên bản…",
            "bb-resolution": "Chi bộ thống nhất ra quân vệ sinh môi trường.",
        },
    )
    stat = CellMonthAttendance.objects.get(cell=cells["cell"], month=dt.date(2026, 12, 1))
    assert (stat.meetings, stat.invited, stat.present, stat.excused) == (1, 2, 1, 1)
    assert "ra quân vệ sinh" in lan.get(url).content.decode()
    assert hung.get(f"/so-tay/chi-bo/{cells['cell'].pk}/").status_code == 404
    assert lan.get(f"/so-tay/chi-bo/{cells['cell'].pk}/").status_code == 404  # not an officer


def test_readings_within_cell_and_clearance(cells, tree):  # type: ignore[no-untyped-def]
    lan = login_member(cells["lan"])
    hung = login_member(cells["hung"])
    to_cell = Reading.objects.create(
        organisation=cells["cell"], title="Chuyên đề học tập 2026", body="Nội dung", study=True
    )
    to_town = Reading.objects.create(
        organisation=tree.town, title="Thông báo của Thị ủy", body="Gửi toàn thể đảng viên"
    )
    secret = Reading.objects.create(
        organisation=cells["cell"],
        title="Tài liệu mật",
        body="…",
        classification=Classification.SECRET,
    )
    listing = lan.get("/so-tay/tai-lieu/").content.decode()
    assert "Chuyên đề học tập 2026" in listing and "Thông báo của Thị ủy" in listing
    assert "Tài liệu mật" not in listing
    assert lan.get(f"/so-tay/tai-lieu/{secret.pk}/").status_code == 404
    assert lan.get(f"/so-tay/tai-lieu/{to_cell.pk}/").status_code == 200
    lan.post(f"/so-tay/tai-lieu/{to_cell.pk}/danh-dau/")
    assert "Chuyên đề học tập 2026" in lan.get("/so-tay/tai-lieu/?xem=danh-dau").content.decode()
    assert hung.get(f"/so-tay/tai-lieu/{to_cell.pk}/").status_code == 404
    assert hung.get(f"/so-tay/tai-lieu/{to_town.pk}/").status_code == 200


def test_self_review_sent_then_rated_by_the_cell(cells, tree):  # type: ignore[no-untyped-def]
    lan = login_member(cells["lan"])
    secretary = login_member(cells["binh"])
    year = timezone.localdate().year
    form = {
        "strengths": "Hoàn thành nhiệm vụ được giao",
        "shortcomings": "Còn chậm",
        "remedies": "Khắc phục",
        "self_rating": "tot",
    }
    lan.post("/so-tay/tu-kiem-diem/", {**form, "gui": "1"})
    review = SelfReview.objects.get(member=cells["lan"], year=year)
    assert review.submitted_at is not None
    # once sent it cannot be changed by the member
    lan.post("/so-tay/tu-kiem-diem/", {**form, "strengths": "đổi", "gui": "1"})
    review.refresh_from_db()
    assert review.strengths == "Hoàn thành nhiệm vụ được giao"
    secretary.post(
        f"/so-tay/chi-bo/{cells['cell'].pk}/xep-loai/{year}/", {f"m{cells['lan'].pk}": "xuat_sac"}
    )
    assert MemberRating.objects.get(member=cells["lan"], year=year).rating == "xuat_sac"
    assert "hoàn thành xuất sắc" in lan.get("/so-tay/tu-kiem-diem/").content.decode()


def test_office_user_without_member_account_gets_404_on_member_pages(tree, town_clerk, password):  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(town_clerk, backend="django.contrib.auth.backends.ModelBackend")
    for url in (
        "/so-tay/",
        "/so-tay/ho-so/",
        "/so-tay/sinh-hoat/",
        "/so-tay/tu-kiem-diem/",
        "/dang-phi/cua-toi/",
    ):
        assert client.get(url).status_code == 404, url


def test_attendance_rollup_equals_the_invitations_and_shows_for_the_office(cells, tree, password):  # type: ignore[no-untyped-def]
    from capuy.handbook.services import open_meeting
    from capuy.handbook.stats import attendance_rollup, naive_attendance

    month = dt.date(2026, 11, 1)
    for cell, day in ((cells["cell"], 5), (cells["other"], 6), (cells["cell"], 20)):
        meeting = CellMeeting(
            cell=cell,
            title=f"Sinh hoạt {day}/11",
            starts_at=timezone.make_aware(dt.datetime(2026, 11, day, 19, 30)),
            month=month,
        )
        open_meeting(meeting, lambda m: f"/so-tay/sinh-hoat/{m.pk}/")
    first = CellMeeting.objects.filter(cell=cells["cell"]).order_by("starts_at").first()
    Attendance.objects.filter(meeting=first, member=cells["lan"]).update(present=True)
    Attendance.objects.filter(meeting__cell=cells["other"]).update(present=True, reply="tham_du")
    from capuy.handbook.services import refresh_attendance

    refresh_attendance(cells["cell"].pk, month)
    refresh_attendance(cells["other"].pk, month)
    total = attendance_rollup(tree.town, month)
    assert (total.invited, total.present, total.excused) == naive_attendance(tree.town, month)
    assert (total.cells, total.meetings, total.invited, total.present) == (2, 3, 5, 2)
    assert [(c.unit.name, c.present) for c in total.children] == [
        ("Đảng bộ phường Phổ Hòa", 2),
        ("Đảng bộ phường Phổ Minh", 0),
    ]
    office = make_user("cv.town", tree.town, Role.SPECIALIST)
    client = Client()
    client.force_login(office, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(f"/so-tay/bao-cao/{tree.town.pk}/?thang=11/2026").content.decode()
    assert "40,00%" in page  # 2 of 5 invitations
    ward = make_user("cv.minh", tree.pho_minh, Role.SPECIALIST)
    client.force_login(ward, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(f"/so-tay/bao-cao/{tree.pho_hoa.pk}/").status_code == 404


@pytest.mark.slow
def test_demo_handbook_logins_work(db: None) -> None:
    from capuy.web.demo import load_demo

    load_demo()
    for username, password, page, text in (
        ("bithu.tdp1", "bithu-tdp1-2026", "/so-tay/", "Công việc chi bộ"),
        ("dangvien.mai", "dangvien-mai-2026", "/dang-phi/cua-toi/", "Còn nợ"),
    ):
        client = Client()
        response = client.post("/dang-nhap/", {"username": username, "password": password})
        assert response.status_code == 302, username
        assert text in client.get(page).content.decode()


def test_due_date_notices_once(cells, tree):  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    newcomer = admit(
        cells["cell"], "Phan Văn Tới", "nam", today - dt.timedelta(days=330), card_number="79009"
    )
    client = login_member(newcomer)
    client.get("/so-tay/")
    client.get("/so-tay/")
    notices = Notification.objects.filter(user__member_account__member=newcomer, kind="due")
    assert notices.count() == 1 and "xét công nhận đảng viên chính thức" in notices.get().text
    page = client.get("/so-tay/thong-bao/").content.decode()
    assert "Hết thời gian dự bị" in page
    client.post("/so-tay/thong-bao/")
    assert not notices.filter(read_at__isnull=True).exists()


def test_register_document_sent_to_a_cell_with_read_receipts(cells, tree, password):  # type: ignore[no-untyped-def]
    """A specialist of the town sends seed 000 (registered) to the cell from the register;
    the members get it, Lan reads it; the receipts say who read it and who has not; a member,
    and the secretary of another cell, get 404 on the receipts."""
    from capuy.api import find_seeds_dir
    from capuy.documents.models import Direction, Document

    seed = next(find_seeds_dir().glob("000_*.txt")).read_text(encoding="utf-8")
    register = Document.objects.create(
        direction=Direction.INCOMING,
        sender="Tỉnh ủy Quảng Ngãi",
        organisation=tree.town,
        type_code="BC",
        symbol="708-BC/TU",
        issued_on=dt.date(2024, 2, 26),
        summary="Báo cáo công tác tháng 02, nhiệm vụ trọng tâm tháng 3 năm 2024",
        text=seed,
    )
    office = Client()
    office.force_login(make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST))
    cell_id = cells["cell"].pk
    form = office.get(f"/so-tay/chi-bo/{cell_id}/tai-lieu/moi/").content.decode()
    assert "708-BC/TU" in form
    sent = office.post(
        f"/so-tay/chi-bo/{cell_id}/tai-lieu/moi/",
        {"tl-source": register.pk, "tl-classification": 0},
    )
    assert sent.status_code == 302
    reading = Reading.objects.get(source=register)
    assert reading.body == seed and reading.title.startswith("708-BC/TU")
    assert reading.organisation_id == cell_id
    empty = office.post(f"/so-tay/chi-bo/{cell_id}/tai-lieu/moi/", {"tl-classification": 0})
    assert "Cần tiêu đề và nội dung" in empty.content.decode()
    lan, binh = login_member(cells["lan"]), login_member(cells["binh"])
    assert lan.get(f"/so-tay/tai-lieu/{reading.pk}/").status_code == 200
    listing = office.get(f"/so-tay/chi-bo/{cell_id}/tai-lieu/").content.decode()
    assert "708-BC/TU" in listing and ">1/2<" in listing
    receipts = binh.get(f"/so-tay/chi-bo/{cell_id}/tai-lieu/{reading.pk}/da-doc/").content.decode()
    read, unread = receipts.split("Chưa đọc (")
    assert "Nguyễn Thị Lan" in read and "Trần Văn Bình" in unread and "Đã đọc (1)" in read
    assert lan.get(f"/so-tay/chi-bo/{cell_id}/tai-lieu/").status_code == 404
    CellOfficer.objects.create(cell=cells["other"], member=cells["hung"], duty="bi_thu")
    hung = login_member(cells["hung"])
    assert hung.get(f"/so-tay/chi-bo/{cell_id}/tai-lieu/{reading.pk}/da-doc/").status_code == 404
    assert hung.get(f"/so-tay/chi-bo/{cell_id}/tai-lieu/").status_code == 404
    other = f"/so-tay/chi-bo/{cells['other'].pk}/tai-lieu/{reading.pk}/da-doc/"
    assert hung.get(other).status_code == 404  # not sent to his cell


def test_the_office_answers_a_correction_request_and_the_member_sees_it(cells, tree):  # type: ignore[no-untyped-def]
    """Lan asks for a correction; the town's specialist sees it on the office page (logged as a
    view of her data), refuses without a reason (refused), then answers; audited; Lan is
    notified and sees the answer and who viewed her data. A cell secretary and the specialist
    of another town see nothing."""
    from capuy.handbook.models import CorrectionRequest

    lan = login_member(cells["lan"])
    lan.post("/so-tay/ho-so/", {"field": "birth_date", "proposed": "02/3/1980", "reason": "CCCD"})
    item = CorrectionRequest.objects.get(member=cells["lan"])
    office_user = make_user(
        "chuyenvien.ducpho", tree.town, Role.SPECIALIST, last_name="Phạm Văn", first_name="Xét"
    )
    office = Client()
    office.force_login(office_user)
    page = office.get("/so-tay/de-nghi-sua/").content.decode()
    assert "Nguyễn Thị Lan" in page and "02/3/1980" in page and "1 đề nghị chờ xử lý" in page
    assert ProfileView.objects.filter(viewer=office_user, member=cells["lan"]).exists()
    bad = office.post(
        "/so-tay/de-nghi-sua/", {"pk": item.pk, "trang_thai": "khong_sua"}, follow=True
    )
    assert "phải trả lời lý do" in bad.content.decode()
    item.refresh_from_db()
    assert item.status == "moi"
    office.post(
        "/so-tay/de-nghi-sua/",
        {"pk": item.pk, "trang_thai": "da_xu_ly", "tra_loi": "Đã sửa ngày sinh theo CCCD."},
    )
    item.refresh_from_db()
    assert item.status == "da_xu_ly" and item.answer == "Đã sửa ngày sinh theo CCCD."
    entry = LogEntry.objects.get_for_object(item).latest("timestamp")
    assert entry.actor == office_user and "status" in entry.changes_dict
    assert "Đã sửa ngày sinh theo CCCD." in lan.get("/so-tay/thong-bao/").content.decode()
    assert "Đã sửa ngày sinh theo CCCD." in lan.get("/so-tay/ho-so/").content.decode()
    assert "Phạm Văn Xét" in lan.get("/so-tay/ho-so/ai-da-xem/").content.decode()
    # a member, a cell's secretary, or another town's specialist: 404 / nothing
    binh = login_member(cells["binh"])
    assert binh.get("/so-tay/de-nghi-sua/").status_code == 404
    assert lan.post("/so-tay/de-nghi-sua/", {"pk": item.pk}).status_code == 404
    elsewhere = Organisation.objects.create(
        name="Đảng bộ huyện Bình Sơn", kind="dang_bo_huyen", code="HU", parent=tree.province
    )
    stranger = Client()
    stranger.force_login(make_user("chuyenvien.binhson", elsewhere, Role.SPECIALIST))
    assert "Nguyễn Thị Lan" not in stranger.get("/so-tay/de-nghi-sua/").content.decode()
    r = stranger.post(
        "/so-tay/de-nghi-sua/", {"pk": item.pk, "trang_thai": "khong_sua", "tra_loi": "x"}
    )
    assert r.status_code == 404


def test_the_town_office_sends_a_document_to_all_its_members(cells, tree):  # type: ignore[no-untyped-def]
    """The town's specialist sends a text to every member under the town: both cells' members
    get it (and a notice), read counts add up on the office page and on each cell's receipts;
    a ward's specialist cannot choose the town; a member gets 404."""
    lan, hung = login_member(cells["lan"]), login_member(cells["hung"])
    office = Client()
    office.force_login(make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST))
    page = office.get("/so-tay/gui-tai-lieu/").content.decode()
    assert tree.town.name in page and "Chi bộ Tổ dân phố 2" not in page  # units, not cells
    data = {"tl-title": "Chuyên đề học tập năm 2026", "tl-body": "Nội dung chuyên đề",
            "tl-study": "on", "tl-classification": 0}  # fmt: skip
    r = office.post("/so-tay/gui-tai-lieu/", {**data, "don_vi": tree.town.pk}, follow=True)
    assert "Đã gửi tài liệu đến 2 đảng viên" in r.content.decode()  # those with an account
    reading = Reading.objects.get(title="Chuyên đề học tập năm 2026")
    assert reading.organisation == tree.town and reading.study
    assert "Chuyên đề học tập năm 2026" in lan.get("/so-tay/thong-bao/").content.decode()
    assert hung.get(f"/so-tay/tai-lieu/{reading.pk}/").status_code == 200
    assert lan.get(f"/so-tay/tai-lieu/{reading.pk}/").status_code == 200
    assert ">2/3<" in office.get("/so-tay/gui-tai-lieu/").content.decode()
    receipts = office.get(f"/so-tay/chi-bo/{cells['cell'].pk}/tai-lieu/{reading.pk}/da-doc/")
    assert "Đã đọc (1)" in receipts.content.decode() and "Chưa đọc (1)" in receipts.content.decode()
    ward = Client()
    ward.force_login(make_user("chuyenvien.phohoa", tree.pho_hoa, Role.SPECIALIST))
    refused = ward.post("/so-tay/gui-tai-lieu/", {**data, "don_vi": tree.town.pk})
    assert "Chọn đơn vị nhận tài liệu" in refused.content.decode()
    assert Reading.objects.filter(title="Chuyên đề học tập năm 2026").count() == 1
    assert lan.get("/so-tay/gui-tai-lieu/").status_code == 404
