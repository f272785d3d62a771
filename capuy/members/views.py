"""Pages of the member register. Personal data: read by specialists, leaders and admins of the
member's unit or a unit above it (never by URL guessing: 404), written by specialists and
admins; every change goes to the audit trail."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, overload

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from capuy.accounts.access import get_scoped_object_or_404, has_role, require_role, scope_queryset
from capuy.errors import InputError
from capuy.members.forms import AdmitForm, EventForm, MemberFilter, RatingForm
from capuy.members.models import Member, MemberRating
from capuy.members.services import (
    admit,
    badges_due,
    recognition_due,
    record_event,
    register_transfer_in,
)
from capuy.text import search_key
from capuy.vocab.alphabet import name_sort_key
from capuy.web.records import ENTRY_ROLES, READ_ROLES, record_list_page


def matching_names(members: QuerySet[Member], query: str) -> list[int]:
    """The members whose name holds ``query`` with marks and đ folded, as document search
    folds them: "nguyen thi lan", "Đức" and "duc" find "Nguyễn Thị Lan", "Phạm Văn Đức"."""
    wanted = search_key(query)
    return [pk for pk, name in members.values_list("pk", "full_name") if wanted in search_key(name)]


# The key of a name is a pure function of the name (the alphabet is fixed data), so keeping it
# per process cannot go stale; it spares the ~0,2 ms a name that sorting the whole register
# cost on every request (700 ms for the demo's 4.265 members).
_name_key = lru_cache(maxsize=100_000)(name_sort_key)


class RegisterOrder(Sequence[Member]):
    """The members of ``members`` in the register's order (unit, then name the Vietnamese
    way), read a page at a time, still through ``members`` (so through its scope).

    The units come in ``tree_key`` order from the database, so only the units a page spans
    need their names sorted in Python: one grouped query counts the members per unit, and a
    page reads (id, name) of its few units, sorts them and fetches its own rows. Sorting the
    whole register on every view cost ~60 ms of CPU for the demo's 4.265 members; the order is
    the same ((unit, name key, id), as the full sort over the (full_name, id)-ordered rows)."""

    def __init__(self, members: QuerySet[Member]) -> None:
        counted = (
            members.order_by()
            .values_list("organisation__tree_key")
            .annotate(n=Count("pk"))
            .order_by("organisation__tree_key")
        )
        self._units = [(key, n) for key, n in counted]
        self._length = sum(n for _, n in self._units)
        self._members = members

    def __len__(self) -> int:
        return self._length

    def _pks(self, start: int, stop: int) -> list[int]:
        """The ids at positions ``start``..``stop`` of the register's order."""
        keys, offset, first = [], 0, None
        for key, n in self._units:
            if offset + n > start and offset < stop:
                keys.append(key)
                first = offset if first is None else first
            offset += n
        if not keys:
            return []
        rows = self._members.filter(organisation__tree_key__in=keys).values_list(
            "pk", "organisation__tree_key", "full_name"
        )
        ordered = sorted(rows, key=lambda r: (r[1], _name_key(r[2]), r[0]))
        return [row[0] for row in ordered][start - (first or 0) : stop - (first or 0)]

    @overload
    def __getitem__(self, index: int) -> Member: ...
    @overload
    def __getitem__(self, index: slice) -> list[Member]: ...
    def __getitem__(self, index: int | slice) -> Member | list[Member]:
        if isinstance(index, int):
            return self[index : index + 1 or None][0]
        start, stop, step = index.indices(self._length)
        pks = self._pks(start, stop)[::step] if stop > start else []
        found = self._members.in_bulk(pks)
        return [found[pk] for pk in pks if pk in found]  # one deleted meanwhile is gone


def visible_members(request: HttpRequest):
    return scope_queryset(Member.objects.select_related("organisation"), request.user)


def _filtered_members(request: HttpRequest, filters: MemberFilter):
    """The visible members the filter form keeps: name, unit, and state (in the Party by
    default; ``du_bi`` probationary, ``da_ra`` left, ``tat_ca`` all)."""
    members = visible_members(request)
    state = ""
    if filters.is_valid():
        data = filters.cleaned_data
        if data.get("q"):
            members = members.filter(pk__in=matching_names(members, data["q"]))
        if data.get("to_chuc"):
            members = members.filter(organisation__path__startswith=data["to_chuc"].path)
        state = data.get("tinh_trang") or ""
    if state == "du_bi":
        return members.filter(recognised_on__isnull=True, left_on__isnull=True)
    if state == "da_ra":
        return members.filter(left_on__isnull=False)
    if state != "tat_ca":
        return members.filter(left_on__isnull=True)
    return members


def _save_admission(form: AdmitForm) -> Member:
    """A member admitted, or transferred in as a full member, from a valid entry form."""
    d = form.cleaned_data
    if d["entry"] == "transfer_in_official":
        return register_transfer_in(
            d["organisation"],
            d["full_name"],
            d["gender"],
            d["admitted_on"],
            d["arrived_on"],
            recognised_on=d["recognised_on"],
            counterpart=d["counterpart"],
            birth_date=d["birth_date"],
            card_number=d["card_number"],
            decision=d["decision"],
        )
    return admit(
        d["organisation"],
        d["full_name"],
        d["gender"],
        d["admitted_on"],
        birth_date=d["birth_date"],
        card_number=d["card_number"],
        decision=d["decision"],
    )


def _member_row(m: Member) -> list[object]:
    return [
        {"text": m.full_name, "url": reverse("members:detail", args=[m.pk])},
        m.birth_date.strftime("%Y") if m.birth_date else "",
        m.organisation,
        m.admitted_on.strftime("%d/%m/%Y") if m.admitted_on else "",
        m.recognised_on.strftime("%d/%m/%Y") if m.recognised_on else "",
        m.get_left_reason_display()
        if m.left_on
        else ("dự bị" if m.is_probationary else "chính thức"),
    ]


@require_http_methods(["GET", "POST"])
@require_role(*READ_ROLES)
def member_list(request: HttpRequest) -> HttpResponse:
    filters = MemberFilter(request.GET or None, user=request.user)
    members = _filtered_members(request, filters)
    can_enter = has_role(request.user, *ENTRY_ROLES)
    form = AdmitForm(request.POST or None, user=request.user) if can_enter else None
    return record_list_page(
        request,
        title="Đảng viên",
        lead="Danh sách đảng viên của các tổ chức đảng bạn được xem.",
        records=RegisterOrder(members),
        columns=[
            "Họ và tên",
            "Năm sinh",
            "Chi bộ",
            "Ngày vào Đảng",
            "Ngày chính thức",
            "Tình trạng",
        ],
        row=_member_row,
        form=form,
        form_title="Kết nạp, tiếp nhận đảng viên",
        save=_save_admission,
        filter_form=filters,
        links=[
            {"label": "Đến hạn chính thức, huy hiệu", "url": reverse("members:due")},
            {"label": "Huy hiệu Đảng đã trao", "url": reverse("members:badges")},
            {"label": "Xếp loại đảng viên", "url": reverse("members:ratings")},
            {"label": "Xếp loại tổ chức đảng", "url": reverse("members:org_ratings")},
        ],
    )


@require_http_methods(["GET"])
@require_role(*READ_ROLES)
def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_scoped_object_or_404(Member.objects.all(), request.user, pk=pk)
    return _detail_page(request, member)


def _detail_page(
    request: HttpRequest,
    member: Member,
    event_form: EventForm | None = None,
    rating_form: RatingForm | None = None,
) -> HttpResponse:
    """The member's page; a form given is shown as typed, with its errors (status 400)."""
    can_enter = has_role(request.user, *ENTRY_ROLES, organisation=member.organisation)
    context = {
        "member": member,
        "events": member.events.select_related("organisation"),
        "affiliations": member.affiliations.select_related("organisation"),
        "badges": member.badges.all(),
        "ratings": member.ratings.order_by("-year"),
        "event_form": (
            event_form
            or EventForm(user=request.user, initial={"kind": request.GET.get("bien_dong", "")})
        )
        if can_enter
        else None,
        "rating_form": (rating_form or RatingForm()) if can_enter else None,
        "party_years": member.party_years(dt.date.today()),
    }
    status = 400 if (event_form or rating_form) else 200
    return render(request, "members/detail.html", context, status=status)


@require_POST
@require_role(*ENTRY_ROLES)
def member_event(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_scoped_object_or_404(Member.objects.all(), request.user, pk=pk)
    form = EventForm(request.POST, user=request.user)
    if form.is_valid():
        d = form.cleaned_data
        try:
            record_event(
                member,
                d["kind"],
                d["date"],
                organisation=d["organisation"],
                counterpart=d["counterpart"],
                decision=d["decision"],
            )
        except InputError as error:
            form.add_error(None, error.vi)
        else:
            messages.success(request, "Đã ghi biến động.")
            return redirect("members:detail", pk=member.pk)
    return _detail_page(request, member, event_form=form)  # everything typed is kept


@require_POST
@require_role(*ENTRY_ROLES)
def member_rating(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_scoped_object_or_404(Member.objects.all(), request.user, pk=pk)
    form = RatingForm(request.POST)
    if form.is_valid():
        MemberRating.objects.update_or_create(
            member=member,
            year=form.cleaned_data["year"],
            defaults={"rating": form.cleaned_data["rating"]},
        )
        messages.success(request, "Đã ghi xếp loại.")
        return redirect("members:detail", pk=member.pk)
    return _detail_page(request, member, rating_form=form)


@require_http_methods(["GET"])
@require_role(*READ_ROLES)
def due(request: HttpRequest) -> HttpResponse:
    """Who is due for recognition or a badge: filtered by unit and overdue, 50 a page, each row
    with its action, the whole filtered list as CSV for Excel (``?xuat=csv``)."""
    today = dt.date.today()
    members = visible_members(request)
    filters = MemberFilter(request.GET or None, user=request.user)
    unit = filters.cleaned_data.get("to_chuc") if filters.is_valid() else None
    if unit is not None:
        members = members.filter(organisation__path__startswith=unit.path)
    recognitions = recognition_due(members, today, within_days=60)
    if request.GET.get("qua_han"):
        recognitions = [(m, day) for m, day in recognitions if day < today]
    badges = badges_due(members, today + dt.timedelta(days=120), since=today)
    if request.GET.get("xuat") == "csv":
        return due_csv(recognitions, badges)
    query = request.GET.copy()
    for key in ("trang_cn", "trang_hh"):
        query.pop(key, None)
    context = {
        "today": today,
        "filters": filters,
        "overdue_only": bool(request.GET.get("qua_han")),
        "recognitions": Paginator(recognitions, DUE_PAGE).get_page(request.GET.get("trang_cn")),
        "badges": Paginator(badges, DUE_PAGE).get_page(request.GET.get("trang_hh")),
        "query": query.urlencode(),
    }
    return render(request, "members/due.html", context)


DUE_PAGE = 50


def due_csv(recognitions: list[tuple[Member, dt.date]], badges: list[Any]) -> HttpResponse:
    """The due lists as a CSV Excel opens with Vietnamese settings (";", UTF-8 with BOM)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Việc", "Họ và tên", "Năm sinh", "Chi bộ", "Ngày kết nạp", "Đến hạn"])
    for m, day in recognitions:
        writer.writerow(
            [
                "Công nhận chính thức",
                m.full_name,
                m.birth_date.year if m.birth_date else "",
                m.organisation.choice_label,
                f"{m.admitted_on:%d/%m/%Y}",
                f"{day:%d/%m/%Y}",
            ]
        )
    for d in badges:
        m = d.member
        writer.writerow(
            [
                f"Huy hiệu {d.years} năm tuổi Đảng",
                m.full_name,
                m.birth_date.year if m.birth_date else "",
                m.organisation.choice_label,
                f"{m.admitted_on:%d/%m/%Y}",
                f"{d.award_day:%d/%m/%Y}",
            ]
        )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="den-han-cong-nhan-huy-hieu.csv"'
    return response
