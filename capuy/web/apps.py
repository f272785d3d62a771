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
