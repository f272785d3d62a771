"""The dashboard: statements with drill-down to their records, targets, an SVG chart drawn on the
server, subordinate units' reporting; monthly entry running the validation rules; scoping."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from html import unescape

import pytest
from django.test import Client

from capuy.accounts.levels import Role
from capuy.indicators.catalogue import ensure_computed_indicators
from capuy.indicators.models import Indicator, IndicatorValue, Target, ValidationRule
from capuy.members.services import admit
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def town_specialist(tree: Tree):  # type: ignore[no-untyped-def]
    return make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST)


@pytest.fixture
def data(tree: Tree) -> None:
    catalogue = {i.code: i for i in ensure_computed_indicators()}
    for i in range(6):
        admit(
            tree.pho_hoa_cell if i % 2 else tree.pho_minh,
            f"Người mới {i}",
            "nam",
            D(2024, 2, 1 + i),
        )
    admit(tree.province, "Ở tỉnh", "nam", D(2024, 2, 3))
    Target.objects.create(
        indicator=catalogue["ket_nap"],
        organisation=tree.town,
        start=D(2024, 1, 1),
        end=D(2024, 12, 31),
        label="năm 2024",
        value=Decimal(12),
        source="tỉnh giao",
    )
    households = Indicator.objects.create(
        code="ho_dan", name="Tổng số hộ dân", unit="hộ", rollup="latest", required=True
    )
    poor = Indicator.objects.create(
        code="ho_ngheo", name="Số hộ nghèo", unit="hộ", rollup="latest", required=True
    )
    ValidationRule.objects.create(
        left=poor,
        operator="<=",
        right=households,
        message="Số hộ nghèo không thể lớn hơn tổng số hộ dân.",
    )
    for org in (tree.pho_hoa, tree.pho_minh):
        IndicatorValue.objects.create(
            indicator=households,
            organisation=org,
            period_start=D(2024, 1, 1),
            period_end=D(2024, 1, 31),
            value=Decimal(1000),
            submitted_on=D(2024, 2, 2),
        )
    IndicatorValue.objects.create(
        indicator=poor,
        organisation=tree.pho_hoa,
        period_start=D(2024, 1, 1),
        period_end=D(2024, 1, 31),
        value=Decimal(40),
        submitted_on=D(2024, 2, 9),
    )


def login(client: Client, user) -> None:  # type: ignore[no-untyped-def]
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


def test_dashboard_states_figures_links_records_and_draws_a_chart(
    client: Client, tree: Tree, town_specialist, data
) -> None:  # type: ignore[no-untyped-def]
    login(client, town_specialist)
    page = unescape(
        client.get(f"/chi-tieu/?to_chuc={tree.town.pk}&nam=2024&thang=01/2024").content.decode()
    )
    assert "Đã kết nạp được 06 đảng viên mới" not in page  # a target exists: the ratio wording
    assert "Kết nạp 06/12 quần chúng vào đảng (50,00% chỉ tiêu được giao năm 2024)." in page
    assert "Với 06 đảng viên." in page
    assert (
        "<svg" in page
        and "<rect" in page
        and "<polyline" in page
        and "http"
        not in page.split("<svg")[1]
        .split("</svg>")[0]
        .replace('xmlns="http://www.w3.org/2000/svg"', "")
    )
    assert "50,00%" in page and "tỉnh giao" in page
    # subordinate reporting for January: Phổ Hòa complete but late (09/02 > 31/01 + 3), Phổ Minh missing one
    rows = re.findall(
        r"<tr><td><a [^>]*>([^<]+)</a></td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", page, re.S
    )
    status = {
        name: (re.sub("<[^>]+>", "", done).strip(), re.sub("<[^>]+>", "", timely).strip())
        for name, done, timely in rows
    }
    assert status["Đảng bộ phường Phổ Hòa"] == ("đủ", "muộn")
    assert status["Đảng bộ phường Phổ Minh"] == ("thiếu 1", "muộn")
    # drill-down from the admissions number to exactly the six records
    link = re.search(
        r'href="(/chi-tieu/chi-tiet/\?so_lieu=admissions[^"]+)">06 đảng viên kết nạp', page
    )
    assert link is not None
    drill = unescape(client.get(unescape(link.group(1))).content.decode())
    assert "06 hồ sơ" in drill
    assert drill.count("kết nạp — Người mới") == 6 and "Ở tỉnh" not in drill


def test_dashboard_and_drill_of_a_unit_out_of_reach_are_404(
    client: Client, tree: Tree, data
) -> None:  # type: ignore[no-untyped-def]
    login(client, make_user("chuyenvien.phohoa", tree.pho_hoa, Role.SPECIALIST))
    assert client.get(f"/chi-tieu/?to_chuc={tree.pho_hoa.pk}&nam=2024").status_code == 200
    assert client.get(f"/chi-tieu/?to_chuc={tree.town.pk}&nam=2024").status_code == 404
    url = (
        f"/chi-tieu/chi-tiet/?so_lieu=admissions&phan=admitted&to_chuc={tree.pho_minh.pk}&nam=2024"
    )
    assert client.get(url).status_code == 404
    mine = client.get(
        f"/chi-tieu/chi-tiet/?so_lieu=admissions&phan=admitted&to_chuc={tree.pho_hoa.pk}&nam=2024"
    )
    assert "03 hồ sơ" in mine.content.decode()


@pytest.mark.parametrize(
    ("values", "saved", "message"),
    [
        ({"v_ho_dan": "1.200", "v_ho_ngheo": "35"}, True, None),
        (
            {"v_ho_dan": "1.000", "v_ho_ngheo": "1.044,5"},
            False,
            "Số hộ nghèo không thể lớn hơn tổng số hộ dân.",
        ),
        ({"v_ho_dan": "abc"}, False, "Nhập một số, ví dụ 1.044,9."),
        ({}, False, "Nhập ít nhất một số liệu."),
    ],
)
def test_monthly_entry_runs_the_rules(
    client: Client, tree: Tree, data, values: dict[str, str], saved: bool, message: str | None
) -> None:  # type: ignore[no-untyped-def]
    login(client, make_user("chuyenvien.phohoa", tree.pho_hoa, Role.SPECIALIST))
    response = client.post(
        "/chi-tieu/nhap/", {"organisation": tree.pho_hoa.pk, "month": "03/2024", **values}
    )
    stored = IndicatorValue.objects.filter(organisation=tree.pho_hoa, period_start=D(2024, 3, 1))
    if saved:
        assert response.status_code == 302
        assert {v.indicator.code: v.value for v in stored} == {
            "ho_dan": Decimal(1200),
            "ho_ngheo": Decimal(35),
        }
    else:
        assert response.status_code == 200 and not stored.exists()
        assert message in unescape(response.content.decode())


def test_every_indicator_figure_drills_down(
    client: Client, tree: Tree, town_specialist, data
) -> None:  # type: ignore[no-untyped-def]
    login(client, town_specialist)
    page = unescape(client.get(f"/chi-tieu/?to_chuc={tree.town.pk}&nam=2024").content.decode())
    links = dict(
        re.findall(r'href="/chi-tieu/chi-tiet/\?chi_tieu=([a-z_]+)&[^"]*">([^<]+)</a>', page)
    )
    assert links["ket_nap"] == "6" and links["ho_dan"] == "2.000"  # households: no ",00"
    computed = unescape(
        client.get(
            f"/chi-tieu/chi-tiet/?chi_tieu=ket_nap&to_chuc={tree.town.pk}&nam=2024"
        ).content.decode()
    )
    assert "06 hồ sơ" in computed and computed.count("kết nạp — Người mới") == 6
    entered = unescape(
        client.get(
            f"/chi-tieu/chi-tiet/?chi_tieu=ho_dan&to_chuc={tree.town.pk}&nam=2024"
        ).content.decode()
    )
    assert "02 hồ sơ" in entered
