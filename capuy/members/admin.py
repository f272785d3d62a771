"""Admin: badges and organisation ratings (members themselves are entered on the pages)."""

from __future__ import annotations

from django.contrib import admin

from capuy.accounts.admin_scoping import ScopedAdminMixin
from capuy.members.models import Badge, OrganisationRating


@admin.register(Badge)
class BadgeAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("member", "years", "awarded_on", "decision")
    raw_id_fields = ("member",)


@admin.register(OrganisationRating)
class OrganisationRatingAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("organisation", "year_shown", "rating")
    list_filter = ("year", "rating")
    autocomplete_fields = ("organisation",)

    @admin.display(description="năm", ordering="year")
    def year_shown(self, obj: OrganisationRating) -> str:
        return str(obj.year)  # "2024", never "2.024"
