"""Admin: asset-declaration verifications."""

from __future__ import annotations

from django.contrib import admin

from capuy.accounts.admin_scoping import ScopedAdminMixin
from capuy.oversight.models import AssetVerification


@admin.register(AssetVerification)
class AssetVerificationAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("member", "organisation", "year_shown", "verified_on", "outcome")
    raw_id_fields = ("member",)
    autocomplete_fields = ("organisation",)

    @admin.display(description="năm kê khai", ordering="declaration_year")
    def year_shown(self, obj: AssetVerification) -> str:
        return str(obj.declaration_year)  # "2023", never "2.023"
