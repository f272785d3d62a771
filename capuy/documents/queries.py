"""Scoped querysets of the register, for the list pages and the home page."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from capuy.accounts.access import get_scoped_object_or_404, scope_queryset
from capuy.documents.models import Document

ORG_FIELD = "organisation"
CLASSIFICATION_FIELD = "classification"


def visible_documents(user: Any) -> QuerySet[Document]:
    """Every document the user may see: their units' registers, up to their clearance."""
    return scope_queryset(
        Document.objects.select_related("issuing_body", "organisation"),
        user,
        org_field=ORG_FIELD,
        classification_field=CLASSIFICATION_FIELD,
    )


def get_visible_document(user: Any, pk: int) -> Document:
    """One document the user may see, else 404 (also for a guessed id out of scope)."""
    return get_scoped_object_or_404(
        Document.objects.select_related("issuing_body", "organisation", "term"),
        user,
        org_field=ORG_FIELD,
        classification_field=CLASSIFICATION_FIELD,
        pk=pk,
    )


def recent_documents(user: Any, limit: int = 10) -> QuerySet[Document]:
    """The latest documents registered (home page panel "Văn bản mới")."""
    return visible_documents(user).order_by("-issued_on", "-created_at", "-pk")[:limit]
