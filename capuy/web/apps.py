"""App config of the shared web layer (templates, static files, template tags)."""

from __future__ import annotations

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "capuy.web"
    label = "web"
    verbose_name = "Giao diện chung"

    def ready(self) -> None:
        from capuy.web import (
            checks,  # noqa: F401  (registers the outside-program checks)
            text_boundary,
        )

        text_boundary.connect()  # every record's text in NFC, however it came in
        from capuy.web.jobs import register as register_jobs

        register_jobs()  # the backup as a background job (nightly, and on demand)
        unambiguous_choices()


def unambiguous_choices() -> None:
    """Every model choice list labels a record by its ``choice_label`` when it has one (a cell
    with its parent, a body with its committee), so fifteen "Ban Thường vụ Đảng ủy" are told
    apart in every form, not only in the forms that remember to."""
    from django import forms

    plain = forms.ModelChoiceField.label_from_instance

    def label_from_instance(self: forms.ModelChoiceField, obj: object) -> str:
        label = getattr(obj, "choice_label", None)
        return str(label) if label else plain(self, obj)

    forms.ModelChoiceField.label_from_instance = label_from_instance
