"""Report templates as data: the YAML files of ``capuy/vocab/report_templates/``, or an
administrator's override stored in the database (``TemplateOverride``).

A template is a mapping: plain data (``name``, ``document_kind``, ``type_code``,
``issuing_body``, ``signature``, ``recipients``, ``deadline_days``, ``window_rule``, the
``*_fields`` lists) and text filled from the records (``summary``, ``body``,
``membership_decision``, ``kind_line`` and each recipient), written in the Django template
language without auto-escaping (the output is Markdown, not HTML). ``base: quarterly`` takes
every key not given from another template.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml
from django.template import Context, Engine

from capuy.errors import InputError
from capuy.text import nfc
from capuy.vocab.loader import load_data, packaged_text, resolve_source
from capuy.vocab.report_fields import classify as classify
from capuy.vocab.report_fields import field_labels as field_labels

REQUIRED = ("kind", "name", "document_kind", "type_code", "summary", "body", "deadline_days")
# ``sections`` (what the records fill: the providers of capuy.stats.sections) and ``committee_window`` are
# plain data too.


@cache
def _file(kind: str) -> dict[str, Any]:
    """``vocab/report_templates/<kind>.yaml`` through ``capuy.vocab.loader`` (the overlay
    applies), its ``source`` checked against its ``sources``."""
    try:
        data = load_data(f"report_templates/{kind}")
    except FileNotFoundError:
        raise InputError(f"Không có mẫu báo cáo “{kind}”", f"no report template {kind!r}") from None
    if "source" in data:
        resolve_source(data, data.get("sources") or {}, f"report_templates/{kind}.yaml")
    return data


def parse_template_text(text: str) -> dict[str, Any]:
    """An administrator's YAML, refused with a Vietnamese reason when it cannot be used."""
    try:
        data = yaml.safe_load(nfc(text))
    except yaml.YAMLError as error:
        raise InputError("Mẫu báo cáo không phải YAML hợp lệ", f"invalid YAML: {error}") from None
    if not isinstance(data, dict):
        raise InputError("Mẫu báo cáo phải là các cặp khóa: giá trị", "template must be a mapping")
    return data


def _with_base(data: dict[str, Any], seen: tuple[str, ...] = ()) -> dict[str, Any]:
    base = data.get("base")
    if not base:
        return data
    if base in seen:
        raise InputError("Mẫu báo cáo kế thừa vòng tròn", f"circular template base {base!r}")
    merged = dict(load_template(base, seen + (data.get("kind", ""),)))
    merged.update({k: v for k, v in data.items() if k != "base"})
    return merged


def load_template(kind: str, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    """The template of ``kind``: the administrator's override if any, else the file."""
    from capuy.reports.models import TemplateOverride
    from capuy.reports.periods import kinds

    if kind not in kinds():
        raise InputError(
            f"Loại báo cáo “{kind}” không có (chọn: {', '.join(kinds())})",
            f"unknown report kind {kind!r} (one of: {', '.join(kinds())})",
        )
    override = TemplateOverride.objects.filter(kind=kind).values_list("text", flat=True).first()
    data = parse_template_text(override) if override else _file(kind)
    merged = _with_base(data, seen)
    if override and "sections" not in merged and "sections" in _with_base(_file(kind), seen):
        # an override written before templates declared their sections keeps the file's
        merged["sections"] = _with_base(_file(kind), seen)["sections"]
        merged.setdefault("committee_window", _file(kind).get("committee_window", False))
    missing = [key for key in REQUIRED if key not in merged]
    if missing:
        raise InputError(
            f"Mẫu báo cáo “{kind}” thiếu: {', '.join(missing)}",
            f"template {kind!r} lacks: {', '.join(missing)}",
        )
    return merged


def default_text(kind: str) -> str:
    """The file's YAML text, to start an override from."""
    return packaged_text(f"report_templates/{kind}")


_ENGINE = Engine(
    autoescape=False,
    libraries={"l10n": "django.templatetags.l10n"},
    builtins=["django.template.defaultfilters"],
)


def fill(text: str, context: dict[str, Any]) -> str:
    """``text`` (Django template language) filled from ``context``."""
    from django.template import TemplateSyntaxError

    try:
        # numbers are written by the composer the Vietnamese way; the engine must not add a
        # thousands separator to a year ("2.024")
        template = _ENGINE.from_string(
            "{% load l10n %}{% localize off %}" + text + "{% endlocalize %}"
        )
    except TemplateSyntaxError as error:
        raise InputError(
            f"Mẫu báo cáo có lỗi cú pháp: {error}", f"template syntax error: {error}"
        ) from None
    return template.render(Context(context, autoescape=False))


# the fields (lĩnh vực): vocab data, read below the record apps (capuy.vocab.report_fields)
