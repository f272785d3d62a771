"""The home page's panels and the navigation menu: slots the record apps fill.

A record app registers, in its ``AppConfig.ready()``::

    from capuy.web.home import HomePanel, NavItem, register_nav, register_panel

    register_panel(HomePanel(
        key="overdue_tasks", title="Nhiệm vụ quá hạn",
        template="meetings/panels/overdue_tasks.html",
        context=lambda request: {"tasks": overdue_tasks_for(request.user)[:10]},
        roles=None, order=30))
    register_nav(NavItem("Văn bản", "documents:list", order=10))

An item falls into a group of the menu (a dropdown: ``NAV_GROUPS``) by ``group=`` (a group's
key), else by its URL's namespace (``NAMESPACE_GROUPS``: "incoming:list" goes under Văn bản);
an item of no known group stands alone in the menu bar.

The home view renders the panels whose ``roles`` the user holds (None = every user), in
``order``; each panel's ``context`` callable runs its own (already scoped) queries. The well-
known keys are ``due`` (what is due), ``recent_documents`` and ``overdue_tasks``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

__all__ = [
    "NAV_GROUPS",
    "HomePanel",
    "NavItem",
    "group_of",
    "nav_items",
    "panels",
    "register_nav",
    "register_panel",
]

# The menu's groups, in the order of the bar: (key, label). Seven groups fit one line of a
# 1366 px laptop where thirteen items wrapped to two.
NAV_GROUPS: tuple[tuple[str, str], ...] = (
    ("van_ban", "Văn bản"),
    ("hoi_nghi", "Hội nghị – Nhiệm vụ"),
    ("dang_vien", "Đảng viên"),
    ("kiem_tra", "Kiểm tra – Kỷ luật"),
    ("don_thu", "Đơn thư – Tiếp dân"),
    ("so_lieu", "Số liệu – Báo cáo"),
    ("to_chuc", "Tổ chức"),
)
# Where an item registered without ``group=`` goes, by its URL name's namespace (or whole name).
NAMESPACE_GROUPS: dict[str, str] = {
    "documents": "van_ban",
    "incoming": "van_ban",
    "archive": "van_ban",
    "citations": "van_ban",
    "meetings": "hoi_nghi",
    "meetingroom": "hoi_nghi",
    "members": "dang_vien",
    "handbook": "dang_vien",
    "dues": "dang_vien",
    "oversight": "kiem_tra",
    "petitions": "don_thu",
    "indicators": "so_lieu",
    "reports": "so_lieu",
    "orgs": "to_chuc",
    "vocab_files": "to_chuc",
}


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
    group: str = ""  # a key of NAV_GROUPS; empty: by the URL's namespace


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


def group_of(item: NavItem) -> str:
    """The key of the menu group ``item`` falls into ("" when it stands alone)."""
    known = {key for key, _ in NAV_GROUPS}
    if item.group in known:
        return item.group
    namespace = item.url_name.split(":", 1)[0]
    return NAMESPACE_GROUPS.get(namespace, "")
