"""App config: registers users, roles and clearances with the audit trail."""

from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "capuy.accounts"
    label = "accounts"
    verbose_name = "Người dùng và phân quyền"

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.contrib.auth import get_user_model

        from capuy.accounts.models import Profile, RoleAssignment

        auditlog.register(
            get_user_model(),
            exclude_fields=["last_login"],
            mask_fields=["password"],
            m2m_fields={"groups"},
        )
        auditlog.register(RoleAssignment)
        # a person's name in Vietnamese order everywhere Django writes it (the admin, the audit
        # trail, templates): family and middle names (last_name) first, "Nguyễn Thị Lan"
        get_user_model().get_full_name = _vietnamese_full_name
        auditlog.register(Profile)

        from capuy.accounts.panels import register_home

        register_home()


def _vietnamese_full_name(user: object) -> str:
    last, first = getattr(user, "last_name", ""), getattr(user, "first_name", "")
    return f"{last} {first}".strip()
