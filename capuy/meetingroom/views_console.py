"""The console of the chair and the secretary: attendance, agenda, speakers, votes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from capuy.accounts.access import clearance_of, require_role
from capuy.accounts.levels import Classification
from capuy.errors import InputError
from capuy.meetingroom import room as rooms
from capuy.meetingroom import voting
from capuy.meetingroom.access import get_office_room
from capuy.meetingroom.models import Invitee, Poll, Speaker
from capuy.meetingroom.pack import MAX_BODY, add_to_pack, register_title
from capuy.meetingroom.state import poll_view

MAX_CANDIDATES_TEXT = 20000


def _context(request: HttpRequest, session: Any) -> dict[str, Any]:
    polls = list(session.polls.select_related("item").order_by("-pk"))
    speakers = (
        list(
            Speaker.objects.filter(item=session.current_item)
            .select_related("invitee__user")
            .order_by("position")
        )
        if session.current_item_id
        else []
    )
    return {
        "session": session,
        "meeting": session.meeting,
        "invitees": list(session.invitees.select_related("user", "member")),
        "attendance_choices": [c for c in Invitee.Attendance.choices if c[0]],
        "quorum": rooms.quorum(session),
        "items": list(session.meeting.agenda_items.order_by("position", "pk")),
        "speakers": speakers,
        "polls": [(p, poll_view(p)) for p in polls],
        "is_chair": rooms.is_chair(request.user, session),
        "not_opened": [i for i in session.invitees.select_related("user") if i.opened_at is None],
        "methods": Poll.Method.choices,
        "pack": list(session.pack.select_related("agenda_item", "source")),
        "register": _register_choices(request.user, session),
        "classifications": [
            c for c in Classification.choices if c[0] <= clearance_of(request.user)
        ],
    }


def _register_choices(user: Any, session: Any) -> list[tuple[int, str]]:
    """The unit's latest register documents the user may see, to put into the pack."""
    from capuy.documents.queries import visible_documents

    if session.state == session.State.CLOSED:
        return []
    rows = visible_documents(user).filter(organisation=session.meeting.organisation_id)
    return [(d.pk, register_title(d)) for d in rows.order_by("-issued_on", "-pk")[:100]]


@require_role()
@never_cache
def console(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_office_room(request.user, pk)
    return render(request, "meetingroom/console.html", _context(request, session))


@require_role()
@never_cache
def console_live(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_office_room(request.user, pk)
    return render(request, "meetingroom/_console_live.html", _context(request, session))


def _back(session: Any) -> HttpResponse:
    return redirect("meetingroom:console", pk=session.pk)


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value or default)
    except ValueError as exc:
        raise InputError("Giá trị phải là số nguyên.", "not an integer") from exc


def _speaker(session: Any, post: Any) -> Speaker:
    speaker = Speaker.objects.filter(pk=_int(post.get("speaker")), invitee__session=session).first()
    if speaker is None:
        raise Http404("Không tìm thấy.")
    return speaker


def _poll(session: Any, post: Any) -> Poll:
    poll = session.polls.filter(pk=_int(post.get("poll"))).first()
    if poll is None:
        raise Http404("Không tìm thấy biểu quyết.")
    return poll


def _chair_only(user: Any, session: Any) -> None:
    if not rooms.is_chair(user, session):
        raise InputError("Chỉ chủ trì hội nghị được mở, kết thúc biểu quyết.", "chair only")


def _issue_invitation(request: HttpRequest, session: Any) -> None:
    document = rooms.issue_invitation(session, request.user)
    messages.success(request, f"Đã phát hành giấy mời số {document.symbol}.")


def _attendance(request: HttpRequest, session: Any) -> None:
    post = request.POST
    invitee = session.invitees.filter(pk=_int(post.get("invitee"))).first()
    if invitee is None:
        raise Http404("Không tìm thấy đại biểu.")
    rooms.set_attendance(invitee, post.get("trang_thai", ""), post.get("ly_do", ""), request.user)


def _advance(request: HttpRequest, session: Any) -> None:
    item = session.meeting.agenda_items.filter(pk=_int(request.POST.get("item"))).first()
    rooms.advance(session, request.user, item)


def _add_document(request: HttpRequest, session: Any) -> None:
    post = request.POST
    document = add_to_pack(
        session,
        request.user,
        register_pk=_int(post.get("van_ban")) or None,
        title=post.get("ten", ""),
        body=post.get("noi_dung", "")[: MAX_BODY + 1],
        classification=_int(post.get("do_mat")),
        item_pk=_int(post.get("item")) or None,
        is_draft=post.get("du_thao") == "1",
    )
    messages.success(request, f"Đã đưa vào tài liệu hội nghị: {document.title}")


def _create_poll(request: HttpRequest, session: Any) -> None:
    post = request.POST
    kind = post.get("loai", "vote")
    voting.create_poll(
        session,
        title=post.get("noi_dung", ""),
        method=post.get("hinh_thuc", ""),
        kind=kind if kind in Poll.Kind.values else "vote",
        item=session.current_item,
        candidates=post.get("ung_vien", "")[:MAX_CANDIDATES_TEXT].splitlines(),
        seats=_int(post.get("so_luong"), 1),
        user=request.user,
    )


def _open_poll(request: HttpRequest, session: Any) -> None:
    poll = _poll(session, request.POST)
    _chair_only(request.user, session)
    voting.open_poll(poll, request.user)


def _close_poll(request: HttpRequest, session: Any) -> None:
    poll = _poll(session, request.POST)
    _chair_only(request.user, session)
    voting.close_poll(poll, request.user)


def _record_show_of_hands(request: HttpRequest, session: Any) -> None:
    poll = _poll(session, request.POST)
    counts = {o["key"]: _int(request.POST.get(o["key"])) for o in poll.options}
    voting.record_analog(poll, counts, request.user)


# The console's actions: the URL's name → what it does (each checks its own rights in
# ``capuy.meetingroom.room`` / ``voting`` and is audited there).
ACTIONS: dict[str, Callable[[HttpRequest, Any], None]] = {
    "khai-mac": lambda request, session: rooms.open_room(session, request.user),
    "be-mac": lambda request, session: rooms.close_room(session, request.user),
    "giay-moi": _issue_invitation,
    "diem-danh": _attendance,
    "chuyen-noi-dung": _advance,
    "moi-phat-bieu": lambda r, s: rooms.start_speaker(_speaker(s, r.POST), r.user),
    "dung-phat-bieu": lambda r, s: rooms.stop_speaker(_speaker(s, r.POST), r.user),
    "tai-lieu": _add_document,
    "tao-bieu-quyet": _create_poll,
    "mo-bieu-quyet": _open_poll,
    "ket-thuc-bieu-quyet": _close_poll,
    "ghi-ket-qua": _record_show_of_hands,
}


@require_POST
@require_role()
def action(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """One POST endpoint per console action (``name``, a key of ``ACTIONS``)."""
    session = get_office_room(request.user, pk)
    try:
        run = ACTIONS.get(name)
        if run is None:
            raise Http404("Không có chức năng này.")
        run(request, session)
    except InputError as error:
        messages.error(request, error.vi)
    except ValidationError as error:  # the register refused (no term in force today…)
        messages.error(request, " ".join(error.messages))
    return _back(session)


@require_role()
@never_cache
def counting(request: HttpRequest, pk: int, poll_pk: int) -> HttpResponse:
    """The counting committee's view (ban kiểm phiếu) of a closed secret poll: every ballot,
    sorted by its content (never by storage), with the names kept and its validity."""
    from capuy.meetingroom.models import Ballot

    session = get_office_room(request.user, pk)
    poll = session.polls.filter(pk=poll_pk, state=Poll.State.CLOSED, method="secret").first()
    if poll is None:
        raise Http404("Không tìm thấy biểu quyết đã kết thúc.")
    names = {c["key"]: c["name"] for c in poll.candidates}
    options = {o["key"]: o["name"] for o in poll.options}
    choices = sorted(
        Ballot.objects.filter(poll=poll).values_list("choice", flat=True),
        key=lambda c: (len(c), c) if isinstance(c, list) else (0, [c]),
    )
    rows = []
    for n, choice in enumerate(choices, 1):
        if poll.kind == Poll.Kind.ELECTION:
            kept = [names.get(k, k) for k in choice]
            rows.append(
                {"n": n, "text": ", ".join(kept) or "(gạch hết)", "valid": len(kept) <= poll.seats}
            )
        else:
            rows.append({"n": n, "text": options.get(choice, choice), "valid": True})
    return render(
        request,
        "meetingroom/counting.html",
        {"session": session, "poll": poll, "rows": rows, "view": poll_view(poll)},
    )
