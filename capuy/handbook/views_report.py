"""The committee's view of its cells: attendance at cell meetings for a month, rolled up."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from capuy.accounts.access import get_scoped_object_or_404, primary_organisation, require_role
from capuy.handbook.stats import attendance_rollup
from capuy.orgs.models import Organisation
from capuy.web.records import READ_ROLES


def month_from(text: str | None) -> dt.date:
    """``MM/YYYY`` from the query string; this month otherwise."""
    try:
        return dt.datetime.strptime((text or "").strip()[:7], "%m/%Y").date().replace(day=1)
    except ValueError:
        return timezone.localdate().replace(day=1)


@require_http_methods(["GET"])
@require_role(*READ_ROLES)
def attendance_report(request: HttpRequest, org_id: int | None = None) -> HttpResponse:
    if org_id is None:
        unit = primary_organisation(request.user)
        if unit is None:
            return render(request, "handbook/attendance_report.html", {"total": None})
        return redirect("handbook:attendance_report_unit", org_id=unit.pk)
    unit = get_scoped_object_or_404(
        Organisation.objects.all(), request.user, org_field="pk", pk=org_id
    )
    month = month_from(request.GET.get("thang"))
    return render(
        request,
        "handbook/attendance_report.html",
        {"total": attendance_rollup(unit, month), "unit": unit, "month": month},
    )
