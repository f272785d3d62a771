"""The ward's path in a real browser (issue 11), as the ward's clerk and leader walk it: the
report page says whose turn it is; the draft downloads as DOCX with the checker's findings as
Word comments; the clerk writes the marks left for her in Word (and slips a doubled word in),
uploads it back as version 2, sees the diff, sets the false finding aside with a reason; the
ward leader approves; issuing and sending each ask for confirmation first."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest

from capuy.accounts.levels import Role
from capuy.orgs.models import Body, CommitteeTerm
from capuy.render.comments import anchors
from capuy.reports import workflow
from capuy.reports.compose import NARRATIVE
from tests.web.browser import ARTIFACTS, MARKS, new_tab
from tests.web.conftest import make_user
from tests.web.report_text import WRITTEN

pytestmark = MARKS


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


def _write_in_word(data: bytes) -> bytes:
    """What the clerk does in Word: each mark replaced by a sentence of hers; one slip."""
    document = docx.Document(io.BytesIO(data))
    written = 0
    for paragraph in document.paragraphs:
        if NARRATIVE not in paragraph.text:
            continue
        runs = paragraph.runs
        text = paragraph.text
        while NARRATIVE in text:
            text = text.replace(NARRATIVE, WRITTEN[written % len(WRITTEN)], 1)
            written += 1
        runs[0].text = text
        for run in runs[1:]:
            run.text = ""
    assert written >= 1
    target = next(p for p in document.paragraphs if WRITTEN[0] in p.text)
    target.runs[0].text = target.runs[0].text.replace(
        WRITTEN[0], WRITTEN[0].replace("triển khai", "triển khai triển khai"), 1
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_ward_path_word_round_trip_dismiss_approve_confirmed_issue_and_send(
    page, live_server, tree, ward_clerk, password, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ward = tree.pho_hoa
    Body.objects.create(organisation=ward, kind="btv", name=f"Ban Thường vụ {ward.committee_name}")
    CommitteeTerm.objects.create(
        organisation=ward, start_year=2020, end_year=2025, start_date=dt.date(2020, 6, 1)
    )
    CommitteeTerm.objects.create(  # in force today: issuing after a term's end asks for it
        organisation=ward, start_year=2025, end_year=2030, start_date=dt.date(2025, 8, 1)
    )
    make_user("lanhdao.phohoa", ward, Role.LEADER, first_name="Tâm", last_name="Võ Văn")
    report = workflow.create_report(ward, "quarterly", "2024-Q1", ward_clerk)
    url = f"{live_server.url}/bao-cao/{report.pk}/"

    log_in(page, live_server, "vanthu.phohoa", password)
    page.goto(url)
    assert "Chờ chuyên viên viết nội dung vào" in page.inner_text("#next-step")
    with page.expect_download() as got:
        page.click("#download-commented")
    data = Path(got.value.path()).read_bytes()
    marks = [a for c, a in anchors(data) if "[format.placeholder]" in c]
    assert marks and all("Chuyên viên bổ sung nội dung" in a for a in marks)

    edited = tmp_path / "bao-cao-da-sua.docx"
    edited.write_bytes(_write_in_word(data))
    page.set_input_files("#tep-word", str(edited))
    page.click("#upload-word-submit")
    page.wait_for_selector(".messages")
    assert "Đã nhận bản Word thành phiên bản 2" in page.inner_text(".messages")
    assert page.inner_text("#report-state") == "Dự thảo"
    finding = page.locator('li.finding[data-rule="duplicate.word"]').first
    assert "triển khai triển khai" in finding.inner_text()

    page.click("#versions-link")
    page.wait_for_selector("#diff")
    inserted = " ".join(page.locator("#diff ins").all_inner_texts())
    assert "triển khai triển khai" in inserted and "nghiêm túc" in inserted
    assert "Chuyên viên bổ sung nội dung" in " ".join(page.locator("#diff del").all_inner_texts())
    page.go_back()

    finding = page.locator('li.finding[data-rule="duplicate.word"]').first
    finding.locator("summary").click()
    finding.locator("input[name=ly_do]").fill("Lỗi gõ sẽ sửa ở bản in, không đổi số liệu")
    finding.locator("button[type=submit]").click()
    page.wait_for_selector(".messages")
    assert "Đã bỏ qua phát hiện [duplicate.word]" in page.inner_text(".messages")
    assert page.inner_text("#report-state") == "Đã kiểm tra"
    assert f"Chờ lãnh đạo {ward.committee_name} (Võ Văn Tâm) duyệt." in page.inner_text(
        "#next-step"
    )

    log_in(page, live_server, "lanhdao.phohoa", password)
    page.goto(url)
    assert "Đã bỏ qua: Lỗi gõ sẽ sửa ở bản in" in page.inner_text("#findings")
    page.click("#approve")
    page.wait_for_selector(".messages")
    assert "Chờ văn thư" in page.inner_text("#next-step")

    log_in(page, live_server, "vanthu.phohoa", password)
    page.goto(url)
    page.click("#issue")
    page.wait_for_selector("#confirm-what")
    assert "Lỗi gõ sẽ sửa ở bản in" in page.inner_text(".dismissed")  # shown before numbering
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-confirm-issue.png"), full_page=True)
    page.click("#confirm")
    page.wait_for_selector("#report-symbol")
    page.click("#submit")
    assert "Gửi cấp trên" in page.inner_text("h1")
    page.click("#confirm")
    page.wait_for_selector(".messages")
    assert page.inner_text("#report-state") == "Đã gửi cấp trên"
    assert "không còn việc phải làm" in page.inner_text("#next-step")
