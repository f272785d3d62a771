"""Documents sent to all the members of a unit (a ward's, a town's party organisation) by its
committee office: the specialists and administrators choose one of their units, a document of
the register or a typed text; every member below it (within each member's clearance) gets it
in the handbook and a notification. Each cell's secretary sees who has read it on the cell's
receipts page; here the office sees the totals."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from capuy.accounts.access import clearance_of, organisations_with_role
from capuy.handbook.forms import ReadingForm
from capuy.handbook.models import Reading
from capuy.handbook.scope import OFFICE_ROLES
from capuy.handbook.services import publish_reading
from capuy.handbook.views_readings import register_for
from capuy.members.models import Member

CELL_KINDS = ("chi_bo_truc_thuoc", "chi_bo_co_so")
MAX_UNITS = 300


@login_required
@require_http_methods(["GET", "POST"])
def send_to_all(request: HttpRequest) -> HttpResponse:
    units = organisations_with_role(request.user, *OFFICE_ROLES).exclude(kind__in=CELL_KINDS)
    choices = list(units.order_by("tree_key")[:MAX_UNITS])
    if not choices:
        raise Http404("Không tìm thấy.")
    form = ReadingForm(
        request.POST or None,
        prefix="tl",
        max_classification=clearance_of(request.user),
        register=register_for(request.user),
    )
    error = ""
    if request.method == "POST":
        raw = str(request.POST.get("don_vi", ""))[:12]
        unit = units.filter(pk=int(raw)).first() if raw.isdigit() else None
        if unit is None:
            error = "Chọn đơn vị nhận tài liệu."
        elif form.is_valid():
            reading = form.save(commit=False)
            reading.organisation = unit
            with transaction.atomic():
                sent = publish_reading(reading, lambda r: reverse("handbook:reading", args=[r.pk]))
            messages.success(request, f"Đã gửi tài liệu đến {sent} đảng viên của {unit}.")
            return redirect("handbook:send_to_all")
    sent_rows = (
        Reading.objects.filter(
            organisation__in=choices, classification__lte=clearance_of(request.user)
        )
        .select_related("organisation")
        .annotate(read=Count("marks", filter=Q(marks__read_at__isnull=False)))[:30]
    )
    rows = [
        {
            "reading": r,
            "read": r.read,
            "reached": Member.objects.filter(
                organisation__path__startswith=r.organisation.path, left_on__isnull=True
            ).count(),
        }
        for r in sent_rows
    ]
    return render(
        request,
        "handbook/send_to_all.html",
        {"form": form, "units": choices, "rows": rows, "error": error},
    )
