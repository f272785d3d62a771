"""The checker's gate (issue 11): unfilled template marks are errors that block approval and
issuing; a false finding can be set aside with a reason (kept, shown to the approver, still
set aside after a new check); issuing and sending ask for confirmation on a page of their own;
the report says whose turn it is, in the ward's words too."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from django.test import Client
from django.urls import reverse

from capuy.accounts.levels import Role
from capuy.errors import InputError
from capuy.orgs.models import Body, CommitteeTerm
from capuy.reports import workflow
from capuy.reports.compose import NARRATIVE
from capuy.reports.models import FindingDismissal, Report
from tests.web.conftest import make_user
from tests.web.report_text import filled

pytestmark = pytest.mark.django_db

DUPLICATE = "Tiếp tục thực hiện thực hiện các nhiệm vụ đã đề ra."


@pytest.fixture
def people(tree):  # type: ignore[no-untyped-def]
    return {
        "specialist": make_user("chuyenvien", tree.town, Role.SPECIALIST),
        "leader": make_user(
            "lanhdao", tree.town, Role.LEADER, first_name="Hùng", last_name="Lê Quang"
        ),
        "clerk": make_user("vanthu", tree.town, Role.CLERK),
    }


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_unfilled_marks_block_approval_and_issuing(tree, people) -> None:  # type: ignore[no-untyped-def]
    report = workflow.create_report(tree.town, "monthly", "2024-02", people["specialist"])
    assert NARRATIVE in report.body and report.state == Report.State.DRAFT
    marks = [f for f in report.findings if f["rule"] == "format.placeholder"]
    assert len(marks) == report.body.count(NARRATIVE) and all(
        f["severity"] == "error" for f in marks
    )
    index = report.findings.index(marks[0])
    with pytest.raises(InputError, match="không bỏ qua|Không thể bỏ qua"):
        from capuy.reports.dismissals import dismiss

        dismiss(report, index, "Không cần viết phần này", people["specialist"])
    # forced past the checker (as the issued report of issue 11 was): still refused
    Report.objects.filter(pk=report.pk).update(state=Report.State.CHECKED)
    report.refresh_from_db()
    with pytest.raises(InputError, match="chỗ chưa điền nội dung"):
        workflow.approve(report, people["leader"])
    Report.objects.filter(pk=report.pk).update(state=Report.State.APPROVED)
    report.refresh_from_db()
    with pytest.raises(InputError, match="chỗ chưa điền nội dung"):
        workflow.issue(report, people["clerk"], on=dt.date(2024, 2, 26))
    assert report.document_id is None
    Report.objects.filter(pk=report.pk).update(state=Report.State.DRAFT)
    report.refresh_from_db()
    workflow.save_text(report, filled(report.body), people["specialist"])
    assert report.state == Report.State.CHECKED
    workflow.approve(report, people["leader"])


def test_a_false_finding_is_set_aside_with_a_reason_and_stays_so(tree, people) -> None:  # type: ignore[no-untyped-def]
    specialist = people["specialist"]
    report = workflow.create_report(tree.town, "monthly", "2024-02", specialist)
    body = filled(report.body).replace("cụ thể:", f"cụ thể: {DUPLICATE}", 1)
    workflow.save_text(report, body, specialist)
    assert report.state == Report.State.DRAFT
    index = next(i for i, f in enumerate(report.findings) if f["rule"] == "duplicate.word")
    client = _client(specialist)
    url = reverse("reports:dismiss", args=[report.pk])
    page = client.post(url, {"phat_hien": index, "ly_do": " "}, follow=True).content.decode()
    assert "Hãy ghi lý do bỏ qua" in page and not FindingDismissal.objects.exists()
    reason = "Tên nghị quyết trích nguyên văn"
    page = client.post(url, {"phat_hien": index, "ly_do": reason}, follow=True).content.decode()
    assert "Đã bỏ qua phát hiện [duplicate.word]" in page
    report.refresh_from_db()
    assert report.state == Report.State.CHECKED
    workflow.save_text(report, body + "\n", specialist)  # checked again: still set aside
    assert report.state == Report.State.CHECKED
    # a new error still counts
    workflow.save_text(
        report, body.replace("cụ thể:", "cụ thể: tiếp nhận tiếp nhận đơn.", 1), specialist
    )
    assert report.state == Report.State.DRAFT
    workflow.save_text(report, body, specialist)
    leader_page = _client(people["leader"]).get(reverse("reports:detail", args=[report.pk]))
    text = leader_page.content.decode()
    assert "Đã bỏ qua: <em>" + reason in text and 'id="approve"' in text
    assert "Chờ lãnh đạo" in text and "(Lê Quang Hùng) duyệt" in text
    history = _client(people["leader"]).get(reverse("reports:versions", args=[report.pk]))
    assert "lý do: <em>" + reason in history.content.decode()  # kept in the report's history


def test_issuing_and_sending_ask_first(tree, people) -> None:  # type: ignore[no-untyped-def]
    report = workflow.create_report(tree.town, "monthly", "2024-02", people["specialist"])
    workflow.save_text(report, filled(report.body), people["specialist"])
    workflow.approve(report, people["leader"])
    clerk = _client(people["clerk"])
    detail = clerk.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert reverse("reports:confirm", args=[report.pk, "ban-hanh"]) in detail
    assert "Chờ văn thư" in detail and "ban hành (cấp số)" in detail
    response = clerk.post(reverse("reports:action", args=[report.pk, "ban-hanh"]))
    assert response.status_code == 302 and response["Location"].endswith("/xac-nhan/ban-hanh/")
    report.refresh_from_db()
    assert report.state == Report.State.APPROVED and report.document_id is None
    page = clerk.get(response["Location"]).content.decode()
    assert "không thu hồi được" in page and 'name="xac_nhan" value="1"' in page
    clerk.post(reverse("reports:action", args=[report.pk, "ban-hanh"]), {"xac_nhan": "1"})
    report.refresh_from_db()
    assert report.state == Report.State.ISSUED and report.document_id is not None
    clerk.post(reverse("reports:action", args=[report.pk, "gui"]))
    report.refresh_from_db()
    assert report.state == Report.State.ISSUED  # not sent without confirming
    assert clerk.get(reverse("reports:confirm", args=[report.pk, "duyet"])).status_code == 404


def test_the_ward_path_names_the_ward_committee(tree) -> None:  # type: ignore[no-untyped-def]
    ward = tree.pho_hoa
    Body.objects.create(organisation=ward, kind="btv", name=f"Ban Thường vụ {ward.committee_name}")
    CommitteeTerm.objects.create(
        organisation=ward, start_year=2020, end_year=2025, start_date=dt.date(2020, 6, 1)
    )
    clerk = make_user("vanthu.phohoa", ward, Role.CLERK)
    make_user("lanhdao.phohoa", ward, Role.LEADER, first_name="Tâm", last_name="Võ Văn")
    report = workflow.create_report(ward, "quarterly", "2024-Q1", clerk)
    workflow.save_text(report, filled(report.body), clerk)
    page = _client(clerk).get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert f"Chờ lãnh đạo {ward.committee_name} (Võ Văn Tâm) duyệt." in page


def test_the_demo_has_a_ward_leader() -> None:
    from pathlib import Path

    import capuy.web

    data = yaml.safe_load(
        (Path(capuy.web.__file__).parent / "demo.yaml").read_text(encoding="utf-8")
    )
    rows = [u for u in data["users"] if u["username"] == "lanhdao.phohoa"]
    assert rows and rows[0]["roles"] == ["lanh_dao"] and rows[0]["unit"] == "Phổ Hòa"
