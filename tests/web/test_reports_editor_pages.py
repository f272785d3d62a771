"""The report draft edited as a document, through Django's test client (issue 11): the editor
page (header form, the body as HTML, the preview, the findings), the JSON autosave through the
workflow (CSRF, role, state and scope enforced), a header refused with nothing saved, and the
leader's page showing the rendered document rather than the source text."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from capuy.accounts.levels import Role
from capuy.reports import workflow
from capuy.reports.header_form import HeaderForm, current_front_matter
from capuy.reports.models import Report
from capuy.reports.richtext import markdown_to_html, split_front_matter
from tests.web.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(tree):  # type: ignore[no-untyped-def]
    author = make_user("chuyenvien", tree.town, Role.SPECIALIST)
    return workflow.create_report(tree.town, "monthly", "2024-02", author)


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _fields(report: Report, **changes: str) -> dict[str, str]:
    initial = HeaderForm.initial_from(current_front_matter(report.body) or {})
    data = {k: ("on" if v is True else "" if v is False else str(v)) for k, v in initial.items()}
    data["noi_dung_html"] = markdown_to_html(split_front_matter(report.body)[1])
    data.update(changes)
    return data


def test_the_editor_page_shows_form_body_preview_and_findings(report, tree) -> None:  # type: ignore[no-untyped-def]
    client = _client(report.created_by)
    page = client.get(reverse("reports:editor", args=[report.pk])).content.decode()
    assert 'for="id_trich_yeu">Trích yếu<' in page and 'id="id_co_quan"' in page
    assert "THỊ ỦY ĐỨC PHỔ" in page  # the issuer, in a field, not YAML
    assert "issuer:" not in page and "superior:" not in page
    assert "&lt;h1&gt;I- MỘT SỐ HOẠT ĐỘNG TRỌNG TÂM" in page  # the body as the editor's HTML
    assert 'class="doc-page"' in page and "ĐẢNG CỘNG SẢN VIỆT NAM" in page  # the preview
    assert "Sửa mã nguồn" in page and 'src="/static/reports/editor.js"' in page


def test_autosave_saves_through_the_workflow_and_returns_findings(report) -> None:  # type: ignore[no-untyped-def]
    client = _client(report.created_by)
    html = markdown_to_html(split_front_matter(report.body)[1]).replace(
        "cụ thể:", "cụ thể: thực hiện thực hiện nhiệm vụ.", 1
    )
    response = client.post(
        reverse("reports:autosave", args=[report.pk]),
        _fields(
            report, trich_yeu='công tác tháng 02 của Thị ủy\' "đặc biệt": tốt', noi_dung_html=html
        ),
    )
    assert response.status_code == 200, response.content
    data = json.loads(response.content)
    assert data["ok"] and data["saved_at"] and data["state"] == "draft"
    duplicate = [f for f in data["findings"] if f["rule"] == "duplicate.word"]
    assert duplicate and duplicate[0]["where"] == "Nội dung"  # not a line the editor lacks
    assert "thực hiện thực hiện nhiệm vụ" in data["preview"]
    report.refresh_from_db()
    assert "cụ thể: thực hiện thực hiện nhiệm vụ." in report.body
    assert current_front_matter(report.body)["summary"] == (
        'công tác tháng 02 của Thị ủy\' "đặc biệt": tốt'
    )


def test_a_refused_header_saves_nothing(report) -> None:  # type: ignore[no-untyped-def]
    client = _client(report.created_by)
    before = report.body
    response = client.post(
        reverse("reports:autosave", args=[report.pk]), _fields(report, ngay="31/02/2024")
    )
    assert response.status_code == 400
    data = json.loads(response.content)
    assert data["errors"]["ngay"] == ["Ngày 31/02/2024 không có trong lịch."]
    report.refresh_from_db()
    assert report.body == before


def test_autosave_needs_csrf_role_state_and_scope(report, tree, town_clerk, ward_clerk) -> None:  # type: ignore[no-untyped-def]
    url = reverse("reports:autosave", args=[report.pk])
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(report.created_by, backend="django.contrib.auth.backends.ModelBackend")
    assert strict.post(url, _fields(report)).status_code == 403
    assert _client(ward_clerk).post(url, _fields(report)).status_code == 404
    admin = make_user("quantri.ducpho", tree.town, Role.ADMIN)  # sees the unit, writes nothing
    assert _client(admin).post(url, _fields(report)).status_code == 403
    report.state = Report.State.APPROVED
    report.save()
    assert _client(report.created_by).post(url, _fields(report)).status_code == 409
    page = _client(report.created_by).get(reverse("reports:editor", args=[report.pk]))
    assert page.status_code == 302


def test_the_leader_reviews_the_rendered_document(report, town_leader) -> None:  # type: ignore[no-untyped-def]
    report.body = report.body.replace("[Chuyên viên bổ sung nội dung.]", "Nội dung đã bổ sung.")
    workflow.save_text(report, report.body, report.created_by)
    page = _client(town_leader).get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert report.state == Report.State.CHECKED and 'id="approve"' in page
    assert 'id="report-document"' in page and 'class="doc-page"' in page
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in page and "Kết quả kiểm tra" in page
    assert '<details id="source-edit">' in page  # the source, folded away
