"""The cell's pages, for its secretary or deputy and for the committee office above it.

``cell_or_404`` decides: an officer sees only their own cell, a specialist or admin the cells
below their committee; anyone else gets 404 for any cell id.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from capuy.accounts.access import clearance_of, organisations_with_role
from capuy.errors import InputError
from capuy.handbook.forms import MeetingForm, MeetingRecordForm, RatingMeetingForm, ReadingForm
from capuy.handbook.models import (
    Attendance,
    CellMeeting,
    CellMonthAttendance,
    CellOfficer,
    MemberAccount,
    SelfReview,
)
from capuy.handbook.scope import OFFICE_ROLES, cell_or_404, managed_cells
from capuy.handbook.services import (
    cell_members,
    create_account,
    log_profile_view,
    notify_members,
    open_meeting,
    publish_reading,
    refresh_attendance,
    reset_password,
)
from capuy.handbook.tiles import cell_links
from capuy.handbook.views_readings import register_for
from capuy.members.models import Member, MemberRating
from capuy.members.services import badges_due, recognition_due
from capuy.vocab.alphabet import name_sort_key

CELL_KINDS = ("chi_bo_truc_thuoc", "chi_bo_co_so")


@login_required
@require_http_methods(["GET"])
def cells(request: HttpRequest) -> HttpResponse:
    """The cells the user may run: their own as an officer, or those under their committee."""
    own = managed_cells(request.user)
    office = organisations_with_role(request.user, *OFFICE_ROLES).filter(
        kind__in=CELL_KINDS, valid_to__isnull=True
    )
    q = (request.GET.get("q") or "").strip()[:100]
    if q:
        office = office.filter(name__icontains=q)
    if not own and not office.exists():
        raise Http404("Không tìm thấy.")
    page = Paginator(office.order_by("tree_key"), 50).get_page(request.GET.get("trang"))
    return render(request, "handbook/cells.html", {"own": own, "page": page, "q": q})


@login_required
@require_http_methods(["GET"])
def cell(request: HttpRequest, cell_id: int) -> HttpResponse:
    unit = cell_or_404(request.user, cell_id)
    today = timezone.localdate()
    members = list(cell_members(unit.pk).order_by("full_name", "pk"))
    accounts = dict(
        MemberAccount.objects.filter(member__in=members).values_list("member_id", "user__username")
    )
    officers = dict(CellOfficer.objects.filter(cell=unit).values_list("member_id", "duty"))
    qs = Member.objects.filter(pk__in=[m.pk for m in members])
    recognitions = recognition_due(qs, today, within_days=60)
    badges = badges_due(qs, dt.date(today.year, 12, 31), since=today)
    rated = set(
        MemberRating.objects.filter(member__in=members, year=today.year - 1).values_list(
            "member_id", flat=True
        )
    )
    context = {
        "cell": unit,
        "rows": [
            {
                "member": m,
                "username": accounts.get(m.pk),
                "duty": CellOfficer.Duty(officers[m.pk]).label if m.pk in officers else "",
                "unrated": m.pk not in rated,
            }
            for m in members
        ],
        "recognitions": recognitions,
        "badges": badges,
        "rating_year": today.year - 1,
        "meetings": CellMeeting.objects.filter(cell=unit)[:12],
        "stats": attendance_table(unit.pk, today),
        "links": [
            {"label": link.label, "url": reverse(link.url_name, args=[unit.pk])}
            for link in cell_links()
        ],
    }
    return render(request, "handbook/cell.html", context)


def attendance_table(cell_id: int, today: dt.date) -> dict[str, object]:
    """Per member and per month of the last twelve: meetings attended out of those held."""
    start = dt.date(today.year - 1, today.month, 1)
    rows = (
        Attendance.objects.filter(
            meeting__cell_id=cell_id, meeting__held=True, meeting__month__gte=start
        )
        .values("member_id", "member__full_name", "meeting__month")
        .annotate(invited=Count("pk"), present=Count("pk", filter=Q(present=True)))
    )
    months = sorted({r["meeting__month"] for r in rows})
    table: dict[int, dict[str, object]] = {}
    for r in rows:
        entry = table.setdefault(
            r["member_id"],
            {"name": r["member__full_name"], "months": {}, "present": 0, "invited": 0},
        )
        entry["months"][r["meeting__month"]] = f"{r['present']}/{r['invited']}"  # type: ignore[index]
        entry["present"] += r["present"]
        entry["invited"] += r["invited"]
    per_month = {
        s.month: s for s in CellMonthAttendance.objects.filter(cell_id=cell_id, month__gte=start)
    }
    return {
        "months": months,
        "members": [
            {**e, "cells": [e["months"].get(m, "") for m in months]}  # type: ignore[attr-defined]
            for e in sorted(table.values(), key=lambda e: name_sort_key(str(e["name"])))
        ],
        "totals": [per_month.get(m) for m in months],
    }


@login_required
@require_http_methods(["GET", "POST"])
def meeting_new(request: HttpRequest, cell_id: int) -> HttpResponse:
    unit = cell_or_404(request.user, cell_id)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.cell, item.created_by = unit, request.user
        with transaction.atomic():
            sent = open_meeting(item, lambda m: reverse("handbook:meeting", args=[m.pk]))
        messages.success(request, f"Đã tạo buổi sinh hoạt và gửi thông báo đến {sent} đảng viên.")
        return redirect("handbook:cell_meeting", cell_id=unit.pk, pk=item.pk)
    return render(request, "handbook/meeting_form.html", {"cell": unit, "form": form})


def _cell_meeting(request: HttpRequest, cell_id: int, pk: int) -> CellMeeting:
    unit = cell_or_404(request.user, cell_id)
    try:
        return CellMeeting.objects.select_related("cell").get(pk=pk, cell=unit)
    except (CellMeeting.DoesNotExist, ValueError) as exc:
        raise Http404("Không tìm thấy.") from exc


@login_required
@require_http_methods(["GET", "POST"])
def cell_meeting(request: HttpRequest, cell_id: int, pk: int) -> HttpResponse:
    item = _cell_meeting(request, cell_id, pk)
    record = MeetingRecordForm(request.POST or None, instance=item, prefix="bb")
    reading_form = ReadingForm(prefix="tl", max_classification=clearance_of(request.user))
    attendances = list(item.attendances.select_related("member").order_by("member__full_name"))
    if request.method == "POST" and "ghi_bien_ban" in request.POST and record.is_valid():
        with transaction.atomic():
            record.save()
            present = {int(v) for v in request.POST.getlist("co_mat") if v.isdigit()}
            for a in attendances:
                a.present = a.pk in present
            Attendance.objects.bulk_update(attendances, ["present"])
            item.held = True
            item.save(update_fields=["held"])
            refresh_attendance(item.cell_id, item.month)
            if item.resolution:
                notify_members(
                    cell_members(item.cell_id),
                    "resolution",
                    f"Nghị quyết buổi sinh hoạt: {item.title}",
                    reverse("handbook:meeting", args=[item.pk]),
                )
        messages.success(request, "Đã ghi điểm danh, biên bản và nghị quyết.")
        return redirect("handbook:cell_meeting", cell_id=item.cell_id, pk=item.pk)
    context = {
        "cell": item.cell,
        "meeting": item,
        "record": record,
        "reading_form": reading_form,
        "attendances": attendances,
        "readings": item.readings.all(),
    }
    return render(request, "handbook/cell_meeting.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def reading_new(request: HttpRequest, cell_id: int) -> HttpResponse:
    """Send a reading to the cell's members, optionally as a meeting's material."""
    unit = cell_or_404(request.user, cell_id)
    meeting_id = request.POST.get("meeting") or request.GET.get("meeting")
    item_meeting = (
        _cell_meeting(request, unit.pk, int(meeting_id))
        if meeting_id and meeting_id.isdigit()
        else None
    )
    form = ReadingForm(
        request.POST or None,
        prefix="tl",
        max_classification=clearance_of(request.user),
        register=register_for(request.user),
    )
    if request.method == "POST" and form.is_valid():
        reading = form.save(commit=False)
        reading.organisation, reading.meeting = unit, item_meeting
        with transaction.atomic():
            publish_reading(reading, lambda r: reverse("handbook:reading", args=[r.pk]))
        messages.success(request, "Đã gửi tài liệu đến đảng viên của chi bộ.")
        if item_meeting:
            return redirect("handbook:cell_meeting", cell_id=unit.pk, pk=item_meeting.pk)
        return redirect("handbook:cell", cell_id=unit.pk)
    return render(
        request,
        "handbook/reading_form.html",
        {"cell": unit, "form": form, "meeting": item_meeting},
    )


def _cell_member(request: HttpRequest, cell_id: int, member_id: int) -> tuple[object, Member]:
    unit = cell_or_404(request.user, cell_id)
    try:
        return unit, Member.objects.get(pk=member_id, organisation=unit)
    except (Member.DoesNotExist, ValueError) as exc:
        raise Http404("Không tìm thấy.") from exc


@login_required
@require_POST
def account_create(request: HttpRequest, cell_id: int, member_id: int) -> HttpResponse:
    unit, member = _cell_member(request, cell_id, member_id)
    try:
        account, password = create_account(member, request.user)
    except InputError as error:
        messages.error(request, error.vi)
        return redirect("handbook:cell", cell_id=cell_id)
    return render(
        request,
        "handbook/password_slip.html",
        {"cell": unit, "member": member, "username": account.user.username, "password": password},
    )


@login_required
@require_POST
def account_reset(request: HttpRequest, cell_id: int, member_id: int) -> HttpResponse:
    unit, member = _cell_member(request, cell_id, member_id)
    account = MemberAccount.objects.filter(member=member).select_related("user").first()
    if account is None:
        raise Http404("Không tìm thấy.")
    password = reset_password(account, request.user)
    return render(
        request,
        "handbook/password_slip.html",
        {
            "cell": unit,
            "member": member,
            "username": account.user.username,
            "password": password,
            "reset": True,
        },
    )


@login_required
@require_http_methods(["GET"])
def member_profile(request: HttpRequest, cell_id: int, member_id: int) -> HttpResponse:
    """The secretary looks at a member's record: the view is logged for the member to see."""
    unit, member = _cell_member(request, cell_id, member_id)
    log_profile_view(request.user, member, "so-tay/chi-bo")
    context = {
        "cell": unit,
        "member": member,
        "ratings": member.ratings.order_by("-year"),
        "reviews": SelfReview.objects.filter(member=member).order_by("-year"),
    }
    return render(request, "handbook/cell_member.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def rating_meeting(request: HttpRequest, cell_id: int, year: int) -> HttpResponse:
    """The yearly rating meeting: the cell rates each member; the ratings go to the register."""
    unit = cell_or_404(request.user, cell_id)
    today = timezone.localdate()
    if year not in (today.year, today.year - 1):
        raise Http404("Không tìm thấy.")
    members = list(cell_members(unit.pk).order_by("full_name", "pk"))
    existing = dict(
        MemberRating.objects.filter(member__in=members, year=year).values_list(
            "member_id", "rating"
        )
    )
    reviews = {r.member_id: r for r in SelfReview.objects.filter(member__in=members, year=year)}
    form = RatingMeetingForm(request.POST or None, members=members, initial_ratings=existing)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = 0
            for m in members:
                value = form.cleaned_data.get(f"m{m.pk}")
                if not value:
                    continue
                MemberRating.objects.update_or_create(
                    member=m, year=year, defaults={"rating": value}
                )
                if m.pk in reviews:
                    reviews[m.pk].outcome = value
                    reviews[m.pk].save(update_fields=["outcome"])
                saved += 1
        messages.success(request, f"Đã ghi xếp loại năm {year} của {saved} đảng viên.")
        return redirect("handbook:cell", cell_id=unit.pk)
    rows = [{"member": m, "field": form[f"m{m.pk}"], "review": reviews.get(m.pk)} for m in members]
    return render(
        request,
        "handbook/rating_meeting.html",
        {"cell": unit, "year": year, "rows": rows, "form": form},
    )
