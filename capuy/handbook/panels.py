"""The handbook's entry on the home page and in the menu (every user: the page decides)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def _context(request: HttpRequest) -> dict[str, Any]:
    from capuy.accounts.access import has_role
    from capuy.handbook.models import Notification
    from capuy.handbook.scope import OFFICE_ROLES, managed_cells, member_of

    member = member_of(request.user)
    return {
        "member": member,
        "unread": Notification.objects.filter(user=request.user, read_at__isnull=True).count(),
        "cells": managed_cells(request.user),
        "office": has_role(request.user, *OFFICE_ROLES),
    }


def register_home() -> None:
    from capuy.handbook.scope import OFFICE_ROLES
    from capuy.web.home import HomePanel, NavItem, register_nav, register_panel

    register_panel(
        HomePanel(
            key="handbook",
            title="Sổ tay đảng viên",
            template="handbook/panels/handbook.html",
            context=_context,
            roles=None,
            order=5,
        )
    )
    from capuy.web.records import READ_ROLES

    register_nav(
        NavItem(
            "Sinh hoạt chi bộ",
            "handbook:attendance_report",
            roles=frozenset(READ_ROLES),
            order=72,
        )
    )
    register_nav(
        NavItem(
            "Chi bộ",
            "handbook:cells",
            roles=frozenset(OFFICE_ROLES),
            order=70,
        )
    )
