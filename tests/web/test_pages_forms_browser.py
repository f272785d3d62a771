"""A form with an error keeps everything typed and puts the cursor on the first error; a day
that does not exist ("31/02/2024") is said to not exist, not to be badly written."""

from __future__ import annotations

import datetime as dt

import pytest

from capuy.accounts.levels import Role
from capuy.members.services import admit
from capuy.web.records import FORMAT_HINT, VnDateField
from tests.web.browser import MARKS, new_tab
from tests.web.conftest import PASSWORD, make_user

pytestmark = MARKS


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/02/2024", "Ngày 31/02/2024 không có: tháng 02/2024 chỉ có 29 ngày."),
        ("29/02/2023", "Ngày 29/02/2023 không có: tháng 02/2023 chỉ có 28 ngày."),
        ("31/04/2024", "Ngày 31/04/2024 không có: tháng 04/2024 chỉ có 30 ngày."),
        ("12/13/2024", "Ngày 12/13/2024 không có: không có tháng 13 (tháng từ 1 đến 12)."),
        ("00/01/2024", "Ngày 00/01/2024 không có: ngày bắt đầu từ 01."),
        ("2024-02-31", FORMAT_HINT),
        ("hôm qua", FORMAT_HINT),
    ],
)
def test_the_date_field_says_what_is_wrong(typed: str, message: str) -> None:
    field = VnDateField(label="Ngày")
    with pytest.raises(Exception) as refused:
        field.clean(typed)
    assert refused.value.messages == [message]  # type: ignore[attr-defined]
    assert field.clean("29/02/2024") == dt.date(2024, 2, 29)


def test_member_event_form_keeps_what_was_typed(live_server, browser, tree) -> None:  # type: ignore[no-untyped-def]
    specialist = make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST)
    member = admit(tree.pho_hoa_cell, "Nguyễn Thị Lan", "nu", dt.date(2020, 5, 19))
    page = new_tab(browser)
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", specialist.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/dang-vien/{member.pk}/")
    form = page.locator("#event-form")
    form.locator("select[name=kind]").select_option("transfer_out_official")
    form.locator("input[name=date]").fill("31/02/2024")
    form.locator("input[name=counterpart]").fill("Đảng bộ huyện Mộ Đức")
    form.locator("input[name=decision]").fill("Quyết định số 112-QĐ/TU")
    form.get_by_role("button", name="Ghi biến động").click()
    page.wait_for_load_state()
    form = page.locator("#event-form")
    assert "Ngày 31/02/2024 không có: tháng 02/2024 chỉ có 29 ngày." in form.inner_text()
    assert "dd/mm/yyyy" not in form.locator(".field-error").inner_text()
    assert form.locator("select[name=kind]").input_value() == "transfer_out_official"
    assert form.locator("input[name=date]").input_value() == "31/02/2024"
    assert form.locator("input[name=counterpart]").input_value() == "Đảng bộ huyện Mộ Đức"
    assert form.locator("input[name=decision]").input_value() == "Quyết định số 112-QĐ/TU"
    focused = page.evaluate("document.activeElement.name")
    assert focused == "date"
    assert page.evaluate("document.activeElement.getAttribute('aria-invalid')") == "true"
    # corrected: recorded, and the page is back to an empty form
    form.locator("input[name=date]").fill("28/02/2024")
    form.get_by_role("button", name="Ghi biến động").click()
    page.wait_for_load_state()
    assert "Đã ghi biến động." in page.inner_text("main")
    assert member.events.filter(kind="transfer_out_official").count() == 1
