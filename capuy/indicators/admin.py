"""Admin: the indicator catalogue, targets, validation rules (an administrator's vocabulary)."""

from __future__ import annotations

from django.contrib import admin

from capuy.accounts.admin_scoping import ScopedAdminMixin
from capuy.indicators.models import Indicator, IndicatorValue, Target, ValidationRule


@admin.register(Indicator)
class IndicatorAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("code", "name", "unit", "rollup", "source", "required", "position")
    list_editable = ("position",)
    search_fields = ("code", "name")


@admin.register(Target)
class TargetAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("indicator", "organisation", "label", "value", "source")
    list_filter = ("indicator",)
    autocomplete_fields = ("organisation",)


@admin.register(ValidationRule)
class ValidationRuleAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("left", "operator", "right", "right_constant", "message")


@admin.register(IndicatorValue)
class IndicatorValueAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = (
        "indicator",
        "organisation",
        "period_start",
        "period_end",
        "value",
        "submitted_on",
    )
    list_filter = ("indicator",)
    autocomplete_fields = ("organisation",)
    date_hierarchy = "period_start"
