"""Numbers written the office's way, seen in chromium on /chi-tieu/: a year never grouped
("năm 2024", not "2.024"), a count of people without decimals ("49", not "49,00"), the monthly
chart drawn (SVG coordinates with a decimal point: with the Vietnamese decimal comma no bar
appears) and each month's label, 10–12 too, centred under its own bar."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from capuy.accounts.levels import Role
from capuy.indicators.charts import monthly_chart
from capuy.indicators.models import Indicator, IndicatorValue, Target
from tests.web.browser import MARKS, new_tab
from tests.web.conftest import PASSWORD, Tree, make_user

pytestmark = MARKS
D = dt.date


@pytest.fixture
def recruits(tree: Tree) -> Indicator:
    """Young people joining the army, entered by the wards month by month in 2024."""
    indicator = Indicator.objects.create(
        code="nhap_ngu", name="Số thanh niên nhập ngũ", unit="người", rollup="sum"
    )
    for month, value in ((1, 20), (2, 29), (10, Decimal("7.5")), (11, 3), (12, 11)):
        IndicatorValue.objects.create(
            indicator=indicator,
            organisation=tree.pho_hoa,
            period_start=D(2024, month, 1),
            period_end=D(2024, month, 28),
            value=Decimal(value),
            submitted_on=D(2024, month, 28),
        )
    Target.objects.create(
        indicator=indicator,
        organisation=tree.town,
        start=D(2024, 1, 1),
        end=D(2024, 12, 31),
        label="năm 2024",
        value=Decimal(49),
        source="tỉnh giao",
    )
    return indicator


def test_chart_coordinates_have_a_decimal_point() -> None:
    chart = monthly_chart([Decimal("1.5")] * 12, Decimal(40), cumulative=True)
    numbers = [chart.bars[9].x, chart.bars[9].y, chart.bars[9].width, chart.target_y]
    assert all(n is not None and "," not in n for n in numbers)
    assert all(re.fullmatch(r"\d+(\.\d)?", p) for p in re.split(r"[ ,]", chart.cumulative))


def test_dashboard_years_counts_and_chart(live_server, browser, tree: Tree, recruits) -> None:  # type: ignore[no-untyped-def]
    make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST)
    page = new_tab(browser)
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "chuyenvien.ducpho")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/chi-tieu/?to_chuc={tree.town.pk}&nam=2024&chi_tieu=nhap_ngu")
    text = page.inner_text("main")
    assert "theo tháng năm 2024" in text
    assert not re.search(r"\b2\.02\d\b", page.content())  # not in text, links nor inputs
    assert page.input_value("#f-year") == "2024"
    row = page.locator("tr", has_text="Số thanh niên nhập ngũ").first.inner_text()
    assert "70,5" in row and "\t49" in row and "49,00" not in row
    # the chart: twelve bars, those with a value really drawn, the line and the target line
    bars = page.locator("svg.chart rect")
    assert bars.count() == 12
    heights = [bars.nth(i).bounding_box()["height"] for i in range(12)]  # type: ignore[index]
    assert all(heights[m - 1] > 1 for m in (1, 2, 10, 11, 12)) and heights[2] < 1
    assert heights[1] > heights[0] > heights[11] > heights[9] > heights[10]
    assert page.locator("svg.chart polyline").bounding_box()["width"] > 100  # type: ignore[index]
    labels = page.locator("svg.chart text")
    for month in (1, 10, 11, 12):
        label = labels.filter(has_text=re.compile(rf"^{month}$")).first.bounding_box()
        bar = bars.nth(month - 1).bounding_box()
        assert label is not None and bar is not None
        label_centre, bar_centre = label["x"] + label["width"] / 2, bar["x"] + bar["width"] / 2
        assert abs(label_centre - bar_centre) < 2, (month, label, bar)


@pytest.mark.django_db
def test_admin_lists_write_years_without_grouping(client, tree: Tree) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import User

    from capuy.members.models import OrganisationRating

    OrganisationRating.objects.create(organisation=tree.pho_hoa, year=2024, rating="tot")
    client.force_login(User.objects.create_superuser("qt", password="x"))
    page = client.get("/quan-tri/members/organisationrating/").content.decode()
    assert ">2024<" in page and "2.024" not in page
