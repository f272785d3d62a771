"""App config: the member register is personal data, so every model is in the audit trail."""

from __future__ import annotations

from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "capuy.members"
    label = "members"
    verbose_name = "Đảng viên"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from capuy.stats.pages import READ_ROLES
        from capuy.web.home import NavItem, register_nav

        register_nav(NavItem("Đảng viên", "members:list", roles=frozenset(READ_ROLES), order=20))

        from capuy.members.panels import register_home

        register_home()
        from capuy.members.search import register_search

        register_search()

        from capuy.members import models

        for model in (
            models.Member,
            models.MemberEvent,
            models.Affiliation,
            models.Badge,
            models.MemberRating,
            models.OrganisationRating,
        ):
            auditlog.register(model)
