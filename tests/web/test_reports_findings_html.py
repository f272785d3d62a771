"""``{% finding_items %}`` writes the same bytes as the template loop it replaced in
``reports/_status.html`` (kept below as the reference): every branch of a finding (dismissed,
dismissable for an editor, not dismissable, each severity, missing keys, text to escape), for
an editor and a reader."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.template import engines
from django.utils import timezone

REFERENCE = """{% for f in findings %}
    <li class="finding {{ f.severity }}{% if f.dismissal %} dismissed{% endif %}" data-rule="{{ f.rule }}" data-line="{{ f.line_text }}">
      <strong>Dòng {{ f.line_text }}</strong> · <span class="severity">{% if f.severity == "error" %}lỗi{% elif f.severity == "warning" %}cảnh báo{% else %}ghi chú{% endif %}</span> [{{ f.rule }}]
      <div>{{ f.message }}</div>
      {% if f.excerpt %}<div class="excerpt">{{ f.excerpt }}</div>{% endif %}
      {% if f.suggestion %}<div class="suggestion">→ {{ f.suggestion }}</div>{% endif %}
      {% if f.dismissal %}<div class="dismissal">Đã bỏ qua: <em>{{ f.dismissal.reason }}</em> ({{ f.dismissal.user|vn_name }}, {{ f.dismissal.at|vn_datetime }})</div>
      {% elif can_edit and f.dismissable %}
      <details class="dismiss"><summary>Bỏ qua…</summary>
        <form method="post" action="{{ dismiss_url }}" class="dismiss-form">
          {% csrf_token %}<input type="hidden" name="phat_hien" value="{{ f.index_text }}">
          <label for="ly-do-{{ f.index_text }}">Lý do bỏ qua (bắt buộc)</label>
          <input type="text" name="ly_do" id="ly-do-{{ f.index_text }}" required minlength="5" maxlength="500">
          <button type="submit">Bỏ qua phát hiện này</button>
        </form>
      </details>
      {% elif not f.dismissable and f.severity == "error" %}<div class="hint">Phải sửa trong văn bản (không bỏ qua được).</div>{% endif %}
    </li>
    {% endfor %}"""
NEW = "{% load report_findings %}{% finding_items findings can_edit dismiss_url %}"

CLERK = SimpleNamespace(last_name="Nguyễn Thị", first_name="Lan", username="vanthu")
AT = timezone.make_aware(dt.datetime(2024, 2, 26, 14, 5))
FINDINGS: list[dict[str, Any]] = [
    {
        "severity": "error",
        "rule": "so-lieu",
        "line_text": "1.044",
        "index_text": "0",
        "message": "Số <b>không</b> khớp & “sai”",
        "excerpt": 'tổng "12"',
        "suggestion": "12,5",
        "dismissable": True,
        "dismissal": None,
    },
    {
        "severity": "error",
        "rule": "the-thuc",
        "line_text": "3",
        "index_text": "1",
        "message": "Thiếu",
        "dismissable": False,
        "dismissal": None,
    },
    {
        "severity": "warning",
        "rule": "chinh-ta",
        "line_text": None,
        "index_text": "2",
        "message": "Chính tả",
        "excerpt": "",
        "suggestion": None,
        "dismissable": True,
        "dismissal": SimpleNamespace(reason="Đúng <ý> tác giả", user=CLERK, at=AT),
    },
    {"severity": "info", "rule": "goi-y", "message": "Gợi ý", "dismissable": False},
    {"message": "không có mức, không có luật"},
    {
        "severity": "warning",
        "rule": "r",
        "line_text": "7",
        "index_text": "4",
        "message": "x",
        "dismissable": False,
        "dismissal": SimpleNamespace(reason="r", user=None, at=dt.date(2024, 3, 1)),
    },
]


@pytest.mark.parametrize("can_edit", [True, False])
@pytest.mark.parametrize("csrf", ["Zq3<token>", None])
def test_the_findings_are_written_as_the_template_loop_wrote_them(
    can_edit: bool, csrf: str | None
) -> None:
    engine = engines["django"]
    context: dict[str, Any] = {
        "findings": FINDINGS,
        "can_edit": can_edit,
        "dismiss_url": "/bao-cao/1/bo-qua/?a=1&b=2",
    }
    if csrf:
        context["csrf_token"] = csrf
    old = engine.from_string(REFERENCE).render(context)
    new = engine.from_string(NEW).render(context)
    assert new == old
    assert old.count("<li ") == len(FINDINGS)
    assert ("dismiss-form" in old) is can_edit


def test_no_findings_write_nothing() -> None:
    engine = engines["django"]
    context = {"findings": [], "can_edit": True, "dismiss_url": ""}
    assert engine.from_string(NEW).render(context) == engine.from_string(REFERENCE).render(context)
