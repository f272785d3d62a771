"""The administrator's home panel: accounts in their units, and logins locked by throttling."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpRequest

from capuy.accounts.access import organisations_with_role
from capuy.accounts.levels import Role
from capuy.accounts.models import RoleAssignment
from capuy.web.home import HomePanel, register_panel


def admin_panel_context(request: HttpRequest) -> dict[str, Any]:
    from axes.models import AccessAttempt

    units = organisations_with_role(request.user, str(Role.ADMIN)).values("pk")
    assignments = RoleAssignment.objects.filter(organisation__in=units)
    users = User.objects.filter(role_assignments__in=assignments).distinct()
    locked = AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
        username__in=users.values("username"),
    )
    by_role = {label: assignments.filter(role=value).count() for value, label in Role.choices}
    return {
        "active_users": users.filter(is_active=True).count(),
        "inactive_users": users.filter(is_active=False).count(),
        "by_role": by_role,
        "locked": list(locked.order_by("-attempt_time")[:10]),
    }


def register_home() -> None:
    register_panel(
        HomePanel(
            key="accounts_admin",
            title="Quản trị người dùng",
            template="accounts/panels/admin.html",
            context=admin_panel_context,
            roles=frozenset({str(Role.ADMIN)}),
            order=90,
        )
    )
