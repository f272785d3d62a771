"""Setting a room up from a meeting, and what comes after it: minutes and conclusion."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from capuy.accounts.access import require_role
from capuy.errors import InputError
from capuy.meetingroom import minutes as drafting
from capuy.meetingroom import room as rooms
from capuy.meetingroom.access import get_office_room
from capuy.meetingroom.models import Session
from capuy.meetings.queries import visible_meetings

MAX_USERNAMES = 500


@require_role(*rooms.OFFICE_ROLES)
def create(request: HttpRequest, meeting_pk: int) -> HttpResponse:
    """A room for a meeting: usernames of those invited (one a line), members' total."""
    meeting = visible_meetings(request.user).filter(pk=meeting_pk).first()
    if meeting is None or not rooms.has_role(
        request.user, *rooms.OFFICE_ROLES, organisation=meeting.organisation
    ):
        raise Http404("Không tìm thấy hội nghị.")
    existing = Session.objects.filter(meeting=meeting).first()
    if existing is not None:
        return redirect("meetingroom:console", pk=existing.pk)
    error = ""
    if request.method == "POST":
        names = [n.strip() for n in request.POST.get("dai_bieu", "").splitlines() if n.strip()]
        users = list(get_user_model().objects.filter(username__in=names[:MAX_USERNAMES]))
        unknown = sorted(set(names) - {u.username for u in users})
        try:
            total = int(request.POST.get("tong_so", "0") or 0)
            if unknown:
                raise InputError(f"Không có tài khoản: {', '.join(unknown[:20])}.", "unknown users")
            chair = next((u for u in users if u.username == request.POST.get("chu_tri")), None)
            session = rooms.create_room(
                meeting,
                members_total=total,
                invitees=users,
                chair=chair,
                secretary=request.user,
                user=request.user,
            )
            return redirect("meetingroom:console", pk=session.pk)
        except ValueError:
            error = "Tổng số thành viên phải là số nguyên."
        except InputError as exc:
            error = exc.vi
    return render(
        request,
        "meetingroom/create.html",
        {"meeting": meeting, "error": error, "post": request.POST},
    )


@require_role()
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_office_room(request.user, pk)
    if request.GET.get("tai") == "docx":
        from capuy.meetingroom.minutes_docx import minutes_docx

        response = HttpResponse(
            minutes_docx(session),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="bien-ban-phong-hop-{session.pk}.docx"'
        )
        return response
    text = drafting.minutes_text(session)
    if request.GET.get("tai") == "txt":
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="bien-ban-phong-hop-{session.pk}.txt"'
        )
        return response
    today = timezone.localdate()
    return render(
        request,
        "meetingroom/minutes.html",
        {
            "session": session,
            "text": text,
            "tasks": list(session.meeting.tasks.all()),
            "period_hint": f"{today.year}-9M",
        },
    )


@require_role()
def draft_conclusion(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_office_room(request.user, pk)
    if request.method != "POST":
        return redirect("meetingroom:minutes", pk=session.pk)
    try:
        tasks = drafting.parse_tasks(request.POST.get("nhiem_vu", ""), timezone.localdate())
        if tasks:
            drafting.assign_tasks(session, tasks, request.user)
        report = drafting.draft_conclusion(
            session, request.POST.get("ky", "").strip(), request.user
        )
        messages.success(
            request,
            f"Đã soạn dự thảo kết luận ({report.get_state_display()}); {len(tasks)} nhiệm vụ.",
        )
        return redirect(reverse("reports:detail", args=[report.pk]))
    except InputError as error:
        messages.error(request, error.vi)
    return redirect("meetingroom:minutes", pk=session.pk)
