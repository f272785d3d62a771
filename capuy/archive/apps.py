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
        from auditlog.registry import auditlog

        from capuy.accounts.levels import Role
        from capuy.archive.models import ImportItem, ImportRun
        from capuy.web.home import NavItem, register_nav

        auditlog.register(ImportRun)
        auditlog.register(ImportItem, exclude_fields=["text"])
        from capuy.accounts.scoped import register_scoped

        register_scoped(ImportRun, "organisation")
        register_scoped(ImportItem, "organisation", "classification")
        register_nav(
            NavItem(
                "Nhập kho lưu trữ",
                "archive:upload",
                roles=frozenset({str(Role.CLERK), str(Role.ADMIN)}),
                order=15,
            )
        )
