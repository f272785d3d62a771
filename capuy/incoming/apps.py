"""App config: the incoming register in the audit trail and the scope registry, its menu
entry, its home panel of arrivals waiting for the user, and its demo arrivals."""

from __future__ import annotations

from django.apps import AppConfig


class IncomingConfig(AppConfig):
    name = "capuy.incoming"
    label = "incoming"
    verbose_name = "Văn bản đến"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from capuy.accounts.scoped import register_scoped
        from capuy.incoming.models import Arrival, ArrivalCounter, Step

        auditlog.register(Arrival, exclude_fields=["text", "search_text"])
        auditlog.register(Step)
        auditlog.register(ArrivalCounter)
        register_scoped(Arrival, "organisation", "classification")
        register_scoped(Step, "arrival__organisation", "arrival__classification")
        register_scoped(ArrivalCounter, "organisation")

        from capuy.incoming.panels import register_home

        register_home()

        from capuy.incoming.demo import load_demo_arrivals
        from capuy.web.demo import register_demo_step

        register_demo_step("incoming", load_demo_arrivals, order=12, label="Văn bản đến")
