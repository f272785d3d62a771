"""Browser tests of the register an office runs on (Debian chromium driven by Playwright):

(1) the văn thư registers an incoming document (the form opens on today's date and Công văn,
suggests the senders already used) and gets its arrival number, routes it to a specialist
with the leader's instruction and a deadline; the specialist finds it on the home page and
marks it handled; (2) the văn thư recalls a decision and records the one that replaces it,
seen on both pages and marked in the list; (3) the month of the incoming book is stepped
through with previous/next and its CSV export read back; (4) a ward user reaches the town's
Mật arrival neither by the list nor by its URL.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from django.utils import timezone

from capuy.accounts.levels import Classification, Role
from capuy.documents.numbering import register_outgoing
from capuy.incoming.models import Arrival, ArrivalCounter, State
from capuy.incoming.services import register_arrival
from capuy.orgs.models import Body
from tests.web.browser import ARTIFACTS, MARKS, new_tab
from tests.web.conftest import make_user
from tests.web.test_browser_documents import log_in

pytestmark = MARKS


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    return new_tab(browser)


@pytest.fixture
def specialist(tree):  # type: ignore[no-untyped-def]
    return make_user(
        "chuyenvien.ducpho", tree.town, Role.SPECIALIST, clearance=Classification.SECRET,
        first_name="Minh", last_name="Trần Văn",
    )  # fmt: skip


@pytest.fixture
def february(tree):  # type: ignore[no-untyped-def]
    """The town's book for 2024 from arrival 184 on; one arrival in January, one Mật."""
    ArrivalCounter.objects.create(organisation=tree.town, year=2024, last_number=184)

    def arrive(day: dt.date, sender: str, summary: str, **extra: object) -> Arrival:
        return register_arrival(
            organisation=tree.town, received_on=day, sender=sender, type_code="CV",
            summary=summary, **extra,
        )  # fmt: skip

    return {
        "january": arrive(dt.date(2024, 1, 29), "Văn phòng Tỉnh ủy Quảng Ngãi", "Về lịch công tác"),
        "cv5169": arrive(
            dt.date(2024, 2, 6), "Ban Tổ chức Tỉnh ủy Quảng Ngãi", "Về việc góp ý, đề xuất",
            sender_symbol="5169-CV/BTCTU", sender_date=dt.date(2024, 2, 5),
        ),
        "secret": arrive(
            dt.date(2024, 2, 23), "Ban Nội chính Tỉnh ủy Quảng Ngãi",
            "Tình hình an ninh chính trị dịp Tết Giáp Thìn", classification=Classification.SECRET,
        ),
    }  # fmt: skip


def test_clerk_registers_routes_and_the_handler_marks_it_handled(
    browser, page, live_server, town_clerk, town_leader, specialist, password, february
) -> None:  # type: ignore[no-untyped-def]
    town_leader.first_name, town_leader.last_name = "Hùng", "Lê Quang"
    town_leader.save()
    log_in(page, live_server, "vanthu.ducpho", password)
    page.goto(f"{live_server.url}/van-ban-den/")
    page.get_by_role("link", name="Vào sổ văn bản đến").click()
    # sensible defaults: today, Công văn; the senders already used are suggested
    assert page.input_value("#id_received_on") == f"{timezone.localdate():%d/%m/%Y}"
    assert page.input_value("#id_type_code") == "CV"
    suggested = page.eval_on_selector_all("#noi-gui-da-dung option", "os => os.map(o => o.value)")
    assert "Ban Tổ chức Tỉnh ủy Quảng Ngãi" in suggested
    assert page.inner_text(".next-arrival") == "1"  # this year's book is still empty
    page.fill("#id_sender", "Ban Tổ chức Tỉnh ủy Quảng Ngãi")
    page.fill("#id_sender_symbol", "5202-CV/BTCTU")
    page.fill("#id_sender_date", "01/03/2024")
    page.fill(
        "#id_summary", "Về việc rà soát quy hoạch cấp ủy nhiệm kỳ 2025 - 2030;\nđề xuất bổ sung"
    )
    page.fill("#id_received_on", "04/03/2024")
    page.get_by_role("button", name="Vào sổ").click()
    page.wait_for_selector(".messages")
    assert "Đã vào sổ văn bản đến: số đến 188 ngày 04/03/2024." in page.inner_text(".messages")
    assert page.inner_text(".arrival-number") == "188"
    # chuyển xử lý with the leader's instruction and a deadline
    page.select_option("#id_to_user", label="Trần Văn Minh")
    page.select_option("#id_leader", label="Lê Quang Hùng")
    page.fill("#id_instruction", "Giao Văn phòng rà soát, tham mưu báo cáo trước ngày 15/3.")
    page.fill("#id_deadline", "15/03/2024")
    page.get_by_role("button", name="Chuyển xử lý").click()
    page.wait_for_selector("ol.steps li.step-chuyen")
    step = page.inner_text("ol.steps")
    assert "chuyển xử lý cho Trần Văn Minh, hạn 15/03/2024" in step
    assert "Ý kiến chỉ đạo của Lê Quang Hùng: Giao Văn phòng rà soát" in step
    assert "Quá hạn" in page.inner_text("p.lead")  # 15/03/2024 has passed, still open
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "incoming-routed.png"), full_page=True)

    handler = new_tab(browser)
    log_in(handler, live_server, "chuyenvien.ducpho", password)
    handler.get_by_role("link", name="Số đến 188/2024").click()
    handler.fill("#id_note", "Đã tham mưu Báo cáo rà soát quy hoạch.")
    handler.get_by_role("button", name="Đã xử lý").click()
    handler.wait_for_selector(".messages")
    assert "Văn bản đến số 188: đã xử lý." in handler.inner_text(".messages")
    assert "Đã xử lý" in handler.inner_text("p.lead")
    arrival = Arrival.objects.get(number=188, year=2024)
    assert arrival.state == State.DONE and arrival.handler == specialist
    assert arrival.summary.endswith(";\nđề xuất bổ sung")  # the whole summary, both lines
    handler.goto(f"{live_server.url}/van-ban-den/")
    assert "đề xuất bổ sung" in handler.inner_text("tr[data-number='188']")


def test_clerk_recalls_a_decision_and_records_its_replacement(
    page, live_server, town_clerk, password, tree
) -> None:  # type: ignore[no-untyped-def]
    btv = Body.objects.get(organisation=tree.town, kind="btv")
    old, new = (
        register_outgoing(issuing_body=btv, type_code="QĐ", issued_on=dt.date(2024, 2, day),
                          summary=summary)
        for day, summary in [(5, "Thành lập Tổ công tác dịp Tết"),
                             (20, "Thành lập Tổ công tác dịp Tết (thay thế)")]
    )  # fmt: skip
    log_in(page, live_server, "vanthu.ducpho", password)
    page.goto(f"{live_server.url}/van-ban/{old.pk}/")
    page.fill("#id_reason", "Sai thành phần Tổ công tác")
    page.on("dialog", lambda dialog: dialog.accept())  # "Thu hồi văn bản …?" asks first
    page.get_by_role("button", name="Thu hồi văn bản").click()
    page.wait_for_selector("p.notice.recalled")
    assert "Lý do: Sai thành phần Tổ công tác" in page.inner_text("p.notice.recalled")
    page.fill("#id_symbol", new.symbol)
    page.get_by_role("button", name="Ghi văn bản thay thế").click()
    page.wait_for_selector(f"text=Văn bản đã bị thay thế bởi Quyết định {new.symbol}")
    page.get_by_role("link", name=f"Quyết định {new.symbol}").first.click()
    assert f"Thay thế Quyết định {old.symbol}" in page.inner_text("main")
    page.goto(f"{live_server.url}/van-ban/")
    row = page.locator("table.documents tr", has_text=old.symbol)
    assert "Đã thu hồi" in row.inner_text() and "Đã bị thay thế" in row.inner_text()
    assert "Đã thu hồi" not in page.locator("table.documents tr", has_text=new.symbol).inner_text()


def test_month_of_the_incoming_book_and_its_csv(
    page, live_server, town_leader, password, february, tree
) -> None:  # type: ignore[no-untyped-def]
    log_in(page, live_server, "lanhdao.ducpho", password)
    page.goto(f"{live_server.url}/van-ban-den/trong-thang/?thang=02/2024")
    assert page.inner_text("h1") == "Sổ văn bản đến tháng 02/2024"
    page.get_by_role("link", name="‹ Tháng 01/2024").click()
    page.wait_for_selector("h1:text('Sổ văn bản đến tháng 01/2024')")
    assert "Về lịch công tác" in page.inner_text("table.month-register")
    page.get_by_role("link", name="Tháng 02/2024 ›").click()
    page.wait_for_selector("h1:text('Sổ văn bản đến tháng 02/2024')")
    shown = page.eval_on_selector_all(
        "table.month-register tbody tr",
        "rows => rows.map(r => Array.from(r.cells).map(c => c.innerText.trim()))",
    )
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    raw = Path(download.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[1:] == shown
    assert [r[:2] for r in rows[1:]] == [["186", "06/02/2024"], ["187", "23/02/2024"]]
    assert rows[2][6] == "Mật"  # the leader is cleared for it: listed, and marked


def test_ward_user_cannot_reach_the_towns_secret_arrival(
    page, live_server, ward_clerk, password, february, tree
) -> None:  # type: ignore[no-untyped-def]
    own = register_arrival(
        organisation=tree.pho_hoa, received_on=dt.date(2024, 2, 20), type_code="CV",
        sender="Văn phòng Thị ủy Đức Phổ", summary="Về việc gửi báo cáo công tác tháng 02",
    )  # fmt: skip
    secret = february["secret"]
    log_in(page, live_server, "vanthu.phohoa", password)
    page.goto(f"{live_server.url}/van-ban-den/")
    listing = page.inner_text("table.arrivals")
    assert own.summary in listing and secret.summary not in listing
    page.goto(f"{live_server.url}/van-ban-den/trong-thang/?thang=02/2024")
    assert secret.summary not in page.content()
    response = page.goto(f"{live_server.url}/van-ban-den/{secret.pk}/")
    assert response.status == 404
    assert secret.summary not in page.content()
    response = page.goto(
        f"{live_server.url}/van-ban-den/trong-thang/?thang=02/2024&to_chuc={tree.town.pk}"
    )
    assert response.status == 404
