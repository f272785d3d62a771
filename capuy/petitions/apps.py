"""App config: petitions and receptions are in the audit trail."""

from __future__ import annotations

from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "capuy.petitions"
    label = "petitions"
    verbose_name = "Đơn thư, tiếp dân, đối thoại"

    def ready(self) -> None:
        from capuy.petitions.search import register_search

        register_search()
        from auditlog.registry import auditlog

        from capuy.petitions.synth import register as register_synth

        register_synth()

        from capuy.petitions.stats import register as register_stats

        register_stats()
        from capuy.petitions.report_sections import register as register_report_sections

        register_report_sections()  # its sections of a composed report

        from capuy.web.home import NavItem, register_nav
        from capuy.web.records import READ_ROLES

        register_nav(NavItem("Đơn thư", "petitions:list", roles=frozenset(READ_ROLES), order=40))
        register_nav(
            NavItem("Tiếp dân", "petitions:receptions", roles=frozenset(READ_ROLES), order=41)
        )

        from capuy.petitions import models

        for model in (models.PetitionCase, models.Petition, models.Reception):
            auditlog.register(model)

        from capuy.accounts.scoped import register_scoped

        for model in (models.PetitionCase, models.Petition, models.Reception):
            register_scoped(model, "organisation")
