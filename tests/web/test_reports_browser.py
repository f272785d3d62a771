"""Browser test of the report's whole path, in Debian chromium through Playwright: a
specialist composes the February 2024 report and edits it, sees the checker's finding beside
the text, fixes it; a leader approves; the clerk issues it (it takes its register number),
downloads the DOCX and the PDF and submits it to the level above. Browsers are never
downloaded: /usr/bin/chromium is used."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from capuy.accounts.levels import Role
from tests.web.browser import ARTIFACTS, MARKS, new_tab
from tests.web.conftest import make_user
from tests.web.report_text import filled

pytestmark = MARKS

DUPLICATE = "thực hiện thực hiện"


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    return new_tab(browser, timeout_ms=30000, accept_downloads=True)


def log_in(page, live_server, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def test_compose_edit_check_fix_approve_issue_download_submit(
    page, live_server, tree, town_clerk, town_leader, password
) -> None:  # type: ignore[no-untyped-def]
    make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST)
    log_in(page, live_server, "chuyenvien.ducpho", password)
    page.goto(f"{live_server.url}/bao-cao/")
    page.select_option("#id_to_chuc", str(tree.town.pk))
    page.select_option("#id_loai", label="Báo cáo tháng")
    page.fill("#id_ky", "2024-02")
    page.get_by_role("button", name="Soạn dự thảo").click()
    page.wait_for_selector("#noi_dung")
    assert "Báo cáo tháng 02/2024" in page.inner_text("h1")
    text = page.input_value("#noi_dung")
    assert "(kỳ báo cáo từ ngày 27/01/2024 đến ngày 26/02/2024)" in text

    # an error typed in: the checker's finding appears beside the text (HTMX, no reload)
    page.fill("#noi_dung", text.replace("cụ thể:", f"cụ thể, {DUPLICATE} các nhiệm vụ:", 1))
    page.click("#save")
    finding = page.wait_for_selector('li.finding[data-rule="duplicate.word"]')
    assert DUPLICATE in finding.inner_text()
    assert page.inner_text("#report-state") == "Dự thảo"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-finding.png"), full_page=True)

    # fixed: the finding goes, the report is checked
    page.fill("#noi_dung", filled(text))  # the mistake gone, the marks left for it written
    page.click("#save")
    page.wait_for_selector('li.finding[data-rule="duplicate.word"]', state="detached")
    assert page.inner_text("#report-state") == "Đã kiểm tra"
    report_url = page.url

    log_in(page, live_server, "lanhdao.ducpho", password)
    page.goto(report_url)
    page.click("#approve")
    page.wait_for_selector(".messages")
    assert "Đã duyệt báo cáo." in page.inner_text(".messages")

    log_in(page, live_server, "vanthu.ducpho", password)
    page.goto(report_url)
    page.click("#issue")
    page.wait_for_selector("#confirm-what")  # asked first: the number cannot be taken back
    assert "không thu hồi được" in page.inner_text("#confirm-what")
    page.click("#confirm")
    page.wait_for_selector("#report-symbol")
    assert "Đã ban hành báo cáo: số 01-BC/TU." in page.inner_text(".messages")
    assert "01-BC/TU" in page.inner_text("#report-symbol")

    with page.expect_download() as got:
        page.click("#download-docx")
    document = docx.Document(io.BytesIO(Path(got.value.path()).read_bytes()))
    words = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for row in t.rows for c in row.cells
    )
    assert "Số 01-BC/TU" in words and "Dự thảo" not in words

    with page.expect_download(timeout=120000) as got:
        page.click("#download-pdf")
    pdf = Path(got.value.path())
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        layer = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "01-BC/TU" in layer and "MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM" in layer

    page.click("#submit")
    page.click("#confirm")
    page.wait_for_selector(".messages")
    assert "Đã gửi báo cáo lên cấp trên." in page.inner_text(".messages")
    assert page.inner_text("#report-state") == "Đã gửi cấp trên"
    page.screenshot(path=str(ARTIFACTS / "report-submitted.png"), full_page=True)
