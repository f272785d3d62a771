"""The due-for-recognition list (13.690 px tall on the demo) in chromium: 50 a page with
pages, filtered by unit and by overdue, an action on each row that opens the member's event
form with "công nhận đảng viên chính thức" chosen, and the filtered list as CSV for Excel."""

from __future__ import annotations

import csv
import datetime as dt
import io

from capuy.accounts.levels import Role
from capuy.members.services import admit
from capuy.text.periods import shift_months
from tests.web.browser import MARKS, PHONE, new_tab
from tests.web.conftest import PASSWORD, make_user

pytestmark = MARKS


def test_due_list_pages_filters_actions_and_csv(live_server, browser, tree) -> None:  # type: ignore[no-untyped-def]
    make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST)
    today = dt.date.today()
    for i in range(70):  # 12 months of probation end from 20 days ago to 49 days ahead
        admitted = shift_months(today, -12) + dt.timedelta(days=i - 20)
        unit = tree.pho_hoa_cell if i % 2 else tree.pho_minh
        admit(unit, f"Người dự bị {i:02d}", "nam", admitted)
    page = new_tab(browser, accept_downloads=True)
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "chuyenvien.ducpho")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/dang-vien/den-han/")
    rows = page.locator("#recognitions tbody tr")
    assert rows.count() == 50
    assert "70 người" in page.inner_text("#recognitions h2")
    page.locator("#recognitions .pagination a", has_text="Sau").click()
    assert page.locator("#recognitions tbody tr").count() == 20
    # filters: one unit, overdue only
    page.goto(f"{live_server.url}/dang-vien/den-han/")
    page.select_option("#id_to_chuc", str(tree.pho_minh.pk))
    page.check("input[name=qua_han]")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state()
    texts = page.locator("#recognitions tbody tr").all_inner_texts()
    assert texts and all("Đảng bộ phường Phổ Minh" in t for t in texts)
    assert len(texts) == 10  # the even ones of the 20 overdue
    # the CSV: the same filtered rows, ";" separated, with a BOM for Excel
    with page.expect_download() as got:
        page.click("#due-csv")
    data = got.value.path().read_bytes().decode("utf-8")
    assert data.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(data.lstrip("\ufeff")), delimiter=";"))
    assert table[0][:2] == ["Việc", "Họ và tên"]
    assert sum(1 for r in table if r[0] == "Công nhận chính thức") == 10
    # the row's action: the member's page, the event form ready for the recognition
    page.locator("#recognitions tbody tr").first.get_by_role("link", name="Ghi công nhận").click()
    page.wait_for_load_state()
    assert page.locator("#event-form select[name=kind]").input_value() == "recognition"


def test_due_list_fits_a_phone_and_its_unit_filter_says_all(live_server, browser, tree) -> None:  # type: ignore[no-untyped-def]
    """At 390 px the two tables (name, cell, dates, the action button) pushed the page to
    456 px wide; they scroll inside their card now. The unit filter's empty choice reads
    "Tất cả", not Django's "---------"."""
    make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST)
    today = dt.date.today()
    for i in range(3):
        admit(tree.pho_hoa_cell, f"Người dự bị {i:02d}", "nam", shift_months(today, -12))
    page = new_tab(browser, PHONE)
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "chuyenvien.ducpho")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/dang-vien/den-han/")
    assert page.locator("#recognitions tbody tr").count() == 3
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.locator("#id_to_chuc option").first.inner_text() == "Tất cả"
