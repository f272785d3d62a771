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

        from capuy.stats.pages import READ_ROLES
        from capuy.web.home import NavItem, register_nav

        register_nav(NavItem("Đơn thư", "petitions:list", roles=frozenset(READ_ROLES), order=40))
        register_nav(
            NavItem("Tiếp dân", "petitions:receptions", roles=frozenset(READ_ROLES), order=41)
        )

        from capuy.petitions import models

        for model in (models.PetitionCase, models.Petition, models.Reception):
            auditlog.register(model)
