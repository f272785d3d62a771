"""A report's page parses its text once (issue 17): the preview and the unfilled template marks
come from one parse, kept by the text's content hash — the page is the same bytes as when
each was parsed on its own, a warm view parses nothing, and an edited text is read afresh."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from capuy.accounts.levels import Role
from capuy.check.registry import RULES, all_rules
from capuy.render.html_preview import render_html
from capuy.reports import output
from capuy.reports import reading as reading_module
from capuy.reports.models import Report
from capuy.reports.workflow import create_report
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the real parse's calls (the real function runs; only the calls are recorded)."""
    calls: list[str] = []
    real: Callable[..., Any] = reading_module.parse

    def parse(text: str, *args: Any) -> Any:
        calls.append(text)
        return real(text, *args)

    monkeypatch.setattr(reading_module, "parse", parse)
    return calls


def _without_tokens(html: str) -> str:
    """The page without its per-request CSRF tokens (form field and HTMX header)."""
    return re.sub(r"\b[A-Za-z0-9]{64}\b", "TOKEN", html)


def test_the_page_parses_once_and_shows_what_two_parses_showed(
    tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    leader = make_user("lanhdao", tree.town, Role.LEADER)
    specialist = make_user("chuyenvien", tree.town, Role.SPECIALIST)
    report = create_report(tree.town, "monthly", "2024-02", specialist)
    body = report.body
    # the page as the two separate parses made it
    all_rules()
    preview = render_html(output.parse(body))
    marks = [f.excerpt for f in RULES["format.placeholder"].run(output.parse(body))]
    assert len(body) > 1000 and "<" in preview
    reading_module.forget()
    calls = _counting(monkeypatch)
    client = Client()
    client.force_login(leader)
    url = reverse("reports:detail", args=[report.pk])
    cold = client.get(url).content.decode()
    assert len(calls) == 1
    assert preview in cold  # byte for byte
    assert reading_module.reading(body).marks == tuple(marks)
    warm = client.get(url).content.decode()
    assert len(calls) == 1  # nothing parsed again
    assert _without_tokens(warm) == _without_tokens(cold)
    # an edited text is a new key: read afresh, never the old preview
    edited = body.replace(body.splitlines()[-1], "Đoạn cuối đã sửa lại hoàn toàn.")
    Report.objects.filter(pk=report.pk).update(body=edited)
    page = client.get(url).content.decode()
    assert len(calls) == 2
    assert "Đoạn cuối đã sửa lại hoàn toàn." in page
    assert render_html(output.parse(edited)) in page


def test_placeholders_and_refusals_read_as_before() -> None:
    all_rules()
    for text in ("---\nkhông phải: [front matter\n", compose_free_text()):
        reading_module.forget()
        try:
            doc = output.parse(text)
        except Exception:  # noqa: BLE001 — the refused text: no marks, a notice instead
            assert reading_module.reading(text).marks == ()
            assert "Chưa xem trước được" in reading_module.reading(text).preview
            continue
        expected = tuple(f.excerpt for f in RULES["format.placeholder"].run(doc))
        assert reading_module.reading(text).marks == expected
        assert reading_module.reading(text).preview == render_html(output.parse(text))


def compose_free_text() -> str:
    return "# I- KẾT QUẢ\n\nTrong tháng đã [nội dung cần viết] và hoàn thành.\n"
