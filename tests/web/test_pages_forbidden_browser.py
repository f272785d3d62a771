"""A ward clerk who opens /danh-muc/ (the shared vocabulary, for administrators) sees a clear
403 page in chromium, with the menu to go on, instead of a redirect loop."""

from __future__ import annotations

from tests.web.browser import MARKS, new_tab
from tests.web.conftest import PASSWORD

pytestmark = MARKS


def test_vocabulary_page_refuses_a_clerk_clearly(live_server, browser, ward_clerk) -> None:  # type: ignore[no-untyped-def]
    page = new_tab(browser)
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", ward_clerk.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    response = page.goto(f"{live_server.url}/danh-muc/")
    assert response is not None and response.status == 403
    assert response.request.redirected_from is None
    assert page.url == f"{live_server.url}/danh-muc/"
    assert "Không có quyền truy cập" in page.inner_text("h1")
    assert "chỉ dành cho quản trị hệ thống" in page.inner_text("#forbidden")
    assert page.locator("nav.menu").count() == 1
