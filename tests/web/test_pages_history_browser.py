"""Back after a live search shows the whole page: the document list's search (htmx, the URL
pushed) typed twice, then Back with no stored copy of the page (a full or disabled storage):
the register's page comes back whole — menu, filters and results — not the results alone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from capuy.documents.numbering import register_outgoing
from capuy.orgs.models import Body
from tests.web.browser import MARKS, new_tab
from tests.web.conftest import PASSWORD

pytestmark = MARKS


@pytest.fixture
def documents(tree):  # type: ignore[no-untyped-def]
    btv = Body.objects.get(organisation=tree.town, kind="btv")
    for day, summary in (
        (1, "Công tác giao, nhận quân năm 2024"),
        (2, "Kỷ niệm ngày thành lập Đảng"),
    ):
        register_outgoing(
            issuing_body=btv, type_code="KH", issued_on=dt.date(2024, 2, day), summary=summary
        )


def test_a_fragment_is_never_the_page(town_clerk, documents) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(town_clerk)
    live = client.get("/van-ban/?q=quân", HTTP_HX_REQUEST="true")
    assert "HX-Request" in live["Vary"] and "<nav" not in live.content.decode()
    restored = client.get(
        "/van-ban/?q=quân", HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    assert "<nav" in restored.content.decode() and "HX-Request" in restored["Vary"]


def test_back_after_a_live_search_shows_the_whole_page(
    live_server, browser, town_clerk, documents
) -> None:  # type: ignore[no-untyped-def]
    page = new_tab(browser)
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", town_clerk.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/van-ban/")
    search = page.locator("form.filters input[name=q]")
    search.press_sequentially("quân")  # typed: the list follows (htmx), the URL is pushed
    page.wait_for_url("**q=qu*")
    search.fill("")
    search.press_sequentially("Đảng")
    page.wait_for_url("**q=%C4%90*")
    page.evaluate("sessionStorage.clear()")  # htmx keeps its copies there
    page.go_back()
    page.wait_for_url("**q=qu*")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert page.locator("header.top nav.menu").count() == 1
    assert page.locator("form.filters input[name=q]").count() == 1
    assert "giao, nhận quân" in page.inner_text("main")
