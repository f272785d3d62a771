"""Names the Vietnamese way: a user's name family name first ("Nguyễn Thị Lan"); lists of
people by given name, then middle and family names, with the Vietnamese alphabet (a ă â … d đ)
and tones (ngang, huyền, hỏi, ngã, sắc, nặng) as ICU's Vietnamese collation orders them; the
member search folds marks and đ; two people of the same name are told apart by birth year and
cell."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

from capuy.accounts.levels import Role
from capuy.members.services import admit
from capuy.vocab.alphabet import name_sort_key, sort_key
from tests.web.browser import MARKS, new_tab
from tests.web.conftest import PASSWORD, make_user

pytestmark = MARKS

# orders of the CLDR "vi" collation that ICU implements (its rules: ă â after a, đ after d, ê after
# e, ô ơ after o, ư after u; tones as a secondary difference: ngang, huyền, hỏi, ngã, sắc, nặng)
ICU_ORDER = [
    ["a", "à", "ả", "ã", "á", "ạ", "ă", "ằ", "ắ", "â", "ấ", "b"],
    ["Dũng", "Dương", "Đào", "Đức", "Em"],
    ["O", "Ô", "Ơ", "Phúc", "U", "Ư", "V"],
    ["Hoa", "Hòa", "Hỏa", "Họa", "Hùng"],
    ["Nga", "Ngà", "Ngân", "Nghĩa", "Ngọc"],
]


@pytest.mark.parametrize("words", ICU_ORDER)
def test_sort_key_orders_as_icu_does(words: list[str]) -> None:
    assert sorted(reversed(words), key=sort_key) == words


def test_people_by_given_name_then_middle_then_family() -> None:
    people = ["Nguyễn Thị Lan", "Trần Văn An", "Lê Thị Ánh", "Phạm Văn Đức", "Hoàng Văn Dũng"]
    assert sorted(people, key=name_sort_key) == [
        "Trần Văn An",
        "Lê Thị Ánh",
        "Hoàng Văn Dũng",
        "Phạm Văn Đức",
        "Nguyễn Thị Lan",
    ]
    assert sorted(["Trần Thị Lan", "Nguyễn Văn Lan", "Nguyễn Thị Lan"], key=name_sort_key) == [
        "Nguyễn Thị Lan",
        "Trần Thị Lan",
        "Nguyễn Văn Lan",
    ]


def test_user_names_family_name_first(db) -> None:  # type: ignore[no-untyped-def]
    user = User(username="vt", first_name="Lan", last_name="Nguyễn Thị")
    assert user.get_full_name() == "Nguyễn Thị Lan"


def test_member_list_sorted_searched_and_told_apart(live_server, browser, tree) -> None:  # type: ignore[no-untyped-def]
    make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST)
    born = {"Nguyễn Thị Lan": [1985, 1992], "Phạm Văn Đức": [1970], "Trần Văn An": [1980]}
    cells = [tree.pho_hoa_cell, tree.pho_hoa_cell, tree.pho_hoa_cell, tree.pho_hoa_cell]
    admitted = dt.date(2015, 3, 1)
    for name, years in born.items():
        for year in years:
            admit(cells.pop(), name, "nam", admitted, birth_date=dt.date(year, 1, 1))
    page = new_tab(browser)
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "chuyenvien.ducpho")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/dang-vien/")
    rows = page.locator("table tbody tr")
    names = [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())]
    assert names == ["Trần Văn An", "Phạm Văn Đức", "Nguyễn Thị Lan", "Nguyễn Thị Lan"]
    twins = [rows.nth(i).inner_text() for i in (2, 3)]
    assert "1985" in twins[0] + twins[1] and "1992" in twins[0] + twins[1]
    assert all("Chi bộ Tổ dân phố 1" in row for row in twins)
    for typed, found in (("duc", ["Phạm Văn Đức"]), ("nguyen thi lan", ["Nguyễn Thị Lan"] * 2)):
        page.goto(f"{live_server.url}/dang-vien/?q={typed}")
        rows = page.locator("table tbody tr")
        assert [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())] == found
