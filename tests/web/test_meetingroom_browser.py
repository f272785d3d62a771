"""Browser tests of the meeting room: Debian chromium, phone-size pages (390×844).

(1) The chair opens a secret vote from the console; five members, whose pages were loaded
before it opened, see the ballot appear and vote; one tries again from a second tab and is
refused; the hall's screen shows the count while open and the result after the close.
(2) An election of one among three where a ballot keeps two names: counted invalid.
(3) A phone that loses its connection while a vote opens catches up when it reconnects.
(4) The document pack on phones: the secret file only for the cleared, watermarked, nothing
to download; closing the meeting withdraws the pack from the pages open on the phones.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from capuy.meetingroom import room as rooms
from capuy.meetingroom import voting
from capuy.meetingroom.models import Ballot, Poll, Voter
from tests.web.browser import ARTIFACTS, DESKTOP, MARKS, PHONE, new_tab
from tests.web.meetingroom_helpers import all_present, build_room

pytestmark = [*MARKS, pytest.mark.slow]


def _page(browser: Any, live_server: Any, username: str, password: str, phone: bool = True) -> Any:
    page = new_tab(browser, PHONE if phone else DESKTOP)
    errors: list[str] = []
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and "Failed to load resource" not in m.text
            else None
        ),
    )
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "response",
        lambda r: (
            errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and "favicon" not in r.url
            else None
        ),
    )
    page.errors = errors  # type: ignore[attr-defined]
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page


def _room(tree: Any, count: int) -> dict[str, Any]:
    built = build_room(tree, count)
    rooms.open_room(built["session"], built["chair"])
    all_present(built["session"])
    return built


def test_secret_vote_on_phones_with_a_second_ballot_refused_and_the_hall_screen(
    browser: Any, live_server: Any, tree: Any, password: str
) -> None:
    built = _room(tree, 6)
    s = built["session"]
    base = live_server.url
    screen = _page(browser, live_server, "thuky.ducpho", password, phone=False)
    screen.goto(f"{base}/phong-hop/{s.pk}/man-hinh/")
    screen.wait_for_selector("#s-quorum:text('Có mặt 6/6')")
    voters = built["people"][1:6]
    phones = []
    for user in voters:
        phone = _page(browser, live_server, user.username, password)
        phone.goto(f"{base}/phong-hop/{s.pk}/")
        phones.append(phone)
    second_tab = phones[0].context.new_page()
    second_tab.goto(f"{base}/phong-hop/{s.pk}/")

    chair = _page(browser, live_server, "bithu.ducpho", password, phone=False)
    chair.goto(f"{base}/phong-hop/{s.pk}/dieu-hanh/")
    chair.fill("#noi_dung", "Thông qua dự thảo Kết luận Hội nghị")
    chair.select_option("#hinh_thuc", "secret")
    chair.get_by_role("button", name="Tạo", exact=True).click()
    chair.get_by_role("button", name="Mở biểu quyết").click()
    chair.wait_for_selector("text=Đang biểu quyết")

    # the phones loaded before the opening: the ballot appears by itself (member.js)
    for phone in [*phones, second_tab]:
        phone.wait_for_selector("button.option-dong_y", timeout=10000)
    for phone in phones:
        phone.click("button.option-dong_y")
        phone.wait_for_selector(".messages li:text('Đã ghi nhận phiếu')")
    second_tab.click("button.option-khong_dong_y")
    second_tab.wait_for_selector(".messages li.error")
    assert "đã biểu quyết rồi" in second_tab.inner_text(".messages")
    screen.wait_for_selector("#s-count:text('Đã biểu quyết: 5/6')", timeout=3000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    phones[0].screenshot(path=str(ARTIFACTS / "meetingroom-phone.png"), full_page=True)

    chair.get_by_role("button", name="Kết thúc biểu quyết").click()
    closed_at = time.monotonic()
    screen.wait_for_selector("#s-verdict:text('THÔNG QUA')", timeout=2000)
    shown_after = time.monotonic() - closed_at
    assert screen.inner_text("#s-total") == "Tổng số phiếu: 5"
    table = screen.inner_text("#s-poll table")
    assert "Đồng ý\t5" in table and "Không đồng ý\t0" in table
    screen.screenshot(path=str(ARTIFACTS / "meetingroom-screen.png"), full_page=True)
    poll = Poll.objects.get()
    assert Ballot.objects.filter(poll=poll).count() == 5 == Voter.objects.filter(poll=poll).count()
    for page in [screen, chair, *phones]:
        assert page.errors == [], page.errors  # nothing refused by the CSP, no script error
    print(f"screen showed the result {shown_after:.2f} s after the close")


def test_an_election_where_one_ballot_keeps_too_many_names(
    browser: Any, live_server: Any, tree: Any, password: str
) -> None:
    built = _room(tree, 4)
    s = built["session"]
    base = live_server.url
    chair = _page(browser, live_server, "bithu.ducpho", password, phone=False)
    chair.goto(f"{base}/phong-hop/{s.pk}/dieu-hanh/")
    chair.fill("#noi_dung", "Bầu Phó Bí thư Thị ủy")
    chair.select_option("#loai", "election")
    chair.select_option("#hinh_thuc", "secret")
    chair.fill("#ung_vien", "Võ Văn Hải\nĐặng Thị Lan\nBùi Đức Minh")
    chair.fill("#so_luong", "1")
    chair.get_by_role("button", name="Tạo", exact=True).click()
    chair.get_by_role("button", name="Mở biểu quyết").click()
    screen = _page(browser, live_server, "thuky.ducpho", password, phone=False)
    screen.goto(f"{base}/phong-hop/{s.pk}/man-hinh/")
    screen.wait_for_selector("#s-count:text('Đã biểu quyết: 0/4')")

    # cross out: keep Hải only (valid); keep Hải only; keep Lan only; keep Hải and Lan (invalid)
    crossings = [
        ["Đặng Thị Lan", "Bùi Đức Minh"],
        ["Đặng Thị Lan", "Bùi Đức Minh"],
        ["Võ Văn Hải", "Bùi Đức Minh"],
        ["Bùi Đức Minh"],
    ]
    for user, crossed in zip(built["people"], crossings, strict=True):
        phone = _page(browser, live_server, user.username, password)
        phone.goto(f"{base}/phong-hop/{s.pk}/")
        for name in crossed:
            phone.get_by_label(name).check()
        phone.get_by_role("button", name="Bỏ phiếu").click()
        phone.wait_for_selector(".messages li:text('Đã ghi nhận phiếu')")
        phone.context.close()
    screen.wait_for_selector("#s-count:text('Đã biểu quyết: 4/4')", timeout=3000)
    chair.get_by_role("button", name="Kết thúc biểu quyết").click()
    screen.wait_for_selector("#s-poll table", timeout=2000)
    summary = screen.inner_text("#s-poll")
    assert "Phiếu thu vào 4 · hợp lệ 3 · không hợp lệ 1" in summary
    assert "Võ Văn Hải\t2\t66,67%\t50,00%\tKhông trúng cử" in summary  # 2 of 4 is not > half
    screen.screenshot(path=str(ARTIFACTS / "meetingroom-election.png"), full_page=True)


def test_a_phone_that_lost_its_connection_catches_up_on_reconnect(
    browser: Any, live_server: Any, tree: Any, password: str
) -> None:
    """The phone is offline (the browser's network cut) when the chair opens a vote: its polls
    fail, nothing changes on it; back online, its next poll sees the new version and the
    ballot appears by itself; the member votes and the ballot is counted once."""
    built = _room(tree, 3)
    s, voter = built["session"], built["people"][1]
    phone = _page(browser, live_server, voter.username, password)
    phone.goto(f"{live_server.url}/phong-hop/{s.pk}/")
    phone.wait_for_selector("#member-live")
    phone.context.set_offline(True)
    poll = voting.create_poll(s, title="Thông qua Nghị quyết", method="secret", user=built["chair"])
    voting.open_poll(poll, built["chair"])
    time.sleep(4)  # more than one 3-second poll of member.js failed meanwhile
    assert phone.locator("button.option-dong_y").count() == 0
    phone.context.set_offline(False)
    phone.wait_for_selector("button.option-dong_y", timeout=10000)
    phone.click("button.option-dong_y")
    phone.wait_for_selector(".messages li:text('Đã ghi nhận phiếu')")
    assert Voter.objects.filter(poll=poll, user=voter).count() == 1
    assert Ballot.objects.filter(poll=poll).count() == 1
    assert [e for e in phone.errors if "ERR_INTERNET_DISCONNECTED" not in e] == []


def test_the_pack_on_phones_watermarked_not_downloadable_and_withdrawn_at_the_close(
    browser: Any, live_server: Any, tree: Any, password: str
) -> None:
    from capuy.accounts.levels import Classification
    from capuy.meetingroom.models import PackDocument

    built = _room(tree, 3)
    s, member = built["session"], built["people"][1]
    draft = PackDocument.objects.create(
        session=s, title="Dự thảo Nghị quyết", body="Điều 1. Thông qua…", is_draft=True
    )
    secret = PackDocument.objects.create(
        session=s,
        title="Hồ sơ nhân sự",
        body="Đồng chí Lê Minh Châu, sinh năm 1975…",
        classification=Classification.SECRET,
        position=2,
    )
    base = f"{live_server.url}/phong-hop/{s.pk}"
    chair = _page(browser, live_server, "bithu.ducpho", password)  # cleared for Mật
    response = chair.goto(f"{base}/tai-lieu/{secret.pk}/")
    assert response is not None and response.status == 200
    assert "no-store" in response.headers["cache-control"]
    assert response.headers["content-disposition"] == "inline"
    assert chair.locator(".watermark span").count() == 24
    assert "Nguyễn Văn Chủ" in chair.inner_text(".watermark span >> nth=0")
    assert chair.locator("a[download]").count() == 0 and fits(chair)
    phone = _page(browser, live_server, member.username, password)  # not cleared
    phone.goto(f"{base}/")
    assert "Dự thảo Nghị quyết" in phone.inner_text("#pack-list")
    assert "Hồ sơ nhân sự" not in phone.content()
    reader = phone.context.new_page()
    denied = reader.goto(f"{base}/tai-lieu/{secret.pk}/")
    assert denied is not None and denied.status == 404
    reader.goto(f"{base}/tai-lieu/{draft.pk}/")
    assert "Điều 1. Thông qua" in reader.inner_text("#pack-body")
    assert member.last_name in reader.inner_text(".watermark span >> nth=0")
    rooms.close_room(s, built["clerk"])  # the office closes the meeting
    reader.wait_for_selector("text=Tài liệu đã được thu hồi", timeout=12000)
    assert reader.locator("#pack-body").count() == 0 and "Điều 1" not in reader.content()
    phone.wait_for_selector("text=Tài liệu đã được thu hồi", timeout=12000)
    assert phone.locator("#pack-list").count() == 0
    assert chair.reload() is not None and "Lê Minh Châu" in chair.content()  # the office keeps it
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    reader.screenshot(path=str(ARTIFACTS / "meetingroom-pack-withdrawn.png"), full_page=True)


def fits(page: Any) -> bool:
    return bool(page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1"))
