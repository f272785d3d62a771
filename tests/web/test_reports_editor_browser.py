"""The report draft edited as a document, in Debian chromium through Playwright (issue 11): a
specialist opens the draft in the editor, edits a heading and a paragraph, sees "Đã lưu lúc
…", reloads and finds the text; types an apostrophe, quotes and a colon into the summary field
and it is saved as a valid header; a finding in the side list moves the editor to its words;
leaving with unsaved changes asks first. A leader then reviews the rendered document, not the
source text."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from capuy.accounts.levels import Role
from capuy.reports import workflow
from capuy.reports.header_form import current_front_matter
from capuy.reports.models import Report
from capuy.reports.output import parse
from tests.web.browser import ARTIFACTS, MARKS, new_tab
from tests.web.conftest import make_user
from tests.web.test_reports_browser import log_in
from tests.web.test_reports_richtext import shape

pytestmark = MARKS
EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures/authoring/bao-cao-thang-02-2024.md"

HEADING = "I- MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM TRONG THÁNG 02/2024"
DUPLICATE = "thực hiện thực hiện"
EDITOR = '.ProseMirror[contenteditable="true"]'  # not the menu's pickers
SUMMARY = 'công tác tháng 02 của Thị ủy\' "trọng tâm": nhiệm vụ tháng 3 năm 2024'


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    return new_tab(browser, viewport={"width": 1366, "height": 900}, timeout_ms=30000)


def _saved(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector("#save-state.saved, #save-state.failed")
    assert page.inner_text("#save-state").startswith("Đã lưu lúc")


def _ready(page) -> None:  # type: ignore[no-untyped-def]
    """The editor built, its styles and fonts in place: a click lands where the text is shown."""
    page.wait_for_selector(f'.prose-editor[data-ready="true"] {EDITOR} h1')
    page.wait_for_load_state("load")  # wait_for_function would need 'unsafe-eval' under the CSP
    page.evaluate("document.fonts.ready.then(() => true)")


def _end_of(page, selector: str) -> None:  # type: ignore[no-untyped-def]
    """The caret at the end of the block: a click right of its last line."""
    block = page.locator(selector).first
    block.scroll_into_view_if_needed()
    box = block.bounding_box()
    page.mouse.click(box["x"] + box["width"] - 3, box["y"] + box["height"] - 6)


def test_specialist_edits_as_a_document_and_leader_reviews_it(
    page, live_server, tree, town_leader, password
) -> None:  # type: ignore[no-untyped-def]
    author = make_user("chuyenvien.ducpho", tree.town, Role.SPECIALIST)
    report = workflow.create_report(tree.town, "monthly", "2024-02", author)
    # the documented example: nested lists, a table, footnotes, an appendix with its table
    workflow.save_text(report, EXAMPLE.read_text(encoding="utf-8"), author)
    refused: list[str] = []  # the CSP stays on: nothing of the editor may need it lifted
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    log_in(page, live_server, "chuyenvien.ducpho", password)
    page.goto(f"{live_server.url}/bao-cao/{report.pk}/")
    page.click("#open-editor")
    _ready(page)
    assert page.inner_text(f"{EDITOR} h1 >> nth=0") == HEADING
    # the header's empty error placeholders are not errors: no field marked, no focus taken
    assert page.locator("[aria-invalid]").count() == 0
    assert page.evaluate("document.activeElement.tagName") == "BODY"

    # a heading and a paragraph edited in the editor: saved by itself
    # the caret put at the heading's end by a click right of it, not by click + End: a pointer
    # selection settles a few ms after the click and took back an End pressed within them
    # (CI, 4 Dec: the text typed in the middle of the heading)
    _end_of(page, f'{EDITOR} h1:has-text("{HEADING}")')
    page.keyboard.type(" (ĐÃ SỬA)")
    expect(page.locator(f"{EDITOR} h1").first).to_have_text(f"{HEADING} (ĐÃ SỬA)")
    _end_of(page, f'{EDITOR} p:has-text("cụ thể:")')
    page.keyboard.type(f" Câu mới, {DUPLICATE} nhiệm vụ.")
    expect(page.locator(EDITOR)).to_contain_text(f"cụ thể: Câu mới, {DUPLICATE} nhiệm vụ.")
    before = shape(parse(report.body))
    _saved(page)
    report.refresh_from_db()
    assert f"# {HEADING} (ĐÃ SỬA)\n" in report.body
    # through the real Tiptap: every other block (lists, tables, appendix) comes back the same
    after = shape(parse(report.body))
    assert len(after["blocks"]) == len(before["blocks"])
    changed = [a for a, b in zip(before["blocks"], after["blocks"], strict=True) if a != b]
    assert len(changed) == 2
    assert any(b[0] == "table" for b in after["blocks"]) and after["appendices"]
    assert any(b[0] == "list_item" and b[2] == "+" for b in after["blocks"])
    assert after["appendices"] == before["appendices"]
    assert after["footnotes"] == before["footnotes"] and len(after["footnotes"]) == 3
    assert f"cụ thể: Câu mới, {DUPLICATE} nhiệm vụ." in report.body
    assert "(ĐÃ SỬA)" in page.inner_text("#preview")  # the preview follows the save

    # a finding in the side list takes the editor to its words
    finding = page.locator("li.finding", has_text=DUPLICATE).first
    finding.click()
    page.wait_for_selector("li.finding.current")
    selected = ""
    for _ in range(20):  # the selection is set as the editor takes the focus
        selected = page.evaluate("window.getSelection().toString()")
        if selected:
            break
        page.wait_for_timeout(100)
    assert DUPLICATE in selected or selected in f"Câu mới, {DUPLICATE} nhiệm vụ."
    assert len(selected) >= len("thực hiện")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-editor.png"), full_page=True)
    assert refused == []

    page.reload()
    _ready(page)
    assert page.inner_text(f"{EDITOR} h1 >> nth=0") == f"{HEADING} (ĐÃ SỬA)"
    assert f"Câu mới, {DUPLICATE} nhiệm vụ." in page.inner_text(EDITOR)

    # the summary with an apostrophe, quotes and a colon: a valid header, saved
    page.fill("#id_trich_yeu", f"{SUMMARY}\n(kỳ báo cáo từ ngày 27/01/2024 đến ngày 26/02/2024)")
    _saved(page)
    report.refresh_from_db()
    assert current_front_matter(report.body)["summary"].startswith(SUMMARY)
    assert parse(report.body).header.summary.split("\n")[0] == SUMMARY
    page.reload()
    _ready(page)
    assert page.input_value("#id_trich_yeu").startswith(SUMMARY)
    assert SUMMARY in page.inner_text("#preview")

    # a date that does not exist: said, nothing saved, nothing lost on the page
    page.fill("#id_ngay", "31/02/2024")
    page.wait_for_selector("#error-ngay:not([hidden])")
    assert "không có trong lịch" in page.inner_text("#error-ngay")
    assert page.input_value("#id_ngay") == "31/02/2024"
    report.refresh_from_db()
    assert current_front_matter(report.body)["date"] == "2024-02-26"
    page.fill("#id_ngay", "26/02/2024")
    _saved(page)

    # leaving with unsaved changes asks first
    _end_of(page, f'{EDITOR} p:has-text("cụ thể:")')
    page.keyboard.type(" Chưa lưu.")
    expect(page.locator(EDITOR)).to_contain_text("Chưa lưu.")
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)
    page.wait_for_timeout(500) if not page.is_closed() else None
    assert asked == ["beforeunload"]

    # the leader reviews the rendered document
    report.refresh_from_db()
    leader = new_tab(page.context.browser, timeout_ms=30000)
    log_in(leader, live_server, "lanhdao.ducpho", password)
    leader.goto(f"{live_server.url}/bao-cao/{report.pk}/")
    document = leader.wait_for_selector("#report-document .doc-page")
    text = document.inner_text()
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and f"{HEADING} (ĐÃ SỬA)" in text
    assert SUMMARY in text
    assert not leader.is_visible("#noi_dung")  # the source is folded away
    assert leader.is_visible("#findings") or report.state == Report.State.CHECKED
    leader.screenshot(path=str(ARTIFACTS / "report-leader-review.png"), full_page=True)
