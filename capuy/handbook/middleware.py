"""Two request hooks of the handbook.

- ``FirstLoginMiddleware``: a member whose password was set by the cell (new account or reset)
  must change it before any other page.
- ``ProfileViewLogMiddleware``: every successful GET of a page registered as showing one
  member's personal data (``register_personal_page``) is logged, so the member can see who
  looked at their record — the register's own detail page included, without that app knowing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

__all__ = ["FirstLoginMiddleware", "ProfileViewLogMiddleware", "register_personal_page"]

# URL name → the keyword argument holding the Member's primary key
_PERSONAL_PAGES: dict[str, str] = {"members:detail": "pk"}


def register_personal_page(url_name: str, member_kwarg: str = "pk") -> None:
    _PERSONAL_PAGES[url_name] = member_kwarg


class FirstLoginMiddleware:
    ALLOWED = ("/so-tay/doi-mat-khau/", "/dang-xuat/", "/static/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path.startswith(self.ALLOWED):
            from capuy.handbook.models import MemberAccount

            if MemberAccount.objects.filter(user=user, must_change_password=True).exists():
                return redirect("handbook:change_password")
        return self.get_response(request)


class ProfileViewLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match: Any = getattr(request, "resolver_match", None)
        if (
            match is not None
            and request.method == "GET"
            and response.status_code == 200
            and match.view_name in _PERSONAL_PAGES
        ):
            from capuy.handbook.services import log_profile_view
            from capuy.members.models import Member

            member = Member.objects.filter(
                pk=match.kwargs.get(_PERSONAL_PAGES[match.view_name])
            ).first()
            if member is not None:
                log_profile_view(request.user, member, match.view_name)
        return response
