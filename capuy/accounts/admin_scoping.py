"""Scoping for the Django admin: the same rules as the pages, on every admin of a record.

``ScopedAdminMixin`` (on a ``ModelAdmin`` or an inline of a model registered in
``capuy.accounts.scoped``) limits the rows to what the user may see — a hidden record's change
page answers 404 — and limits every foreign key to a registered model the same way: its
choices, and the label the raw-id widget prints beside the id (the probe saw a Mật document's
symbol there, on the edit form of an ordinary meeting).
"""

from __future__ import annotations

from typing import Any

from django.contrib.admin.widgets import ForeignKeyRawIdWidget
from django.db.models import ForeignKey, QuerySet
from django.http import HttpRequest

from capuy.accounts.scoped import scope_of, visible

HIDDEN_LABEL = "(không đủ quyền xem)"


class ScopedRawIdWidget(ForeignKeyRawIdWidget):
    """The raw-id widget, printing nothing about a record the user may not see."""

    user: Any = None

    def label_and_url_for_value(self, value: Any) -> tuple[str, str]:
        model = self.rel.model
        if value and scope_of(model) is not None:
            try:
                seen = visible(model, self.user).filter(pk=value).exists()
            except (ValueError, TypeError):
                seen = False
            if not seen:
                return HIDDEN_LABEL, ""
        return super().label_and_url_for_value(value)


class ScopedAdminMixin:
    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)  # type: ignore[misc]
        if scope_of(qs.model) is None:
            return qs
        return visible(qs.model, request.user, qs)

    def formfield_for_foreignkey(
        self, db_field: ForeignKey, request: HttpRequest, **kwargs: Any
    ) -> Any:
        related = db_field.remote_field.model
        if scope_of(related) is not None and "queryset" not in kwargs:
            kwargs["queryset"] = visible(related, request.user)
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]
        if field is not None and isinstance(field.widget, ForeignKeyRawIdWidget):
            field.widget.__class__ = ScopedRawIdWidget
            field.widget.user = request.user
        return field

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        related = db_field.remote_field.model
        if scope_of(related) is not None and "queryset" not in kwargs:
            kwargs["queryset"] = visible(related, request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]
