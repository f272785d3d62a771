"""A record's change history as the audit trail kept it: who changed which field, from what
to what, and when — read from django-auditlog's entries (every save of a registered model is
logged with its actor by ``AuditlogMiddleware`` or ``set_actor``), not from a second log.

Shared by the register (a corrected document) and the incoming register (an arrival's edits):
the caller passes a record it has already checked the user may see, so each entry is about a
visible record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from auditlog.models import LogEntry
from django.db import models

# Fields whose change says nothing to a reader (derived or bookkeeping).
QUIET_FIELDS = {"search_text", "text", "created_at", "id"}
EMPTY = "(trống)"


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Change:
    at: dt.datetime
    actor: str
    action: str
    fields: list[FieldChange]
    reason: str = ""


ACTIONS = {
    LogEntry.Action.CREATE: "vào sổ",
    LogEntry.Action.UPDATE: "sửa",
    LogEntry.Action.DELETE: "xóa",
}


def _shown(field: models.Field[Any, Any] | None, raw: Any) -> str:
    """A stored value as the page shows it: choices by their label, dates as dd/mm/yyyy."""
    if raw in (None, "None", ""):
        return EMPTY
    text = str(raw)
    if field is None:
        return text
    if field.choices:
        labels = {str(value): str(label) for value, label in field.flatchoices}
        return labels.get(text, text)
    if isinstance(field, models.BooleanField):
        return "có" if text in ("True", "true", "1") else "không"
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        try:
            return dt.date.fromisoformat(text[:10]).strftime("%d/%m/%Y")
        except ValueError:
            return text
    return text


def _label(model: type[models.Model], name: str) -> tuple[str, models.Field[Any, Any] | None]:
    try:
        field = model._meta.get_field(name)
    except Exception:  # a field since removed: its stored name is all there is
        return name, None
    if not isinstance(field, models.Field):  # a reverse relation: no value of its own
        return name, None
    return str(field.verbose_name), field


def changes_of(record: models.Model) -> list[Change]:
    """The record's audit entries, oldest first, each with its readable field changes."""
    model = type(record)
    entries = LogEntry.objects.get_for_object(record).select_related("actor").order_by("timestamp")
    result = []
    for entry in entries:
        fields = []
        for name, (before, after) in (entry.changes_dict or {}).items():
            if name in QUIET_FIELDS:
                continue
            label, field = _label(model, name)
            fields.append(FieldChange(label, _shown(field, before), _shown(field, after)))
        actor = entry.actor
        who = (
            (f"{actor.last_name} {actor.first_name}".strip() or actor.username)
            if actor
            else "hệ thống"
        )
        action = ACTIONS.get(entry.action, "thay đổi")
        reason = str((entry.additional_data or {}).get("reason") or "")
        result.append(Change(entry.timestamp, who, action, fields, reason))
    return result
