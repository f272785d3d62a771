"""Pages of the organisation tree: the units as they stood on any date, and one unit's history.

They live in ``web`` (they were ``capuy.orgs.views``) because they scope by role through
``capuy.accounts``, which sits above ``capuy.orgs``; their templates stay in ``orgs/templates``."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from capuy.accounts.access import get_scoped_object_or_404, require_role
from capuy.accounts.models import RoleAssignment
from capuy.orgs.history import name_at, organisation_tree, predecessors_of, successors_of
from capuy.orgs.models import Organisation, OrgEvent
from capuy.text import parse_date


def _roots(request: HttpRequest) -> list[Organisation]:
    """The top units the user covers (their assignments, minus those inside another)."""
    user = request.user
    if user.is_superuser:
        return list(Organisation.objects.filter(parent__isnull=True))
    orgs = {
        a.organisation
        for a in RoleAssignment.objects.filter(user=user).select_related("organisation")
    }
    return sorted(
        (o for o in orgs if not any(p != o and o.path.startswith(p.path) for p in orgs)),
        key=lambda o: o.path,
    )


def _requested_date(request: HttpRequest) -> tuple[dt.date, str]:
    """The ?ngay= date (dd/mm/yyyy), today if absent; an error message if unreadable."""
    raw = request.GET.get("ngay", "").strip()
    today = timezone.localdate()
    if not raw:
        return today, ""
    try:
        day = parse_date(raw)
    except ValueError:
        day = None
    if day is None:
        return (
            today,
            f"Ngày “{raw}” không hợp lệ; hãy nhập theo dạng ngày/tháng/năm, ví dụ 26/02/2024.",
        )
    return day, ""


@require_GET
@require_role()
def tree(request: HttpRequest) -> HttpResponse:
    """The units under the user's offices on a chosen date; the list is redrawn by HTMX."""
    day, error = _requested_date(request)
    trees = [organisation_tree(root, at=day) for root in _roots(request)]
    rows = [(depth, org) for node in trees for depth, org in node.walk()]
    template = "orgs/_tree.html" if request.headers.get("HX-Request") else "orgs/tree.html"
    return render(request, template, {"rows": rows, "day": day, "error": error, "count": len(rows)})


@require_GET
@require_role()
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One unit: names over time, reorganisations, bodies with their symbol codes, terms."""
    org = get_scoped_object_or_404(Organisation.objects.all(), request.user, org_field="pk", pk=pk)
    events = (
        OrgEvent.objects.filter(predecessors=org) | OrgEvent.objects.filter(successors=org)
    ).distinct()
    return render(
        request,
        "orgs/detail.html",
        {
            "org": org,
            "ancestors": org.ancestors(),
            "events": events.prefetch_related("predecessors", "successors"),
            "predecessors": predecessors_of(org),
            "successors": successors_of(org),
            "bodies": org.bodies.all(),
            "terms": org.terms.all(),
            "children": org.children.order_by("valid_to", "position", "name"),
            "original_name": name_at(org, dt.date.min),
        },
    )
