"""Admin pages for the register. Documents are scoped like every page (clearance applies to
administrators too); numbers are read-only here, and a counter can only be moved forward past
what is already issued (to start capuy in the middle of a term), never back into duplicates."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import Max, QuerySet
from django.http import HttpRequest

from capuy.accounts.access import scope_queryset
from capuy.accounts.admin_scoping import ScopedAdminMixin
from capuy.documents.models import Document, DocumentRelation, NumberCounter


class RelationInline(ScopedAdminMixin, admin.TabularInline):
    model = DocumentRelation
    fk_name = "source"
    extra = 0
    raw_id_fields = ("target",)


@admin.register(Document)
class DocumentAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("symbol", "type_code", "issued_on", "summary", "organisation", "classification")
    list_filter = ("direction", "type_code", "classification", "important")
    search_fields = ("symbol", "summary", "search_text")
    date_hierarchy = "issued_on"
    readonly_fields = (
        "direction",
        "number",
        "symbol",
        "symbol_code",
        "term",
        "created_by",
        "created_at",
    )
    raw_id_fields = ("organisation", "issuing_body")
    filter_horizontal = ("co_issuers",)
    exclude = ("search_text",)
    inlines = [RelationInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # documents are registered (and numbered) through the register's pages

    def get_queryset(self, request: HttpRequest) -> QuerySet[Document]:
        return scope_queryset(
            super().get_queryset(request), request.user, "organisation", "classification"
        )


class CounterForm(forms.ModelForm):
    class Meta:
        model = NumberCounter
        fields = ["organisation", "symbol_code", "type_code", "term", "last_number"]

    def clean_last_number(self) -> int:
        value = int(self.cleaned_data["last_number"])
        data: dict[str, Any] = self.cleaned_data
        issued = (
            Document.objects.filter(
                direction="di",
                organisation=data.get("organisation"),
                symbol_code=data.get("symbol_code"),
                type_code=data.get("type_code"),
                term=data.get("term"),
            ).aggregate(top=Max("number"))["top"]
            or 0
        )
        if value < issued:
            raise forms.ValidationError(
                f"Đã cấp đến số {issued:02d}: không thể lùi bộ đếm (sẽ cấp trùng số)."
            )
        return value


@admin.register(NumberCounter)
class NumberCounterAdmin(ScopedAdminMixin, admin.ModelAdmin):
    form = CounterForm
    list_display = ("__str__", "organisation", "type_code", "term", "last_number")
    list_filter = ("type_code",)
    raw_id_fields = ("organisation", "term")
