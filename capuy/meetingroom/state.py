"""The room as the live pages show it: one JSON-able snapshot, the same for everyone.

The snapshot holds nothing personal and nothing secret: for an open secret poll only the
number of ballots cast; results appear when the poll closes. Its ``event_id`` (the room's
version and the ballots counted) is what a reconnecting screen sends back as
``Last-Event-ID``: when it differs, the screen gets the whole snapshot again, so nothing
missed while offline is lost.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from capuy.meetingroom.models import Poll, Session, Speaker, Voter
from capuy.meetingroom.room import quorum


def current_poll(session: Session) -> Poll | None:
    """The open poll, else the one closed last (what the hall's screen shows)."""
    open_poll = session.polls.filter(state=Poll.State.OPEN).order_by("-opened_at").first()
    if open_poll is not None:
        return open_poll
    return session.polls.filter(state=Poll.State.CLOSED).order_by("-closed_at").first()


def poll_view(poll: Poll) -> dict[str, Any]:
    voted = (
        Voter.objects.filter(poll=poll).count()
        if poll.method != Poll.Method.ANALOG
        else sum((poll.result.get("entered") or {}).values())
    )
    data: dict[str, Any] = {
        "id": poll.pk,
        "title": poll.title,
        "kind": poll.kind,
        "kind_label": poll.get_kind_display(),
        "method": poll.method,
        "method_label": poll.get_method_display(),
        "state": poll.state,
        "state_label": poll.get_state_display(),
        "voted": voted,
        "electorate": poll.electorate_size,
        "base": poll.base_count,
        "seats": poll.seats,
    }
    if poll.state == Poll.State.CLOSED:
        data["result"] = poll.result
        data["seal"] = poll.seal
    return data


def snapshot(session_id: int) -> tuple[str, dict[str, Any]]:
    """``(event_id, state)`` of the room now."""
    session = Session.objects.select_related("meeting__body", "current_item").get(pk=session_id)
    q = quorum(session)
    item = session.current_item
    speakers = []
    if item is not None:
        now = timezone.now()
        for s in (
            Speaker.objects.filter(item=item).select_related("invitee__user").order_by("position")
        ):
            running = s.started_at is not None and s.ended_at is None
            seconds = s.seconds
            if running:
                seconds = int((now - s.started_at).total_seconds())
            speakers.append(
                {
                    "position": s.position,
                    "name": s.invitee.display_name,
                    "state": "speaking" if running else ("done" if s.ended_at else "waiting"),
                    "seconds": seconds,
                }
            )
    poll = current_poll(session)
    poll_data = poll_view(poll) if poll is not None else None
    state = {
        "room": session.pk,
        "title": session.meeting.full_title,
        "state": session.state,
        "state_label": session.get_state_display(),
        "version": session.version,
        "item": {"position": item.position, "title": item.title} if item else None,
        "quorum": {
            "members": q.members,
            "present": q.present,
            "hall": q.present_hall,
            "online": q.present_online,
            "excused": q.excused,
            "absent": q.absent,
            "needed": q.needed,
            "reached": q.reached,
        },
        "speakers": speakers,
        "poll": poll_data,
    }
    voted = poll_data["voted"] if poll_data else 0
    poll_key = f"{poll_data['id']}{poll_data['state'][0]}" if poll_data else "0"
    return f"{session.version}-{poll_key}-{voted}", state
