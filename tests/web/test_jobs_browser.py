"""The job's page in Debian chromium: the bar follows the job (HTMX polling from a static
script, no inline script under the CSP) and the download appears when it is done."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from capuy.accounts.levels import Role
from capuy.jobs.models import Job
from tests.web.browser import MARKS, new_tab
from tests.web.conftest import PASSWORD, make_user

pytestmark = MARKS


def test_the_job_page_follows_progress_then_offers_the_file(
    browser: Any, live_server: Any, tree: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    make_user("vanthu.thi", tree.town, Role.CLERK)
    job = Job.objects.create(
        kind="report_pdf",
        title="Chuyển báo cáo sang PDF",
        organisation=tree.town,
        state=Job.State.RUNNING,
        done=1,
        total=4,
        message="Đang chuyển sang PDF",
    )
    page = new_tab(browser, timeout_ms=60000)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("input[name=username]", "vanthu.thi")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/cong-viec/{job.pk}/")
    bar = page.locator(f"#job-{job.pk} progress")
    assert bar.get_attribute("value") == "25"
    Job.objects.filter(pk=job.pk).update(done=3, message="Sắp xong")
    # the page polls and swaps the fragment in (the CSP forbids eval: wait on a selector)
    page.locator(f"#job-{job.pk} progress[value='75']").wait_for()
    out = tmp_path / "cong-viec" / str(job.pk) / "bao-cao.pdf"
    out.parent.mkdir(parents=True)
    out.write_bytes(b"%PDF-1.7 thu")
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.DONE, done=4, result_file=f"cong-viec/{job.pk}/bao-cao.pdf"
    )
    link = page.get_by_role("link", name="Tải kết quả")
    link.wait_for()
    with page.expect_download() as download:
        link.click()
    assert Path(download.value.path()).read_bytes() == b"%PDF-1.7 thu"
    assert page.locator(f"#job-{job.pk}[hx-trigger]").count() == 0  # polling stopped
    assert not [e for e in errors if "Content Security Policy" in e], errors
