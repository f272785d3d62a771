"""The home page's panels and the navigation menu: slots the record apps fill.

A record app registers, in its ``AppConfig.ready()``::

    from capuy.web.home import HomePanel, NavItem, register_nav, register_panel

    register_panel(HomePanel(
        key="overdue_tasks", title="Nhiệm vụ quá hạn",
        template="meetings/panels/overdue_tasks.html",
        context=lambda request: {"tasks": overdue_tasks_for(request.user)[:10]},
        roles=None, order=30))
    register_nav(NavItem("Văn bản", "documents:list", order=10))

The home view renders the panels whose ``roles`` the user holds (None = every user), in
``order``; each panel's ``context`` callable runs its own (already scoped) queries. The well-
known keys are ``due`` (what is due), ``recent_documents`` and ``overdue_tasks``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

__all__ = ["HomePanel", "NavItem", "nav_items", "panels", "register_nav", "register_panel"]


@dataclass(frozen=True)
class HomePanel:
    key: str
    title: str
    template: str
    context: Callable[[HttpRequest], dict[str, Any]]
    roles: frozenset[str] | None = None
    order: int = 50


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: frozenset[str] | None = None
    order: int = 50


_PANELS: dict[str, HomePanel] = {}
_NAV: dict[str, NavItem] = {}


def register_panel(panel: HomePanel) -> None:
    """Add (or replace, by key) a panel of the home page."""
    _PANELS[panel.key] = panel


def register_nav(item: NavItem) -> None:
    """Add (or replace, by URL name) an entry of the main menu."""
    _NAV[item.url_name] = item


def panels() -> list[HomePanel]:
    return sorted(_PANELS.values(), key=lambda p: (p.order, p.key))


def nav_items() -> list[NavItem]:
    return sorted(_NAV.values(), key=lambda n: (n.order, n.label))
