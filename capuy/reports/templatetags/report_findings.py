"""``{% finding_items findings can_edit dismiss_url %}``: the checker's findings on a report's
page, written in Python.

Why: a long report has hundreds of findings, and the loop that wrote them in
``reports/_status.html`` (fifteen variables and six ``{% if %}`` a finding) was about a third
of the report page's CPU (docs/web.md, "Fast web app"). The bytes are the loop's, kept in
``tests/web/test_reports_findings_html.py`` as the template it replaced and compared finding
by finding (every branch) and on the demo's report pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import template
from django.template.base import render_value_in_context
from django.template.defaulttags import CsrfTokenNode
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

SEVERITY = {"error": "lỗi", "warning": "cảnh báo"}  # anything else: "ghi chú"
MISSING = object()


def _builtin_filter(context: template.Context, name: str) -> Any:
    """A filter of the engine's built-in libraries (``vn_name``, ``vn_datetime`` from
    ``capuy.web``'s ``vn``, which this layer may not import), the one the template used."""
    for library in context.template.engine.template_builtins:
        if name in library.filters:
            return library.filters[name]
    raise template.TemplateSyntaxError(f"no built-in filter {name!r}")


@register.simple_tag(takes_context=True)
def finding_items(
    context: template.Context, findings: list[dict[str, Any]], can_edit: Any, dismiss_url: Any
) -> SafeString:
    """The ``<li>`` of each finding, with the whitespace the template had between them."""

    def text(value: Any) -> str:
        """``{{ value }}``: what the template writes for a value (escaped, localised)."""
        if value is MISSING:
            return ""
        if type(value) is str:
            return str(conditional_escape(value))
        return str(render_value_in_context(value, context))

    form = _DismissForm(CsrfTokenNode().render(context), text(dismiss_url), bool(can_edit))
    items = "".join(_item(f, text, context, form) for f in findings)
    return mark_safe(items)  # noqa: S308 — every value in it is escaped by text()


@dataclass(frozen=True)
class _DismissForm:
    """What every finding's dismiss form shares: the CSRF field, the URL, the right to edit."""

    csrf: str
    url: str
    can_edit: bool


def _item(
    f: dict[str, Any], text: Callable[[Any], str], context: template.Context, form: _DismissForm
) -> str:
    """One finding's ``<li>``: its line, severity, rule, message, excerpt and suggestion, then
    who dismissed it, the form to dismiss it, or why it cannot be dismissed."""
    severity = f.get("severity", MISSING)
    rule = text(f.get("rule", MISSING))
    line = text(f.get("line_text", MISSING))
    dismissal = f.get("dismissal")
    parts = [
        f'\n    <li class="finding {text(severity)}{" dismissed" if dismissal else ""}" '
        f'data-rule="{rule}" data-line="{line}">\n'
        f'      <strong>Dòng {line}</strong> · <span class="severity">'
        f"{SEVERITY.get(severity, 'ghi chú') if isinstance(severity, str) else 'ghi chú'}"
        f"</span> [{rule}]\n"
        f"      <div>{text(f.get('message', MISSING))}</div>\n      "
    ]
    if excerpt := f.get("excerpt"):
        parts.append(f'<div class="excerpt">{text(excerpt)}</div>')
    parts.append("\n      ")
    if suggestion := f.get("suggestion"):
        parts.append(f'<div class="suggestion">→ {text(suggestion)}</div>')
    parts.append("\n      ")
    if dismissal:
        vn_name = _builtin_filter(context, "vn_name")
        vn_datetime = _builtin_filter(context, "vn_datetime")
        parts.append(
            f'<div class="dismissal">Đã bỏ qua: <em>{text(dismissal.reason)}</em> '
            f"({text(vn_name(dismissal.user))}, {text(vn_datetime(dismissal.at))})</div>\n"
            "      "
        )
    elif form.can_edit and f.get("dismissable"):
        parts.append(_dismiss_form(text(f.get("index_text", MISSING)), form))
    elif not f.get("dismissable") and severity == "error":
        parts.append('<div class="hint">Phải sửa trong văn bản (không bỏ qua được).</div>')
    parts.append("\n    </li>\n    ")
    return "".join(parts)


def _dismiss_form(index: str, form: _DismissForm) -> str:
    """The folded form that dismisses finding ``index`` with a reason."""
    return (
        '\n      <details class="dismiss"><summary>Bỏ qua…</summary>\n'
        f'        <form method="post" action="{form.url}" class="dismiss-form">\n'
        f'          {form.csrf}<input type="hidden" name="phat_hien" value="{index}">\n'
        f'          <label for="ly-do-{index}">Lý do bỏ qua (bắt buộc)</label>\n'
        f'          <input type="text" name="ly_do" id="ly-do-{index}" required '
        'minlength="5" maxlength="500">\n'
        '          <button type="submit">Bỏ qua phát hiện này</button>\n'
        "        </form>\n"
        "      </details>\n"
        "      "
    )
