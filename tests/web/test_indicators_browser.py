"""The indicators dashboard's period fields in chromium: drawn like every other field."""

from __future__ import annotations

from capuy.accounts.levels import Role
from tests.web.browser import MARKS, new_tab
from tests.web.conftest import PASSWORD, make_user

pytestmark = MARKS


def test_the_period_fields_look_like_the_other_fields(live_server, browser, tree) -> None:  # type: ignore[no-untyped-def]
    """ "Năm", "hoặc từ ngày", "đến ngày" were inputs without a type, so the site's field style
    (``input[type=text]``) missed them: small boxes beside a full-size unit list."""
    make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST)
    page = new_tab(browser)
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "chuyenvien.ducpho")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/chi-tieu/")
    unit = page.locator("form.filters select").first.bounding_box()
    for field in ("#f-year", "#f-from", "#f-to"):
        box = page.locator(field).bounding_box()
        assert box is not None and unit is not None
        assert box["height"] >= unit["height"], field  # unstyled: 21 px against 37
