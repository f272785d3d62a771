"""A clerk uploads a ZIP of old files in Debian chromium, watches the progress come in (htmx
polling, no inline script), opens the review page and files the unnumbered document."""

from __future__ import annotations

import zipfile
from pathlib import Path

from capuy.archive.models import ImportItem
from tests.web.archive.conftest import manifest
from tests.web.browser import MARKS
from tests.web.test_browser_documents import log_in, page  # noqa: F401 — the browser fixture

pytestmark = MARKS


def test_clerk_uploads_a_zip_and_completes_a_draft(  # type: ignore[no-untyped-def]
    page,  # noqa: F811
    live_server,
    archive_town,
    town_clerk,
    password,
    docx_archive: Path,
    settings,
    tmp_path: Path,
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DATA_DIR = tmp_path
    truth = manifest(docx_archive)
    chosen = [p for p, e in truth.items() if e["format"] == "docx" and e["expect"] == "imported"][
        :2
    ]
    draft = next(p for p, e in truth.items() if e["format"] == "docx" and e["expect"] == "review")
    bundle = tmp_path / "kho-cu.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        for path in [*chosen, draft]:
            archive.write(docx_archive / path, path)

    log_in(page, live_server, "vanthu.ducpho", password)
    page.goto(f"{live_server.url}/luu-tru/")
    page.set_input_files("#id_files", str(bundle))
    page.click("form.register button.primary")
    page.wait_for_url("**/luu-tru/lan-nhap/*/", timeout=60000)
    page.wait_for_selector("text=Xem báo cáo đầy đủ", timeout=120000)
    assert page.inner_text("[data-count=imported]") == "2"
    assert page.inner_text("[data-count=review]") == "1"
    # the page reloads itself when the run ends (HX-Refresh): its table lists the files
    page.wait_for_selector(f"table.records >> text={draft}", timeout=30000)
    assert "Chưa có tệp nào." not in page.inner_text("table.records")

    page.click("#progress >> text=Xem lại")
    page.click("a.button:has-text('Bổ sung')")
    page.select_option("#id_direction", "di")
    page.select_option("#id_issuing_body", label="Ban Thường vụ Thị ủy (TU) — Thị ủy Đức Phổ")
    page.fill("#id_number", "88")
    page.click("form.register button.primary")
    page.wait_for_selector("text=Đã vào sổ")
    item = ImportItem.objects.get(path=draft)
    assert item.status == ImportItem.Status.IMPORTED
    assert item.document.symbol.startswith("88-") and item.document.symbol.endswith("/TU")
