"""The member's pages (phone or tablet): the room, the documents, the ballot, comments."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from capuy.accounts.access import require_role
from capuy.errors import InputError
from capuy.meetingroom import room as rooms
from capuy.meetingroom import voting
from capuy.meetingroom.access import get_room, visible_rooms
from capuy.meetingroom.models import Entitlement, PackDocument, Poll, Voter
from capuy.meetingroom.state import current_poll, poll_view

MAX_CHOICE_BYTES = 4096


@require_role()
def room_list(request: HttpRequest) -> HttpResponse:
    from capuy.accounts.access import organisations_with_role
    from capuy.meetings.queries import visible_meetings

    offices = organisations_with_role(request.user, *rooms.OFFICE_ROLES).values("pk")
    without_room = (
        visible_meetings(request.user)
        .filter(organisation__in=offices, room__isnull=True)
        .order_by("-held_on")[:20]
    )
    return render(
        request,
        "meetingroom/list.html",
        {"rooms": list(visible_rooms(request.user)[:100]), "without_room": list(without_room)},
    )


def _member_context(request: HttpRequest, session: Any) -> dict[str, Any]:
    invitee = rooms.invitee_of(request.user, session)
    poll = current_poll(session)
    ballot: dict[str, Any] = {}
    if poll is not None:
        ballot = {
            "poll": poll,
            "view": poll_view(poll),
            "entitled": Entitlement.objects.filter(poll=poll, user=request.user).exists(),
            "voted": Voter.objects.filter(poll=poll, user=request.user).exists(),
        }
    return {
        "session": session,
        "meeting": session.meeting,
        "invitee": invitee,
        "is_office_user": rooms.is_office(request.user, session),
        "pack": rooms.readable_pack(session, request.user),
        "items": list(session.meeting.agenda_items.order_by("position", "pk")),
        "ballot": ballot,
        "quorum": rooms.quorum(session),
    }


@require_role()
@never_cache
def room_page(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_room(request.user, pk)
    invitee = rooms.invitee_of(request.user, session)
    if invitee is not None and session.invitation_id:
        rooms.mark_opened(invitee)
    return render(request, "meetingroom/room.html", _member_context(request, session))


@require_role()
@never_cache
def room_live(request: HttpRequest, pk: int) -> HttpResponse:
    """The part of the member's page that changes (agenda position, ballot), for htmx."""
    session = get_room(request.user, pk)
    return render(request, "meetingroom/_member_live.html", _member_context(request, session))


@require_role()
@never_cache
def room_state(request: HttpRequest, pk: int) -> JsonResponse:
    """What a phone polls: the room's version (changes on open/close/agenda), cheap.

    An invitee's poll is one indexed query beyond the session's; others go through the
    full scoping of ``get_room``.
    """
    from capuy.meetingroom.models import Session

    row = (
        Session.objects.filter(pk=pk, invitees__user=request.user)
        .values("version", "state")
        .first()
    )
    if row is None:
        session = get_room(request.user, pk)
        row = {"version": session.version, "state": session.state}
    return JsonResponse(row)


@require_POST
@require_role()
def cast_ballot(request: HttpRequest, pk: int, poll_pk: int) -> HttpResponse:
    """Take a ballot. The frozen electorate, checked inside ``voting.cast``, is the access
    rule here (it holds only invitees); anyone refused who is not an invitee or the office
    gets 404, as for any room they may not see. No broader scoping query on this hot path."""
    poll = Poll.objects.filter(pk=poll_pk, session_id=pk).only("kind", "candidates").first()
    if poll is None:
        raise Http404("Không tìm thấy biểu quyết.")
    try:
        if poll.kind == Poll.Kind.ELECTION:
            keys = {c["key"] for c in poll.candidates}
            crossed = set(request.POST.getlist("gach"))
            choice: Any = sorted(k for k in keys if k not in crossed)
            if not crossed <= keys:
                raise voting.VoteRefused("Phiếu bầu có tên ngoài danh sách.", "unknown name")
        else:
            choice = request.POST.get("phuong_an", "")[:40]
        if len(json.dumps(choice)) > MAX_CHOICE_BYTES:
            raise voting.VoteRefused("Phiếu quá lớn.", "ballot too large")
        voting.cast(poll.pk, request.user, choice)
        messages.success(request, "Đã ghi nhận phiếu của đồng chí. Phiếu không thể thay đổi.")
    except InputError as error:
        get_room(request.user, pk)  # a stranger learns nothing: 404
        messages.error(request, error.vi)
    return redirect("meetingroom:room", pk=pk)


@require_POST
@require_role()
def request_floor(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_room(request.user, pk)
    invitee = rooms.invitee_of(request.user, session)
    if invitee is None or session.current_item is None:
        raise Http404("Không tìm thấy.")
    try:
        rooms.request_to_speak(session, invitee, session.current_item)
        messages.success(request, "Đã đăng ký phát biểu.")
    except InputError as error:
        messages.error(request, error.vi)
    return redirect("meetingroom:room", pk=session.pk)


@require_POST
@require_role()
def check_in_online(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_room(request.user, pk)
    invitee = rooms.invitee_of(request.user, session)
    if invitee is None:
        raise Http404("Không tìm thấy.")
    if session.state == session.State.OPEN and not invitee.attendance:
        rooms.set_attendance(invitee, "online", user=request.user)
        messages.success(request, "Đã điểm danh dự trực tuyến.")
    return redirect("meetingroom:room", pk=session.pk)


@require_role()
@never_cache
def read_document(request: HttpRequest, pk: int, doc_pk: int) -> HttpResponse:
    """A document of the pack, on screen only, with the reader's name over every page."""
    session = get_room(request.user, pk)
    readable = {d.pk: d for d in rooms.readable_pack(session, request.user)}
    document = readable.get(doc_pk)
    if document is None:
        raise Http404("Tài liệu không tồn tại, đã thu hồi hoặc vượt quá độ mật được tiếp cận.")
    if request.method == "POST":
        try:
            rooms.add_comment(document, request.user, request.POST.get("y_kien", ""))
            messages.success(request, "Đã gửi ý kiến góp ý cho cơ quan soạn thảo.")
            return redirect("meetingroom:document", pk=session.pk, doc_pk=document.pk)
        except InputError as error:
            messages.error(request, error.vi)
    name = f"{request.user.last_name} {request.user.first_name}".strip()
    mark = f"{name or request.user.get_username()} · {timezone.localtime():%d/%m/%Y %H:%M}"
    office = rooms.is_office(request.user, session)
    response = render(
        request,
        "meetingroom/document.html",
        {
            "session": session,
            "document": document,
            "paragraphs": [p for p in document.body.split("\n") if p.strip()],
            "watermark": mark,
            "marks": range(24),
            "withdraw": not office,
            "comments": list(document.comments.select_related("author")) if office else [],
            "mine": list(document.comments.filter(author=request.user)),
        },
    )
    response["Cache-Control"] = "no-store, private"
    response["Content-Disposition"] = "inline"  # shown, never saved as a file
    return response


@require_role()
def comments_for_drafters(request: HttpRequest, pk: int, doc_pk: int) -> HttpResponse:
    """The comments gathered on a draft, as plain text for the drafting body (office only)."""
    session = get_room(request.user, pk)
    if not rooms.is_office(request.user, session):
        raise Http404("Không tìm thấy.")
    document = PackDocument.objects.filter(session=session, pk=doc_pk).first()
    if document is None or document not in rooms.readable_pack(session, request.user):
        raise Http404("Không tìm thấy.")
    lines = [f"TỔNG HỢP Ý KIẾN GÓP Ý DỰ THẢO: {document.title}", ""]
    for n, c in enumerate(document.comments.select_related("author"), 1):
        who = f"{c.author.last_name} {c.author.first_name}".strip() or c.author.get_username()
        lines.append(f"{n}. Đồng chí {who} ({timezone.localtime(c.created_at):%d/%m/%Y}):")
        lines.append(c.text)
        lines.append("")
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
