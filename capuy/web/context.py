"""Template context shared by every page: the user's office, roles and the menu."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

from capuy.accounts.access import primary_organisation, roles_of
from capuy.accounts.levels import Role
from capuy.web.home import NAV_GROUPS, group_of, nav_items


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"site_name": "capuy"}
    roles = roles_of(user)
    office = primary_organisation(user)
    return {
        "site_name": "capuy",
        "office": office,
        "user_roles": sorted(Role(r).label for r in roles),
        "menu": menu_groups(request, roles),
        "is_capuy_admin": user.is_staff and Role.ADMIN in roles,
    }


def menu_groups(request: HttpRequest, roles: set[str] | frozenset[str]) -> list[dict[str, Any]]:
    """The menu bar: groups (a dropdown each; a group of one item is a plain link) and items of
    no group, in the order of ``NAV_GROUPS`` then of the items. Exactly one item is active: the
    one whose URL is the longest start of the page's path."""
    items: list[dict[str, Any]] = []
    for item in nav_items():
        if item.roles is not None and not (roles & item.roles):
            continue
        url = _nav_url(item.url_name)
        if url is None:
            continue
        items.append({"label": item.label, "url": url, "group": group_of(item), "active": False})
    matching = [i for i in items if request.path.startswith(i["url"])]
    if matching:
        max(matching, key=lambda i: len(i["url"]))["active"] = True
    bar: list[dict[str, Any]] = []
    for key, label in NAV_GROUPS:
        members = [i for i in items if i["group"] == key]
        if members:
            active = any(i["active"] for i in members)
            bar.append({"key": key, "label": label, "items": members, "active": active})
    for alone in items:
        if not alone["group"]:
            bar.append(
                {"key": "", "label": alone["label"], "items": [alone], "active": alone["active"]}
            )
    return bar


_NAV_URLS: dict[tuple[str, str, str], str | None] = {}


def _nav_url(url_name: str) -> str | None:
    """The menu item's URL, reversed once per process, URL configuration and script prefix:
    they do not change while the process runs, and every page draws the menu (~30
    ``reverse()`` calls a page before)."""
    key = (url_name, get_script_prefix(), str(get_urlconf() or settings.ROOT_URLCONF))
    if key not in _NAV_URLS:
        try:
            _NAV_URLS[key] = reverse(url_name)
        except NoReverseMatch:
            _NAV_URLS[key] = None
    return _NAV_URLS[key]
