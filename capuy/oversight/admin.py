"""Admin: asset-declaration verifications."""

from __future__ import annotations

from django.contrib import admin

from capuy.accounts.admin_scoping import ScopedAdminMixin
from capuy.oversight.models import AssetVerification


@admin.register(AssetVerification)
class AssetVerificationAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("member", "organisation", "declaration_year", "verified_on", "outcome")
    raw_id_fields = ("member",)
    autocomplete_fields = ("organisation",)
