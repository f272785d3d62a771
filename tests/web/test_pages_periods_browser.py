"""Periods typed as people write them, in chromium: a specialist types "Quý I/2024" with no
kind picked and gets the quarterly report, named in Vietnamese on the page, in the list and in
the downloaded file's name; a period that does not fit the picked kind is refused in
Vietnamese without an English kind name; the board's URL carries no English kind."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from capuy.accounts.levels import Role
from capuy.cli import app
from capuy.reports.models import Report
from capuy.reports.period_words import read_period
from tests.web.browser import MARKS, new_tab
from tests.web.conftest import PASSWORD, make_user

pytestmark = MARKS
ENGLISH_KINDS = re.compile(r"\b(monthly|quarterly|six_month|nine_month|yearly|mid_term|term)\b")


@pytest.mark.parametrize(
    ("typed", "kind", "expected"),
    [
        ("tháng 2/2024", "", ("monthly", "2024-02")),
        ("Quý I/2024", "", ("quarterly", "2024-Q1")),
        ("quý III năm 2024", "quý", ("quarterly", "2024-Q3")),
        ("6 tháng đầu năm 2024", "", ("six_month", "2024-H1")),
        ("9 tháng đầu năm 2024", "", ("nine_month", "2024-9M")),
        ("năm 2024", "Báo cáo tổng kết năm", ("yearly", "2024")),
        ("nhiệm kỳ 2020 - 2025", "", ("term", "2020-2025")),
        ("giữa nhiệm kỳ 2020 - 2025", "", ("mid_term", "2020-2025")),
        ("9 tháng đầu năm 2024", "ket-luan-hoi-nghi", ("conclusion", "2024-9M")),
        ("2024-Q1", "", ("quarterly", "2024-Q1")),
    ],
)
def test_periods_read_as_written(typed: str, kind: str, expected: tuple[str, str]) -> None:
    assert read_period(typed, kind) == expected


def test_cli_takes_the_period_in_words(tree, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "bc.docx"
    args = ["report", "--org", "Thị ủy Đức Phổ", "--period", "tháng 2/2024", "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "27/01/2024–26/02/2024" in result.output and out.exists()
    wrong = CliRunner().invoke(app, [*args[:-2], "--kind", "quý", "-o", str(out)])
    assert wrong.exit_code == 2 and "không phải của báo cáo quý" in wrong.output


def test_specialist_types_the_period_as_written(live_server, browser, tree) -> None:  # type: ignore[no-untyped-def]
    make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST)
    page = new_tab(browser, timeout_ms=30000, accept_downloads=True)
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "chuyenvien.ducpho")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/bao-cao/")
    assert page.locator("#period-suggestions option").count() >= 6
    # a month typed where a quarter was picked: refused, in Vietnamese, typed text kept
    page.select_option("#id_to_chuc", str(tree.town.pk))
    page.select_option("#id_loai", label="Báo cáo quý")
    page.fill("#id_ky", "tháng 2/2024")
    page.get_by_role("button", name="Soạn dự thảo").click()
    error = page.inner_text("#compose-form")
    assert "là kỳ của báo cáo tháng, không phải của báo cáo quý" in error
    assert not ENGLISH_KINDS.search(error)
    assert page.input_value("#id_ky") == "tháng 2/2024"
    # no kind picked: the period says it
    page.select_option("#id_loai", "")
    page.fill("#id_ky", "Quý I/2024")
    page.get_by_role("button", name="Soạn dự thảo").click()
    page.wait_for_selector("#noi_dung")
    assert "Báo cáo quý I/2024" in page.inner_text("h1")
    report = Report.objects.get(organisation=tree.town)
    assert (report.kind, report.period) == ("quarterly", "2024-Q1")
    with page.expect_download() as got:
        page.click("#download-docx")
    assert got.value.suggested_filename == "bao-cao-quy-i-2024.docx"
    page.goto(f"{live_server.url}/bao-cao/")
    assert "quý I/2024" in page.locator("table.records").inner_text()
    # the board, a GET form: its URL names the kind in Vietnamese
    page.goto(f"{live_server.url}/bao-cao/tinh-hinh-nop/")
    page.select_option("#id_loai", label="Báo cáo tháng")
    page.fill("#id_ky", "tháng 2/2024")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_load_state()
    assert "loai=thang" in page.url and not ENGLISH_KINDS.search(page.url)
    assert "Kỳ báo cáo" in page.inner_text("main") and "không hợp lệ" not in page.inner_text("main")
