"""Which record models are scoped, and how: one registry for the admin and the audit trail.

The pages scope their queries one by one (``capuy.accounts.access``). Two views of the data
are generic instead — the Django admin and the audit trail (django-auditlog's ``LogEntry``
holds the before/after of every field of every record) — and the probe found both showing a
Mật document's summary to an administrator with ordinary clearance. They need to know, for
any model, where its organisation and its classification are; each app tells them from its
``AppConfig.ready()``:

    from capuy.accounts.scoped import register_scoped
    register_scoped(Meeting, org_field="organisation", classification_field="classification")
    register_scoped(AgendaItem, "meeting__organisation", "meeting__classification")

A child record (an agenda item, a relation between documents) is registered through its
parent's fields: its audit entries say as much as the parent's. ``tests/web/
test_security_admin.py`` fails when a model with an organisation or a classification is not
registered, or when an admin page of a registered model does not use ``ScopedAdminMixin``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet

from capuy.accounts.access import scope_queryset


@dataclass(frozen=True)
class ScopedModel:
    model: type[Model]
    org_field: str
    classification_field: str | None = None


_REGISTRY: dict[type[Model], ScopedModel] = {}


def register_scoped(
    model: type[Model], org_field: str = "organisation", classification_field: str | None = None
) -> None:
    """Declare where ``model``'s organisation (and classification, if any) are."""
    _REGISTRY[model] = ScopedModel(model, org_field, classification_field)


def scoped_models() -> list[ScopedModel]:
    return list(_REGISTRY.values())


def scope_of(model: type[Model]) -> ScopedModel | None:
    return _REGISTRY.get(model)


def visible(model: type[Model], user: Any, qs: QuerySet[Any] | None = None) -> QuerySet[Any]:
    """``qs`` (default: all) of a registered model limited to what ``user`` may see."""
    spec = _REGISTRY[model]
    base = model._default_manager.all() if qs is None else qs
    return scope_queryset(base, user, spec.org_field, spec.classification_field)
