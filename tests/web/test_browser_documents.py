"""Browser tests: Debian chromium driven by Playwright against the live server.

(1) a clerk logs in, registers a Kế hoạch and gets the next number; (2) a ward user is refused
the town's Mật document, by the list and by its URL; (3) a leader sees the month's documents
grouped by type. Browsers are never downloaded: /usr/bin/chromium is used.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from capuy.accounts.levels import Classification
from capuy.documents.numbering import register_outgoing
from capuy.orgs.models import Body, CommitteeTerm
from tests.web.browser import ARTIFACTS, MARKS, new_tab

pytestmark = MARKS


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    return new_tab(browser)


@pytest.fixture
def february(tree):  # type: ignore[no-untyped-def]
    """The town's February 2024: a Kế hoạch, two Báo cáo (one Mật), a Kết luận; a ward report."""
    town_btv = Body.objects.get(organisation=tree.town, kind="btv")
    hoa_btv = Body.objects.create(
        organisation=tree.pho_hoa, kind="btv", name="Ban Thường vụ Đảng ủy phường Phổ Hòa"
    )
    CommitteeTerm.objects.create(
        organisation=tree.pho_hoa, start_year=2020, end_year=2025, start_date=dt.date(2020, 6, 1)
    )

    def issue(body: Body, code: str, day: int, summary: str, **extra: object):  # type: ignore[no-untyped-def]
        return register_outgoing(
            issuing_body=body,
            type_code=code,
            issued_on=dt.date(2024, 2, day),
            summary=summary,
            **extra,
        )

    return {
        "plan": issue(
            town_btv,
            "KH",
            1,
            "Tổ chức kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930-03/02/2024)",
        ),
        "report": issue(
            town_btv, "BC", 7, "Tình hình trước, trong và sau tết Nguyên đán Giáp Thìn năm 2024"
        ),
        "conclusion": issue(town_btv, "KL", 2, "Công tác giao, nhận quân năm 2024"),
        "secret": issue(
            town_btv,
            "BC",
            23,
            "Tình hình an ninh chính trị nội bộ tháng 02/2024",
            classification=Classification.SECRET,
        ),
        "ward": issue(hoa_btv, "BC", 24, "Công tác tháng 02 của Đảng bộ phường Phổ Hòa"),
    }


def log_in(page, live_server, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def test_clerk_registers_a_plan_and_gets_the_next_number(
    page, live_server, town_clerk, password, february
) -> None:  # type: ignore[no-untyped-def]
    log_in(page, live_server, "vanthu.ducpho", password)
    page.goto(f"{live_server.url}/van-ban/")
    page.get_by_role("link", name="Vào sổ văn bản đi").click()
    page.select_option("#id_type_code", "KH")
    # HTMX swaps in the number the Kế hoạch series would take next: today, in khóa XXII
    # (the tree's term in force), the numbering has restarted
    page.wait_for_selector(".next-symbol:text('01-KH/TU')")
    page.fill("#id_issued_on", "16/02/2024")
    page.fill("#id_summary", "Đối thoại trực tiếp giữa Bí thư Thị ủy với công dân năm 2024")
    page.get_by_role("button", name="Vào sổ và cấp số").click()
    page.wait_for_selector(".messages")
    assert "Đã vào sổ và cấp số 02-KH/TU ngày 16/02/2024." in page.inner_text(".messages")
    assert page.inner_text("h1") == "Kế hoạch số 02-KH/TU"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "registered-plan.png"), full_page=True)


def test_clerk_sees_inline_errors(page, live_server, town_clerk, password, february) -> None:  # type: ignore[no-untyped-def]
    log_in(page, live_server, "vanthu.ducpho", password)
    page.goto(f"{live_server.url}/van-ban/vao-so/di/")
    page.select_option("#id_type_code", "KH")
    page.fill("#id_issued_on", "31/02/2024")
    page.get_by_role("button", name="Vào sổ và cấp số").click()
    assert (
        page.inner_text("#id_issued_on-error")
        == "Ngày 31/02/2024 không có: tháng 02/2024 chỉ có 29 ngày."
    )
    assert page.inner_text("#id_summary-error") == "Trường này là bắt buộc."


def test_ward_user_is_refused_the_towns_secret_document(
    page, live_server, ward_clerk, password, february
) -> None:  # type: ignore[no-untyped-def]
    log_in(page, live_server, "vanthu.phohoa", password)
    page.goto(f"{live_server.url}/van-ban/")
    listing = page.inner_text("table.documents")
    assert february["ward"].symbol in listing
    assert february["secret"].symbol not in listing and february["secret"].summary not in listing
    page.fill("main input[name=q]", "an ninh chinh tri")
    page.get_by_role("button", name="Lọc").click()
    # HTMX swaps the results in place: wait for the new table, not the old one
    page.wait_for_selector("table.documents td:text('Không có văn bản nào phù hợp.')")
    assert "q=an%20ninh%20chinh%20tri" in page.url  # hx-push-url keeps the filter in the URL
    response = page.goto(f"{live_server.url}/van-ban/{february['secret'].pk}/")
    assert response.status == 404
    assert page.inner_text("h1") == "Không tìm thấy"
    assert february["secret"].summary not in page.content()


def test_leader_sees_the_months_documents_grouped_by_type(
    page, live_server, town_leader, password, february
) -> None:  # type: ignore[no-untyped-def]
    log_in(page, live_server, "lanhdao.ducpho", password)
    page.goto(f"{live_server.url}/van-ban/")
    page.get_by_role("link", name="Văn bản ban hành trong tháng").first.click()
    page.fill("#thang", "02/2024")
    page.get_by_role("button", name="Xem", exact=True).click()
    page.wait_for_selector("table.month-appendix")
    assert page.inner_text("h1") == "Văn bản ban hành trong tháng 02/2024"
    groups = page.eval_on_selector_all("tr.type-group", "rows => rows.map(r => r.dataset.type)")
    assert groups == ["BC", "KH", "KL"]
    report_row = page.inner_text("tr[data-type=BC]")
    assert "01-BC/TU" in report_row and "02-BC/TU" in report_row and "Mật" in report_row
    assert february["ward"].symbol not in page.inner_text("table.month-appendix")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "month-by-type.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))  # Excel, Vietnamese settings
    assert rows[0] == ["Thể loại", "Số, ký hiệu", "Ngày ban hành", "Trích yếu", "Độ mật", "Ghi chú"]
    assert rows[1:3] == [
        ["Báo cáo", "01-BC/TU", "07/02/2024",
         "Tình hình trước, trong và sau tết Nguyên đán Giáp Thìn năm 2024", "", ""],
        ["Báo cáo", "02-BC/TU", "23/02/2024",
         "Tình hình an ninh chính trị nội bộ tháng 02/2024", "Mật", ""],
    ]  # fmt: skip
    # the number and date in the export are those on the screen
    assert "01-BC/TU ngày 07/02/2024" in report_row and "02-BC/TU ngày 23/02/2024" in report_row


def test_clerk_recalls_with_a_wrong_date_and_keeps_the_reason(
    page, live_server, town_clerk, password, february
) -> None:  # type: ignore[no-untyped-def]
    """A recall with "31/02/2024" sent the clerk back to a fresh page: the reason typed was
    gone and the message sat at the top. Now the form comes back with the date's error under
    it, the reason kept and the focus on the date; the corrected recall goes through."""
    plan = february["plan"]
    log_in(page, live_server, "vanthu.ducpho", password)
    page.goto(f"{live_server.url}/van-ban/{plan.pk}/")
    page.on("dialog", lambda dialog: dialog.accept())  # "Thu hồi văn bản …?" — yes
    page.fill("#id_recalled_on", "31/02/2024")
    page.fill("#id_reason", "Ban hành nhầm đối tượng")
    page.get_by_role("button", name="Thu hồi văn bản").click()
    page.wait_for_selector("#id_recalled_on-error")
    assert "31/02/2024 không có" in page.inner_text("#id_recalled_on-error")
    assert page.input_value("#id_reason") == "Ban hành nhầm đối tượng"
    assert page.evaluate("document.activeElement.id") == "id_recalled_on"
    page.fill("#id_recalled_on", "20/02/2024")
    page.get_by_role("button", name="Thu hồi văn bản").click()
    page.wait_for_selector(".notice.recalled")
    assert "Đã thu hồi văn bản 01-KH/TU từ ngày 20/02/2024." in page.inner_text(".messages")
    plan.refresh_from_db()
    assert plan.recall_reason == "Ban hành nhầm đối tượng"
