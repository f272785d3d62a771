"""The audit trail, limited to what the reader may see.

django-auditlog keeps the before/after of every field of every record: an entry of a Mật
document holds its summary, signer and recipients. So an entry is shown only to a user who may
see the record it is about (``capuy.accounts.scoped``: the record's unit is visible to them
and its classification within their clearance). An entry of a record that no longer exists
cannot be checked against its classification: for a model that has one, such entries are
shown only to holders of the highest clearance (Tuyệt mật) — the safe side.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from capuy.accounts.access import clearance_of
from capuy.accounts.levels import Classification
from capuy.accounts.scoped import scoped_models, visible


def visible_log_entries(qs: QuerySet[Any], user: Any) -> QuerySet[Any]:
    """``qs`` (auditlog ``LogEntry``) without the entries of records ``user`` may not see."""
    if not (user is not None and user.is_authenticated and user.is_active):
        return qs.none()
    top = clearance_of(user) >= max(Classification.values)  # Tuyệt mật
    for spec in scoped_models():
        content_type = ContentType.objects.get_for_model(spec.model, for_concrete_model=False)
        seen = visible(spec.model, user).values("pk")
        hidden = Q(content_type=content_type) & ~Q(object_id__in=seen)
        if top or spec.classification_field is None:
            # only entries of existing records are judged; those of deleted ones stay shown
            # (no classification to fear, or the reader is cleared for every level)
            existing = spec.model._default_manager.values("pk")
            hidden &= Q(object_id__in=existing)
        qs = qs.exclude(hidden)
    return qs
