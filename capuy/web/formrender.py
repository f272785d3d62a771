"""The form renderer: Django's own widget templates, with ``<select>`` and ``<input>`` written
in Python.

Why: a filter form's ``<select>`` (the document types, the committees) is rendered through
one ``{% include %}`` per option and another per attribute; on the register and member lists
that was a quarter to a third of the page's CPU time (docs/web.md, "Fast web app"). The
functions below write the same bytes as Django's ``select.html``, ``select_option.html``,
``attrs.html`` and ``input.html`` (which ``text.html``, ``date.html``, ``hidden.html`` …
only include) — what ``tests/web/test_web_formrender.py`` compares, widget by widget and on
whole pages. Anything they are not sure to write the same (a value the template would
localise, a custom option template) returns ``None`` and goes to the template as before.
"""

from __future__ import annotations

from typing import Any

from django.forms.models import ModelChoiceIteratorValue
from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData

WIDGETS = "django/forms/widgets/"
OPTION_TEMPLATE = WIDGETS + "select_option.html"
# Django's templates that are only ``{% include "django/forms/widgets/input.html" %}``
INPUT_TEMPLATES = {
    WIDGETS + name + ".html"
    for name in [
        *("input", "checkbox", "color", "date", "datetime", "email", "file", "hidden"),
        *("number", "password", "search", "tel", "text", "time", "url"),
    ]
}
# What "value|stringformat:'s'" formats as plain ``"%s" % value`` (no localisation, no call)
PLAIN = (str, int, ModelChoiceIteratorValue)


class _Fallback(Exception):
    """A value the fast path does not write exactly as the template would."""


def _text(value: Any) -> str:
    """``{{ value }}``: text escaped unless marked safe (anything else would be localised)."""
    if not isinstance(value, str):
        raise _Fallback
    return str(conditional_escape(value))


def _formatted(value: Any) -> str:
    """``{{ value|stringformat:'s' }}`` (the filter keeps a safe input safe)."""
    if not isinstance(value, PLAIN):  # bool is an int: "%s" % True is "True", as there
        raise _Fallback
    text = str(value)  # what "%s" % value gives for these types
    return text if isinstance(value, SafeData) else str(escape(text))


def _attrs(attrs: dict[str, Any]) -> str:
    """``attrs.html``: `` name="value"``, a bare `` name`` for True, nothing for False."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(
            f" {_text(name)}" if value is True else f' {_text(name)}="{_formatted(value)}"'
        )
    return "".join(parts)


def _input(widget: dict[str, Any]) -> str:
    value = widget["value"]
    shown = f' value="{_formatted(value)}"' if value is not None else ""
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{shown}'
        f"{_attrs(widget['attrs'])}>"
    )


def _select(widget: dict[str, Any]) -> str:
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in group_choices:
            if option["template_name"] != OPTION_TEMPLATE:
                raise _Fallback
            parts.append(
                f'\n  <option value="{_formatted(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_text(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def fast_render(template_name: str, context: dict[str, Any]) -> str | None:
    """The widget's HTML as Django's template writes it (stripped, as the renderer returns
    it), or ``None`` when this template or value is left to the template."""
    widget = context.get("widget")
    if not isinstance(widget, dict) or len(context) != 1:
        return None
    try:
        if template_name == WIDGETS + "select.html":
            return _select(widget)
        if template_name in INPUT_TEMPLATES:
            return _input(widget)
    except (_Fallback, KeyError):
        return None
    return None


class FastRenderer(DjangoTemplates):
    """``FORM_RENDERER``: Django's default renderer with the fast paths above."""

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        html = fast_render(template_name, context)
        if html is not None:
            return html
        return str(super().render(template_name, context, request))
