"""App config: registers the organisation models with the audit trail."""

from __future__ import annotations

from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "capuy.orgs"
    label = "orgs"
    verbose_name = "Tổ chức đảng"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from capuy.orgs.models import Body, CommitteeTerm, Organisation, OrgEvent

        auditlog.register(Organisation)
        auditlog.register(OrgEvent, m2m_fields={"predecessors", "successors"})
        auditlog.register(Body)
        auditlog.register(CommitteeTerm)

        from capuy.web.home import NavItem, register_nav

        register_nav(NavItem("Tổ chức", "orgs:tree", order=80))
