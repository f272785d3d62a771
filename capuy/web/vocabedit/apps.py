"""App config of the vocabulary editor: its saved versions go into the audit trail."""

from __future__ import annotations

from django.apps import AppConfig


class VocabEditConfig(AppConfig):
    name = "capuy.web.vocabedit"
    label = "vocabedit"
    verbose_name = "Sửa danh mục"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from capuy.accounts.levels import Role
        from capuy.web.home import NavItem, register_nav
        from capuy.web.vocabedit.models import VocabVersion

        auditlog.register(VocabVersion)
        # Administrators reach the editor from the menu, whether or not they are Django staff.
        register_nav(
            NavItem("Danh mục", "vocab_files", roles=frozenset({str(Role.ADMIN)}), order=90)
        )
