"""Pages of petitions (letters and cases) and of receptions and dialogues (scoped)."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from capuy.accounts.access import get_scoped_object_or_404, has_role, require_role, scope_queryset
from capuy.petitions.forms import HandlingForm, PetitionForm, ReceptionForm
from capuy.petitions.models import Petition, PetitionCase, Reception
from capuy.web.records import ENTRY_ROLES, READ_ROLES, record_list_page


@transaction.atomic
def _register_petition(form: PetitionForm) -> Petition:
    """The petition of a valid entry form, in a new case when one is named."""
    d = form.cleaned_data
    case = d["case"]
    if case is None and d["new_case"]:
        case = PetitionCase.objects.create(
            organisation=d["organisation"], title=d["new_case"], opened_on=d["received_on"]
        )
    return Petition.objects.create(
        organisation=d["organisation"],
        case=case,
        kind=d["kind"],
        received_on=d["received_on"],
        sender=d["sender"],
        summary=d["summary"],
        jurisdiction=d["jurisdiction"],
        handling=d["handling"],
        handled_on=d["handled_on"],
        handled_by=d["handled_by"],
    )


def _petition_row(p: Petition) -> list[object]:
    return [
        p.received_on.strftime("%d/%m/%Y"),
        p.get_kind_display(),
        p.summary,
        p.case or "",
        p.get_jurisdiction_display(),
        {
            "text": p.get_handling_display() or "chưa xử lý",
            "url": reverse("petitions:handle", args=[p.pk]),
        },
        p.handled_on.strftime("%d/%m/%Y") if p.handled_on else "",
        p.organisation,
    ]


@require_http_methods(["GET", "POST"])
@require_role(*READ_ROLES)
def petition_list(request: HttpRequest) -> HttpResponse:
    records = scope_queryset(Petition.objects.select_related("organisation", "case"), request.user)
    form = (
        PetitionForm(request.POST or None, user=request.user)
        if has_role(request.user, *ENTRY_ROLES)
        else None
    )
    return record_list_page(
        request,
        title="Đơn thư",
        lead="Đơn thư tiếp nhận, phân loại và xử lý.",
        records=records.order_by("-received_on", "-pk"),
        columns=[
            "Ngày nhận",
            "Loại",
            "Nội dung",
            "Vụ việc",
            "Thẩm quyền",
            "Xử lý",
            "Ngày xử lý",
            "Cấp ủy",
        ],
        row=_petition_row,
        form=form,
        form_title="Vào sổ đơn thư",
        save=_register_petition,
    )


@require_http_methods(["GET", "POST"])
@require_role(*READ_ROLES)
def reception_list(request: HttpRequest) -> HttpResponse:
    records = scope_queryset(Reception.objects.select_related("organisation"), request.user)
    form = (
        ReceptionForm(request.POST or None, user=request.user)
        if has_role(request.user, *ENTRY_ROLES)
        else None
    )
    return record_list_page(
        request,
        title="Tiếp dân, đối thoại",
        lead="Tiếp công dân và đối thoại trực tiếp của bí thư cấp ủy với Nhân dân.",
        records=records.order_by("-date", "-pk"),
        columns=[
            "Ngày",
            "Hình thức",
            "Địa điểm",
            "Chủ trì",
            "Tham dự",
            "Ý kiến",
            "Đã giải quyết",
            "Cấp ủy",
        ],
        row=lambda r: [
            r.date.strftime("%d/%m/%Y"),
            r.get_kind_display(),
            r.place,
            r.host,
            r.attendance,
            r.opinions_raised,
            r.opinions_resolved,
            r.organisation,
        ],
        form=form,
        form_title="Ghi buổi tiếp dân, đối thoại",
        save=lambda f: f.save(),
    )


@require_http_methods(["GET", "POST"])
@require_role(*ENTRY_ROLES)
def handle(request: HttpRequest, pk: int) -> HttpResponse:
    letter = get_scoped_object_or_404(Petition.objects.all(), request.user, pk=pk)
    form = HandlingForm(request.POST or None, letter=letter)
    if request.method == "POST" and form.is_valid():
        letter.handled_by = form.cleaned_data["handled_by"]
        letter.save()
        messages.success(request, "Đã ghi kết quả xử lý đơn.")
        return redirect("petitions:list")
    return render(request, "petitions/handle.html", {"letter": letter, "form": form})
