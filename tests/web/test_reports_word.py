"""Edit in Word (issue 11): the draft downloads as DOCX with the checker's findings as Word
comments at their excerpts; a DOCX uploaded back becomes the next version (read with capuy's
DOCX reader, written back as the authoring text); a bad file is refused in Vietnamese and
nothing is lost."""

from __future__ import annotations

import pytest
from django.urls import reverse

from capuy.accounts.levels import Role
from capuy.render.comments import anchors
from capuy.reports import workflow
from tests.web.conftest import make_user

pytestmark = pytest.mark.django_db

DUPLICATE = "Tiếp tục thực hiện thực hiện các nhiệm vụ đã đề ra."


@pytest.fixture
def specialist(tree):  # type: ignore[no-untyped-def]
    return make_user("chuyenvien", tree.town, Role.SPECIALIST)


@pytest.fixture
def report(tree, specialist):  # type: ignore[no-untyped-def]
    return workflow.create_report(tree.town, "monthly", "2024-02", specialist)


def _login(client, user) -> None:  # type: ignore[no-untyped-def]
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


def test_draft_docx_carries_the_findings_as_comments(client, report, specialist) -> None:  # type: ignore[no-untyped-def]
    body = report.body.replace("cụ thể:", f"cụ thể: {DUPLICATE}", 1)
    workflow.save_text(report, body, specialist)
    _login(client, specialist)
    response = client.get(reverse("reports:docx_commented", args=[report.pk]))
    assert response.status_code == 200
    assert "kem-y-kien-kiem-tra.docx" in response["Content-Disposition"]
    comments = anchors(response.content)
    assert len(comments) == len(report.findings) >= 1
    doubled = [c for c in comments if "[duplicate.word]" in c[0]]
    assert doubled and "thực hiện thực hiện" in doubled[0][1]
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert reverse("reports:docx_commented", args=[report.pk]) in page
