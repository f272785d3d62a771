"""App config: the one-time form tokens (no pages; used by the apps that create records)."""

from __future__ import annotations

from django.apps import AppConfig


class FormTokensConfig(AppConfig):
    name = "capuy.formtokens"
    label = "formtokens"
    verbose_name = "Phiếu gửi biểu mẫu"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from capuy.formtokens.models import FormToken

        auditlog.register(FormToken)
