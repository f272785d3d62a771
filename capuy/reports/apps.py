"""App config: the reports' audit trail and their demo step."""

from __future__ import annotations

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "capuy.reports"
    label = "reports"
    verbose_name = "Báo cáo"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from capuy.reports.demo import load_demo_reports
        from capuy.reports.models import Report, ReportSettings, TemplateOverride
        from capuy.web.demo import register_demo_step

        auditlog.register(Report, exclude_fields=["findings", "provenance"])
        auditlog.register(ReportSettings)
        auditlog.register(TemplateOverride)
        register_demo_step("reports", load_demo_reports, order=40)

        from capuy.web.home import NavItem, register_nav

        register_nav(NavItem("Báo cáo", "reports:list", order=40))
