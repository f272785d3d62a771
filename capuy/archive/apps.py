"""App config: the intake journal is audited, and the import pages join the menu."""

from __future__ import annotations

from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "capuy.archive"
    label = "archive"
    verbose_name = "Nhập kho lưu trữ"

    def ready(self) -> None:
        from capuy.archive.background import register as register_jobs

        register_jobs()  # an upload's import as a background job
        from capuy.archive.checks import register as register_checks

        register_checks()  # the archive-wide check as a background job
        from auditlog.registry import auditlog

        from capuy.accounts.levels import Role
        from capuy.archive.models import DocumentCheck, ImportItem, ImportRun
        from capuy.web.home import NavItem, register_nav

        auditlog.register(ImportRun)
        auditlog.register(ImportItem, exclude_fields=["text"])
        from capuy.accounts.scoped import register_scoped

        register_scoped(ImportRun, "organisation")
        register_scoped(ImportItem, "organisation", "classification")
        # DocumentCheck stays out of the audit trail: it is derived (the checker's findings on
        # a document's stored text, rewritten by every archive check — 100.000 log entries per
        # run of a large archive); who started the check and when is audited on jobs.Job.
        register_scoped(DocumentCheck, "organisation", "classification")
        from capuy.archive.check_views import section_context
        from capuy.documents.detail_sections import DetailSection, register_detail_section

        register_detail_section(
            DetailSection("archive_check", "archive/_check_section.html", section_context, 60)
        )
        register_nav(
            NavItem(
                "Nhập kho lưu trữ",
                "archive:upload",
                roles=frozenset({str(Role.CLERK), str(Role.ADMIN)}),
                order=15,
            )
        )
        register_nav(
            NavItem(
                "Soát lỗi kho lưu trữ",
                "archive:checks",
                roles=frozenset({str(Role.CLERK), str(Role.ADMIN), str(Role.LEADER)}),
                order=16,
            )
        )
