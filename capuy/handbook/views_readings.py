"""What the cell has sent its members to read, and who has read it (read receipts), for the
cell's secretary and the committee office (``cell_or_404``: anyone else gets 404)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from capuy.accounts.access import clearance_of
from capuy.handbook.models import Reading, ReadingMark
from capuy.handbook.scope import cell_or_404
from capuy.handbook.services import cell_members

REGISTER_CHOICES = 200


def register_for(user: Any) -> QuerySet[Any]:
    """The latest documents of the register the user may see (scope and clearance), to send."""
    from capuy.documents.models import Document
    from capuy.documents.queries import visible_documents

    latest = visible_documents(user).order_by("-issued_on", "-pk").values_list("pk", flat=True)
    pks = list(latest[:REGISTER_CHOICES])
    return Document.objects.filter(pk__in=pks).order_by("-issued_on", "-pk")


def cell_readings(user: Any, cell: Any) -> QuerySet[Reading]:
    """Readings that reach the cell (sent to it or to a unit above), within the user's clearance."""
    ancestors = [int(p) for p in cell.path.strip("/").split("/") if p]
    return Reading.objects.filter(
        organisation_id__in=ancestors, classification__lte=clearance_of(user)
    )


def _reached(cell: Any, reading: Reading) -> QuerySet[Any]:
    """The cell's members a reading reaches: every member, or only those cleared for it."""
    members = cell_members(cell.pk)
    if reading.classification:
        members = members.filter(
            account__user__capuy_profile__clearance__gte=reading.classification
        )
    return members


@login_required
@require_http_methods(["GET"])
def readings(request: HttpRequest, cell_id: int) -> HttpResponse:
    cell = cell_or_404(request.user, cell_id)
    rows = list(
        cell_readings(request.user, cell).annotate(
            read=Count(
                "marks",
                filter=Q(
                    marks__read_at__isnull=False,
                    marks__member__organisation=cell,
                    marks__member__left_on__isnull=True,
                ),
            )
        )[:100]
    )
    table = [{"reading": r, "read": r.read, "reached": _reached(cell, r).count()} for r in rows]
    return render(request, "handbook/cell_readings.html", {"cell": cell, "rows": table})


@login_required
@require_http_methods(["GET"])
def receipts(request: HttpRequest, cell_id: int, pk: int) -> HttpResponse:
    cell = cell_or_404(request.user, cell_id)
    reading = cell_readings(request.user, cell).filter(pk=pk).first()
    if reading is None:
        raise Http404("Không tìm thấy.")
    marks = {
        m.member_id: m
        for m in ReadingMark.objects.filter(reading=reading, member__organisation=cell)
    }
    members = list(_reached(cell, reading).order_by("full_name", "pk"))
    rows = [{"member": m, "read_at": getattr(marks.get(m.pk), "read_at", None)} for m in members]
    return render(
        request,
        "handbook/cell_receipts.html",
        {
            "cell": cell,
            "reading": reading,
            "read": [r for r in rows if r["read_at"]],
            "unread": [r for r in rows if not r["read_at"]],
        },
    )
