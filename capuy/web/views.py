"""Shared pages: the home page (per role, built from the registered panels) and health check."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from capuy.accounts.access import primary_organisation, require_role, roles_of
from capuy.web.home import panels


@require_GET
@require_role()
def home(request: HttpRequest) -> HttpResponse:
    """What the user should see first: the panels their roles call for, each one scoped."""
    roles = roles_of(request.user)
    shown = []
    for panel in panels():
        if panel.roles is not None and not (roles & panel.roles):
            continue
        shown.append({"panel": panel, "context": panel.context(request)})
    return render(
        request,
        "web/home.html",
        {"panels": shown, "organisation": primary_organisation(request.user)},
    )


@require_GET
def health(request: HttpRequest) -> HttpResponse:
    """For the benchmark and monitoring: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")
