"""The menu in chromium: thirteen entries grouped into seven dropdowns that fit one line of a
1366 px laptop, one entry active at a time, dropdowns that open without JavaScript and on a
phone, a search box in the header; an app's item falls into a group by ``group=`` or by its
URL's namespace."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from playwright.sync_api import expect

from capuy.accounts.levels import Classification, Role
from capuy.web import home
from capuy.web.context import menu_groups
from tests.web.browser import MARKS, PHONE, new_tab
from tests.web.conftest import PASSWORD, make_user

pytestmark = MARKS
LAPTOP = {"width": 1366, "height": 900}
GROUPS = [
    "Văn bản",
    "Hội nghị – Nhiệm vụ",
    "Đảng viên",
    "Kiểm tra – Kỷ luật",
    "Đơn thư – Tiếp dân",
    "Số liệu – Báo cáo",
]


@pytest.fixture
def specialist(tree):  # type: ignore[no-untyped-def]
    return make_user(
        "chuyenvien.ducpho",
        tree.town,
        Role.SPECIALIST,
        clearance=Classification.SECRET,
        first_name="Minh",
        last_name="Trần Văn",
    )


def _log_in(page, live_server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "chuyenvien.ducpho")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def test_items_fall_into_groups_by_argument_or_namespace(specialist) -> None:  # type: ignore[no-untyped-def]
    request = RequestFactory().get("/van-ban/trong-thang/")
    saved = dict(home._NAV)
    try:  # an item of another app (the register of incoming documents) and one with group=
        home.register_nav(home.NavItem("Sổ tay mới", "home", order=5, group="dang_vien"))
        bar = menu_groups(request, {str(Role.SPECIALIST)})
    finally:
        home._NAV.clear()
        home._NAV.update(saved)
    assert home.group_of(home.NavItem("Văn bản đến", "incoming:list")) == "van_ban"
    assert home.group_of(home.NavItem("Khác", "lạ:list")) == ""
    labels = {g["label"]: [i["label"] for i in g["items"]] for g in bar}
    assert "Sổ tay mới" in labels["Đảng viên"]
    assert labels["Văn bản"][:2] == ["Văn bản", "Văn bản trong tháng"]
    active = [i["label"] for g in bar for i in g["items"] if i["active"]]
    assert active == ["Văn bản trong tháng"]  # not also "Văn bản" (/van-ban/ starts the path)


def test_menu_fits_a_laptop_line_and_one_item_is_active(live_server, browser, specialist) -> None:  # type: ignore[no-untyped-def]
    page = new_tab(browser, LAPTOP)
    _log_in(page, live_server)
    page.goto(f"{live_server.url}/van-ban/trong-thang/")
    summaries = page.locator("nav.menu details.nav-group > summary")
    assert [s.strip() for s in summaries.all_inner_texts()][:6] == GROUPS
    tops = {round(box["y"]) for box in (s.bounding_box() for s in summaries.all()) if box}
    assert len(tops) == 1, tops  # one line
    assert page.locator("nav.menu").bounding_box()["height"] < 50  # type: ignore[index]
    assert page.locator("nav.menu a.active").count() == 1
    assert page.locator("details.nav-group.current > summary").inner_text().strip() == "Văn bản"
    assert page.locator("header form[role=search] input[name=q]").is_visible()
    # a dropdown opens, shows its items over the page, a second one closes the first
    page.click("details[data-group=dang_vien] > summary")
    link = page.locator("details[data-group=dang_vien] .nav-panel a", has_text="Đảng viên")
    assert link.is_visible()
    page.click("details[data-group=so_lieu] > summary")
    expect(link).to_be_hidden()
    page.keyboard.press("Escape")
    expect(page.locator("details.nav-group[open]")).to_have_count(0)
    page.click("details[data-group=so_lieu] > summary")
    page.locator("details[data-group=so_lieu] .nav-panel a", has_text="Báo cáo").click()
    page.wait_for_url(f"{live_server.url}/bao-cao/")
    assert page.locator("nav.menu a.active").text_content() == "Báo cáo"


def test_menu_without_javascript_and_on_a_phone(live_server, browser, specialist) -> None:  # type: ignore[no-untyped-def]
    page = new_tab(browser, LAPTOP, java_script_enabled=False)
    _log_in(page, live_server)
    page.click("details[data-group=kiem_tra] > summary")
    page.locator("details[data-group=kiem_tra] .nav-panel a", has_text="Kỷ luật").click()
    page.wait_for_url(f"{live_server.url}/kiem-tra/ky-luat/**")
    phone = new_tab(browser, PHONE)
    _log_in(phone, live_server)
    assert not phone.locator("nav.menu").is_visible()
    phone.click("label.menu-button")
    phone.click("details[data-group=don_thu] > summary")
    item = phone.locator("details[data-group=don_thu] .nav-panel a", has_text="Tiếp dân")
    box = item.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    item.click()
    phone.wait_for_load_state()
    assert phone.locator("nav.menu a.active").count() == 1
