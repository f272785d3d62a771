"""Browser tests on a phone (390×844): a member's first login, confirming a meeting, reading a
document, writing the self-review, seeing their dues; a member of another cell gets 404 on
every one of those pages by URL. Debian chromium through Playwright, never downloaded."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from capuy.dues.book import record_entry
from capuy.handbook.models import (
    Attendance,
    CellMeeting,
    CellOfficer,
    Reading,
    ReadingMark,
    SelfReview,
)
from capuy.handbook.services import create_account, open_meeting
from capuy.members.services import admit
from capuy.orgs.models import Organisation
from tests.web.browser import ARTIFACTS, MARKS, PHONE, new_tab

pytestmark = MARKS

NEW_PASSWORD = "mat-khau-rieng-cua-lan-2026"


def phone(browser):  # type: ignore[no-untyped-def]
    return new_tab(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)


@pytest.fixture
def town(tree):  # type: ignore[no-untyped-def]
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
    starts = timezone.localtime() + dt.timedelta(days=3)
    meeting = CellMeeting(
        cell=tree.pho_hoa_cell,
        title="Sinh hoạt chi bộ định kỳ tháng này",
        starts_at=starts,
        month=starts.date().replace(day=1),
        place="Nhà văn hóa Tổ dân phố 1",
        agenda="1. Đánh giá kết quả tháng trước\n2. Nhiệm vụ tháng này",
    )
    open_meeting(meeting, lambda m: f"/so-tay/sinh-hoat/{m.pk}/")
    reading = Reading.objects.create(
        organisation=tree.pho_hoa_cell,
        meeting=meeting,
        title="Tài liệu sinh hoạt chuyên đề năm 2026",
        body="Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        study=True,
    )
    month = timezone.localdate().replace(day=1)
    record_entry(lan, month, "luong_huu", 6_000_000, 10_000, receipt="BL-07")
    return {
        "lan": lan,
        "hung": hung,
        "meeting": meeting,
        "reading": reading,
        "cell": tree.pho_hoa_cell,
    }


def log_in(tab, live_server, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    tab.goto(f"{live_server.url}/dang-nhap/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", password)
    tab.click("button[type=submit]")
    tab.wait_for_load_state()


def fits_the_screen(tab) -> bool:  # type: ignore[no-untyped-def]
    return bool(tab.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1"))


def test_member_on_a_phone_confirms_reads_reviews_and_sees_dues(browser, live_server, town) -> None:  # type: ignore[no-untyped-def]
    account, one_time = create_account(town["lan"], None)
    tab = phone(browser)
    log_in(tab, live_server, account.user.username, one_time)
    # first login: the one-time password must be replaced before anything else
    tab.wait_for_url(f"{live_server.url}/so-tay/doi-mat-khau/")
    tab.fill("#id_old_password", one_time)
    tab.fill("#id_new_password1", NEW_PASSWORD)
    tab.fill("#id_new_password2", NEW_PASSWORD)
    tab.click("button.primary")
    tab.wait_for_url(f"{live_server.url}/so-tay/")
    assert tab.locator("h1").inner_text() == "Nguyễn Thị Lan"
    assert fits_the_screen(tab)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "handbook-home-390.png"), full_page=True)

    # the meeting: notice with agenda and material, confirm attendance
    tab.click(".hb-next")
    assert "Nhiệm vụ tháng này" in tab.locator(".hb-text").inner_text()
    tab.check("input[value=tham_du]")
    tab.click("button.primary")
    assert "Đã xác nhận tham dự" in tab.locator(".messages").inner_text()
    assert Attendance.objects.get(member=town["lan"]).reply == "tham_du"
    assert fits_the_screen(tab)

    # the document: opened from the meeting, marked read, bookmarked
    tab.click("text=Tài liệu sinh hoạt chuyên đề năm 2026")
    assert "phong cách Hồ Chí Minh" in tab.locator("article").inner_text()
    tab.click("text=Đánh dấu để đọc lại")
    mark = ReadingMark.objects.get(member=town["lan"])
    assert mark.read_at is not None and mark.bookmarked

    # the self-review, sent to the cell
    tab.goto(f"{live_server.url}/so-tay/tu-kiem-diem/")
    tab.fill("#id_strengths", "Hoàn thành tốt nhiệm vụ được giao ở tổ dân phố.")
    tab.fill("#id_shortcomings", "Việc nghiên cứu nghị quyết còn chưa thường xuyên.")
    tab.fill("#id_remedies", "Dành thời gian đọc tài liệu của chi bộ mỗi tuần.")
    tab.select_option("#id_self_rating", "tot")
    tab.click("button[name=gui]")
    assert "Đã gửi chi bộ" in tab.locator("#da-gui").inner_text()
    assert SelfReview.objects.get(member=town["lan"]).submitted_at is not None
    assert fits_the_screen(tab)

    # dues: what is owed, from the handbook's tile
    tab.goto(f"{live_server.url}/so-tay/")
    tab.click("text=Đảng phí")
    assert (
        "20.000 đồng" in tab.locator("#con-no").inner_text()
    )  # 0,5% of 6.000.000 = 30.000; 10.000 paid
    assert fits_the_screen(tab)
    tab.screenshot(path=str(ARTIFACTS / "handbook-dues-390.png"), full_page=True)


def test_member_of_another_cell_gets_404_on_every_page_by_url(browser, live_server, town) -> None:  # type: ignore[no-untyped-def]
    account, one_time = create_account(town["hung"], None)
    account.user.set_password(NEW_PASSWORD)
    account.user.save()
    account.must_change_password = False
    account.save()
    tab = phone(browser)
    log_in(tab, live_server, account.user.username, NEW_PASSWORD)
    tab.wait_for_url(f"{live_server.url}/")
    cell = town["cell"].pk
    for path in (
        f"/so-tay/sinh-hoat/{town['meeting'].pk}/",
        f"/so-tay/tai-lieu/{town['reading'].pk}/",
        f"/so-tay/chi-bo/{cell}/",
        f"/so-tay/chi-bo/{cell}/sinh-hoat/{town['meeting'].pk}/",
        f"/so-tay/chi-bo/{cell}/dang-vien/{town['lan'].pk}/",
        f"/dang-phi/chi-bo/{cell}/",
        f"/so-tay/chi-bo/{cell}/tai-lieu/",
        f"/so-tay/chi-bo/{cell}/tai-lieu/{town['reading'].pk}/da-doc/",
        "/so-tay/de-nghi-sua/",
        "/so-tay/gui-tai-lieu/",
    ):
        response = tab.goto(f"{live_server.url}{path}")
        assert response is not None and response.status == 404, path
    # and the lists show nothing of the other cell
    tab.goto(f"{live_server.url}/so-tay/sinh-hoat/")
    assert "Sinh hoạt chi bộ định kỳ tháng này" not in tab.content()
    tab.goto(f"{live_server.url}/dang-phi/cua-toi/")
    assert "BL-07" not in tab.content()


def test_the_secretary_on_a_phone_sees_who_has_read_a_document(browser, live_server, town) -> None:  # type: ignore[no-untyped-def]
    """Lan reads the cell's document on her phone; the secretary (Bình), on his phone, opens
    the cell's documents and sees 1/2 read, Lan under "Đã đọc" and himself under "Chưa đọc"."""
    from capuy.members.models import Member

    accounts = {}
    for name in ("lan", "binh"):
        member = town["lan"] if name == "lan" else Member.objects.get(full_name="Trần Văn Bình")
        account, _ = create_account(member, None)
        account.user.set_password(NEW_PASSWORD)
        account.user.save()
        account.must_change_password = False
        account.save()
        accounts[name] = account.user.username
    lan = phone(browser)
    log_in(lan, live_server, accounts["lan"], NEW_PASSWORD)
    lan.goto(f"{live_server.url}/so-tay/tai-lieu/{town['reading'].pk}/")
    assert "Hồ Chí Minh" in lan.content()
    binh = phone(browser)
    log_in(binh, live_server, accounts["binh"], NEW_PASSWORD)
    binh.goto(f"{live_server.url}/so-tay/chi-bo/{town['cell'].pk}/")
    binh.get_by_role("link", name="Ai đã đọc tài liệu").click()
    binh.wait_for_selector("text=Tài liệu sinh hoạt chuyên đề năm 2026")
    assert "1/2" in binh.inner_text("table") and fits_the_screen(binh)
    binh.get_by_role("link", name="Tài liệu sinh hoạt chuyên đề năm 2026").click()
    binh.wait_for_selector("text=Đã đọc (1)")
    read, unread = binh.inner_text(".hb").split("Chưa đọc (1)")
    assert "Nguyễn Thị Lan" in read and "Trần Văn Bình" in unread
    assert fits_the_screen(binh)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    binh.screenshot(path=str(ARTIFACTS / "handbook-receipts-phone.png"), full_page=True)
