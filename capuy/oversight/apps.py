"""App config: inspections, supervisions and discipline are in the audit trail."""

from __future__ import annotations

from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "capuy.oversight"
    label = "oversight"
    verbose_name = "Kiểm tra, giám sát, kỷ luật"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from capuy.oversight.synth import register as register_synth

        register_synth()

        from capuy.oversight.stats import register as register_stats

        register_stats()
        from capuy.oversight.report_sections import register as register_report_sections

        register_report_sections()  # its sections of a composed report

        from capuy.web.home import NavItem, register_nav
        from capuy.web.records import READ_ROLES

        register_nav(
            NavItem("Kiểm tra, giám sát", "oversight:list", roles=frozenset(READ_ROLES), order=30)
        )
        register_nav(
            NavItem("Kỷ luật", "oversight:discipline", roles=frozenset(READ_ROLES), order=31)
        )

        from capuy.oversight import models

        for model in (
            models.Oversight,
            models.OversightSubject,
            models.DisciplineDecision,
            models.AssetVerification,
        ):
            auditlog.register(model)

        from capuy.accounts.scoped import register_scoped

        for model in (models.Oversight, models.DisciplineDecision, models.AssetVerification):
            register_scoped(model, "organisation")
        register_scoped(models.OversightSubject, "oversight__organisation")
