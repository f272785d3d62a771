"""Admin pages: the office answers members' correction requests here (audited)."""

from __future__ import annotations

from django.contrib import admin

from capuy.accounts.admin_scoping import ScopedAdminMixin
from capuy.handbook.models import CellOfficer, CorrectionRequest, MemberAccount


@admin.register(CorrectionRequest)
class CorrectionRequestAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("member", "field", "proposed", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("member__full_name", "member__card_number")
    readonly_fields = ("member", "field", "proposed", "reason", "created_at")
    fields = ("member", "field", "proposed", "reason", "created_at", "status", "answer")


@admin.register(MemberAccount)
class MemberAccountAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("user", "member", "must_change_password", "created_at")
    search_fields = ("user__username", "member__full_name")
    readonly_fields = ("user", "member", "created_by", "created_at")


@admin.register(CellOfficer)
class CellOfficerAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("member", "cell", "duty")
    search_fields = ("member__full_name", "cell__name")
    raw_id_fields = ("member", "cell")
