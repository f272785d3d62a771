"""App config: the reports' audit trail and their demo step."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "capuy.reports"
    label = "reports"
    verbose_name = "Báo cáo"

    def ready(self) -> None:
        from capuy.reports.search import register_search

        register_search()
        from capuy.reports.sections import register as register_sections

        register_sections()  # its own section of a composed report
        from capuy.reports.jobs import register as register_jobs

        register_jobs()  # the report's PDF as a background job
        from auditlog.registry import auditlog

        from capuy.reports.demo import load_demo_reports
        from capuy.reports.models import Report, ReportSettings, TemplateOverride
        from capuy.web.demo import register_demo_step

        auditlog.register(Report, exclude_fields=["findings", "provenance"])
        auditlog.register(ReportSettings)
        auditlog.register(TemplateOverride)

        from capuy.accounts.scoped import register_scoped

        register_scoped(Report, "organisation", "classification")
        register_scoped(ReportSettings, "organisation")
        from capuy.reports.models import FindingDismissal, ReportVersion

        register_scoped(ReportVersion, "report__organisation", "report__classification")
        register_scoped(FindingDismissal, "report__organisation", "report__classification")
        auditlog.register(FindingDismissal)
        auditlog.register(ReportVersion, exclude_fields=["body"])  # the text is the version itself
        register_demo_step("reports", load_demo_reports, order=40, label="Báo cáo")

        from capuy.web.home import HomePanel, NavItem, register_nav, register_panel

        register_nav(NavItem("Báo cáo", "reports:list", order=40))
        register_panel(
            HomePanel(
                key="reports_due",
                title="Báo cáo chưa gửi cấp trên",
                template="reports/panels/due.html",
                context=_due_reports,
                order=25,
            )
        )


def _due_reports(request: Any) -> dict[str, Any]:
    """The user's reports not yet submitted, nearest deadline first (a reminder)."""
    from django.utils import timezone

    from capuy.reports.views import visible_reports

    pending = visible_reports(request.user).filter(submitted_on__isnull=True).order_by("due_on")
    return {"reports": list(pending[:10]), "today": timezone.localdate()}
