"""Admin pages: report templates (an administrator edits the YAML; it is checked before it is
kept), the committees' reporting settings, and the reports themselves (read-mostly)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin

from capuy.accounts.admin_scoping import ScopedAdminMixin
from capuy.errors import InputError
from capuy.reports.models import Report, ReportSettings, TemplateOverride
from capuy.reports.templating import REQUIRED, default_text, fill, parse_template_text


class TemplateOverrideForm(forms.ModelForm):
    class Meta:
        model = TemplateOverride
        fields = ["kind", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 40, "cols": 120, "spellcheck": "false"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.initial.get("kind") or self.data.get("kind")
        if not self.instance.pk and kind and not self.initial.get("text"):
            self.initial["text"] = default_text(str(kind))

    def clean_text(self) -> str:
        text = str(self.cleaned_data["text"])
        try:
            data = parse_template_text(text)
            if data.get("base"):
                return text
            missing = [key for key in REQUIRED if key not in data]
            if missing:
                raise InputError(f"Mẫu thiếu: {', '.join(missing)}", "missing keys")
            for key in ("summary", "body"):
                fill(str(data[key]), {})  # syntax errors show here, not in a report
        except InputError as error:
            raise forms.ValidationError(error.vi) from None
        return text


@admin.register(TemplateOverride)
class TemplateOverrideAdmin(ScopedAdminMixin, admin.ModelAdmin):
    form = TemplateOverrideForm
    list_display = ("kind", "updated_at")


@admin.register(ReportSettings)
class ReportSettingsAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("organisation", "window_rule", "place", "signer_name")
    autocomplete_fields = ("organisation",)


@admin.register(Report)
class ReportAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ("organisation", "kind", "period", "state", "due_on", "submitted_on")
    list_filter = ("kind", "state")
    search_fields = ("title", "organisation__name")
    readonly_fields = (
        "findings",
        "provenance",
        "document",
        "approved_by",
        "approved_at",
        "issued_by",
        "issued_at",
        "submitted_by",
        "submitted_on",
    )
