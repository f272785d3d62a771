"""Choice lists never ambiguous, in chromium: the wards' "Ban Thường vụ Đảng ủy" each say whose
they are (the task filter), cells show their parent and follow it (tree order), and a long list
gets a search box that folds marks ("pho hoa" finds Phổ Hòa's cells)."""

from __future__ import annotations

import pytest

from capuy.accounts.levels import Role
from capuy.orgs.models import Body, Organisation
from tests.web.browser import MARKS, new_tab
from tests.web.conftest import PASSWORD, make_user

pytestmark = MARKS


@pytest.fixture
def wards(tree):  # type: ignore[no-untyped-def]
    for ward in (tree.pho_hoa, tree.pho_minh):
        Body.objects.create(organisation=ward, kind="btv", name="Ban Thường vụ Đảng ủy")
    for number in range(2, 10):
        for ward in (tree.pho_hoa, tree.pho_minh):
            Organisation.objects.create(
                name=f"Chi bộ Tổ dân phố {number}", kind="chi_bo_truc_thuoc", code="CB", parent=ward
            )
    return tree


def _log_in(page, live_server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "chuyenvien.ducpho")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def test_choice_lists_say_which_unit(live_server, browser, wards) -> None:  # type: ignore[no-untyped-def]
    make_user("chuyenvien.ducpho", wards.town, Role.SPECIALIST)
    page = new_tab(browser)
    _log_in(page, live_server)
    page.goto(f"{live_server.url}/hoi-nghi/nhiem-vu/")
    bodies = page.locator("select[name=chu_tri] option").all_inner_texts()
    btv = [b for b in bodies if b.startswith("Ban Thường vụ Đảng ủy")]
    assert sorted(btv) == [
        "Ban Thường vụ Đảng ủy — Đảng ủy phường Phổ Hòa",
        "Ban Thường vụ Đảng ủy — Đảng ủy phường Phổ Minh",
    ]
    assert len(set(bodies)) == len(bodies)
    # the member form's cells: each with its parent, right after it, and a filter box
    page.goto(f"{live_server.url}/dang-vien/")
    select = page.locator("select[name=organisation]")
    labels = [t for t in select.locator("option").all_inner_texts() if t.strip("-")]
    assert len(set(labels)) == len(labels)
    hoa = labels.index("Đảng bộ phường Phổ Hòa")
    assert labels[hoa + 1].endswith("— Đảng bộ phường Phổ Hòa")
    assert "Chi bộ Tổ dân phố 3 — Đảng bộ phường Phổ Minh" in labels
    search = page.locator("#id_organisation-loc")
    search.fill("pho hoa")
    shown = [
        o.inner_text()
        for o in select.locator("option").all()
        if o.get_attribute("value") and not o.evaluate("o => o.hidden")
    ]
    assert shown and all("Phổ Hòa" in label for label in shown)
    select.select_option(label=shown[0])
    assert select.input_value() == str(wards.pho_hoa.pk) or "Phổ Hòa" in shown[0]
