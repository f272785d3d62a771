"""Pages of the incoming register. Every query goes through ``capuy.incoming.queries``
(scoped by unit and clearance), so an arrival out of the user's reach answers 404 by list or
URL; acting on one needs the role on its unit as well (403)."""

from __future__ import annotations

import re
from typing import Any

from auditlog.context import set_actor
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from capuy.accounts.access import has_role, require_role
from capuy.accounts.levels import Role
from capuy.documents.forms import REGISTERING_ROLES, clerk_organisations
from capuy.documents.history import changes_of
from capuy.formtokens.api import TOKEN_FIELD, clean_token, done_with, new_token, remember
from capuy.incoming.forms import (
    SENDERS_LIST,
    ArrivalForm,
    CorrectionForm,
    FilterForm,
    FinishForm,
    RouteForm,
)
from capuy.incoming.models import OPEN_STATES, Arrival
from capuy.incoming.queries import get_visible_arrival, previous_senders, visible_arrivals
from capuy.incoming.services import finish, peek_arrival_number, register_arrival, reopen, route
from capuy.text import search_key

PAGE_SIZE = 25
ROUTING_ROLES = (str(Role.CLERK), str(Role.LEADER), str(Role.ADMIN))


def _filtered(request: HttpRequest) -> tuple[FilterForm, Any]:
    form = FilterForm(request.GET or None)
    arrivals = visible_arrivals(request.user)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        for word in search_key(data.get("q") or "").split():
            arrivals = arrivals.filter(search_text__contains=word)
        state = data.get("tinh_trang")
        if state == "qua_han":
            arrivals = arrivals.filter(state__in=OPEN_STATES, deadline__lt=timezone.localdate())
        elif state == "cua_toi":
            arrivals = arrivals.filter(state__in=OPEN_STATES, handler=request.user)
        elif state:
            arrivals = arrivals.filter(state=state)
        if data.get("nam"):
            arrivals = arrivals.filter(year=data["nam"])
    return form, arrivals.order_by("-year", "organisation__tree_key", "-number")


@require_GET
@require_role()
def arrival_list(request: HttpRequest) -> HttpResponse:
    form, arrivals = _filtered(request)
    page = Paginator(arrivals, PAGE_SIZE).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "today": timezone.localdate(),
        "can_register": clerk_organisations(request.user).exists(),
    }
    return render(request, "incoming/list.html", context)


@require_http_methods(["GET", "POST"])
@require_role(*REGISTERING_ROLES)
def arrival_new(request: HttpRequest) -> HttpResponse:
    token = clean_token(request.POST.get(TOKEN_FIELD)) or new_token()
    if request.method == "POST" and (done := done_with(token, request.user)) is not None:
        messages.warning(request, "Văn bản này đã được vào sổ ở lần gửi trước; không cấp số mới.")
        return redirect("incoming:detail", pk=done.pk)
    form = ArrivalForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            arrival = register_arrival(
                organisation=data["organisation"],
                received_on=data["received_on"],
                user=request.user,
                sender=data["sender"].strip(),
                sender_symbol=data["sender_symbol"],
                sender_date=data["sender_date"],
                type_code=data["type_code"],
                summary=data["summary"].strip(),
                classification=data["classification"],
                urgency=data["urgency"],
                deadline=data["deadline"],
                attachment=data.get("attachment") or "",
                text=getattr(form, "attachment_text", ""),
            )
            remember(token, request.user, arrival)
        except ValidationError as error:
            for field, errors in getattr(
                error, "message_dict", {"__all__": error.messages}
            ).items():
                form.add_error(field if field in form.fields else None, errors)
        except IntegrityError:
            if (done := done_with(token, request.user)) is None:
                raise
            return redirect("incoming:detail", pk=done.pk)
        else:
            messages.success(
                request,
                f"Đã vào sổ văn bản đến: số đến {arrival.number} ngày {arrival.received_on:%d/%m/%Y}.",
            )
            return redirect("incoming:detail", pk=arrival.pk)
    organisations = clerk_organisations(request.user)
    first = organisations.order_by("tree_key").first()
    context = {
        "form": form,
        "form_token": token,
        "senders": previous_senders(request.user, organisations),
        "senders_list": SENDERS_LIST,
        "next_number": peek_arrival_number(first, timezone.localdate().year) if first else None,
        "this_year": timezone.localdate().year,
    }
    return render(request, "incoming/new.html", context)


def _may_route(user: Any, arrival: Arrival) -> bool:
    return has_role(user, *ROUTING_ROLES, organisation=arrival.organisation)


def _may_finish(user: Any, arrival: Arrival) -> bool:
    return arrival.handler_id == user.pk or _may_route(user, arrival)


@require_GET
@require_role()
def arrival_detail(request: HttpRequest, pk: int) -> HttpResponse:
    arrival = get_visible_arrival(request.user, pk)
    steps = arrival.steps.select_related("actor", "leader", "to_user")
    may_route, may_finish = _may_route(request.user, arrival), _may_finish(request.user, arrival)
    context = {
        "arrival": arrival,
        "steps": steps,
        "route_form": RouteForm(arrival=arrival) if may_route else None,
        "finish_form": FinishForm() if may_finish and arrival.is_open else None,
        "may_reopen": may_route and not arrival.is_open,
        "may_correct": has_role(
            request.user, *REGISTERING_ROLES, organisation=arrival.organisation
        ),
        "history": changes_of(arrival),
        "today": timezone.localdate(),
    }
    return render(request, "incoming/detail.html", context)


@require_POST
@require_role()
def arrival_route(request: HttpRequest, pk: int) -> HttpResponse:
    arrival = get_visible_arrival(request.user, pk)
    if not _may_route(request.user, arrival):
        raise PermissionDenied("Chỉ văn thư, lãnh đạo của cấp ủy giữ sổ được chuyển xử lý.")
    form = RouteForm(request.POST, arrival=arrival)
    if not form.is_valid():
        steps = arrival.steps.select_related("actor", "leader", "to_user")
        context = {"arrival": arrival, "steps": steps, "route_form": form, "today": timezone.localdate(),
                   "history": changes_of(arrival), "finish_form": None}  # fmt: skip
        return render(request, "incoming/detail.html", context, status=400)
    data = form.cleaned_data
    step = route(
        arrival,
        actor=request.user,
        to_user=data["to_user"],
        instruction=data["instruction"],
        leader=data["leader"],
        deadline=data["deadline"],
    )
    name = f"{step.to_user.last_name} {step.to_user.first_name}".strip() or step.to_user.username
    messages.success(request, f"Đã chuyển {name} xử lý văn bản đến số {arrival.number}.")
    return redirect("incoming:detail", pk=arrival.pk)


@require_POST
@require_role()
def arrival_finish(request: HttpRequest, pk: int) -> HttpResponse:
    arrival = get_visible_arrival(request.user, pk)
    if not _may_finish(request.user, arrival):
        raise PermissionDenied("Chỉ người được giao xử lý hoặc văn thư, lãnh đạo được báo xong.")
    if request.POST.get("mo_lai") == "1":
        if not _may_route(request.user, arrival):
            raise PermissionDenied("Chỉ văn thư, lãnh đạo được mở lại.")
        reopen(arrival, actor=request.user, note=request.POST.get("note", "")[:2000])
        messages.success(request, f"Đã mở lại văn bản đến số {arrival.number}.")
        return redirect("incoming:detail", pk=arrival.pk)
    form = FinishForm(request.POST)
    if not arrival.is_open:
        messages.warning(request, "Văn bản này đã xử lý xong.")
    elif form.is_valid():
        finish(arrival, actor=request.user, note=form.cleaned_data["note"],
               filed=form.cleaned_data["filed"])  # fmt: skip
        messages.success(
            request, f"Văn bản đến số {arrival.number}: {arrival.get_state_display().lower()}."
        )
    return redirect("incoming:detail", pk=arrival.pk)


@require_http_methods(["GET", "POST"])
@require_role(*REGISTERING_ROLES)
def arrival_correct(request: HttpRequest, pk: int) -> HttpResponse:
    arrival = get_visible_arrival(request.user, pk)
    if not has_role(request.user, *REGISTERING_ROLES, organisation=arrival.organisation):
        raise PermissionDenied("Chỉ văn thư của cấp ủy giữ sổ được sửa.")
    form = CorrectionForm(request.POST or None, instance=arrival, user=request.user)
    if request.method == "POST" and form.is_valid():
        if form.changed_data in ([], ["reason"]):
            form.add_error(None, "Chưa có trường nào thay đổi.")
        else:
            corrected = form.save(commit=False)
            corrected.change_reason = form.cleaned_data["reason"].strip()
            with set_actor(request.user):
                corrected.save()
            messages.success(request, f"Đã sửa văn bản đến số {arrival.number}.")
            return redirect("incoming:detail", pk=arrival.pk)
    return render(request, "incoming/correct.html", {"arrival": arrival, "form": form})


@require_GET
@require_role()
def arrival_attachment(request: HttpRequest, pk: int) -> FileResponse:
    arrival = get_visible_arrival(request.user, pk)
    if not arrival.attachment:
        raise Http404("Văn bản không có tệp đính kèm.")
    stem = re.sub(r"[^0-9A-Za-z-]+", "_", search_key(f"so-den-{arrival.number}-{arrival.year}"))
    suffix = arrival.attachment.name.rsplit(".", 1)[-1].lower()
    return FileResponse(
        arrival.attachment.open("rb"), as_attachment=True, filename=f"{stem}.{suffix}"
    )
