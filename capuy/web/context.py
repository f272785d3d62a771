"""Template context shared by every page: the user's office, roles and the menu."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from capuy.accounts.access import primary_organisation, roles_of
from capuy.accounts.levels import Role
from capuy.web.home import nav_items


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"site_name": "capuy"}
    roles = roles_of(user)
    menu = []
    for item in nav_items():
        if item.roles is not None and not (roles & item.roles):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        menu.append({"label": item.label, "url": url, "active": request.path.startswith(url)})
    office = primary_organisation(user)
    return {
        "site_name": "capuy",
        "office": office,
        "user_roles": sorted(Role(r).label for r in roles),
        "menu": menu,
        "is_capuy_admin": user.is_staff and Role.ADMIN in roles,
    }
