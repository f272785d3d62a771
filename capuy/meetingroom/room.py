"""Running a room: invitation, attendance and quorum, the agenda, speakers, the pack.

Every change goes through here so it is checked against the room's state, audited (the
models are registered with django-auditlog; the actor is set here or by the middleware) and
announced to the live pages (``live.bump``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from capuy.accounts.access import clearance_of, has_role
from capuy.accounts.levels import Role
from capuy.errors import InputError
from capuy.meetingroom.live import bump
from capuy.meetingroom.models import DraftComment, Invitee, PackDocument, Session, Speaker
from capuy.meetings.models import AgendaItem, Meeting
from capuy.text.normalize import nfc
from capuy.vocab.meeting_rules import BodyRule, body_rule

OFFICE_ROLES = (str(Role.CLERK), str(Role.SPECIALIST), str(Role.LEADER))


# --- who is who -------------------------------------------------------------------------------


def is_office(user: Any, session: Session) -> bool:
    """The committee's office (clerk, specialist, leader of the unit): runs the console."""
    return has_role(user, *OFFICE_ROLES, organisation=session.meeting.organisation)


def is_chair(user: Any, session: Session) -> bool:
    """The chair opens and closes votes; a leader of the unit may stand in."""
    return bool(
        user.is_authenticated
        and (
            session.chair_id == user.pk
            or has_role(user, str(Role.LEADER), organisation=session.meeting.organisation)
        )
    )


def invitee_of(user: Any, session: Session) -> Invitee | None:
    return session.invitees.filter(user_id=user.pk).first() if user.is_authenticated else None


# --- before the meeting ----------------------------------------------------------------------


def create_room(
    meeting: Meeting,
    *,
    members_total: int,
    invitees: list[Any],
    chair: Any = None,
    secretary: Any = None,
    user: Any = None,
) -> Session:
    """A room for ``meeting`` with the people invited (users; members of the body vote)."""
    if members_total < 1:
        raise InputError("Tổng số thành viên phải lớn hơn 0.", "members_total must be > 0")
    with set_actor(user), transaction.atomic():
        session = Session.objects.create(
            meeting=meeting, members_total=members_total, chair=chair, secretary=secretary
        )
        for person in invitees:
            Invitee.objects.create(session=session, user=person)
    return session


def issue_invitation(session: Session, user: Any, on: dt.date | None = None) -> Any:
    """Register the invitation in the document register (a numbered Công văn "mời dự …").

    Party registers number an invitation as a công văn (CV) of the issuing body's series; its
    summary names the meeting, and every invitee sees it in the room.
    """
    from capuy.documents.numbering import register_outgoing

    if session.invitation_id:
        raise InputError("Giấy mời đã được phát hành.", "invitation already issued")
    meeting = session.meeting
    with set_actor(user), transaction.atomic():
        document = register_outgoing(
            issuing_body=meeting.body,
            type_code="CV",
            issued_on=on or timezone.localdate(),
            summary=nfc(f"Giấy mời dự {meeting.full_title}")[:500],
            classification=meeting.classification,
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        session.invitation = document
        session.save(update_fields=["invitation"])
        _notify_invitees(session, document)
    bump(session.pk)
    return document


def _notify_invitees(session: Session, document: Any) -> None:
    """Each invitee gets the invitation in capuy: a notice (unread count on the home page)."""
    from django.urls import reverse

    from capuy.handbook.services import notify_users

    notify_users(
        session.invitees.values_list("user_id", flat=True),
        "invitation",
        f"Giấy mời số {document.symbol}: {document.summary}",
        reverse("meetingroom:room", args=[session.pk]),
    )


def mark_opened(invitee: Invitee) -> None:
    """The invitee opened the invitation (first time only)."""
    if invitee.opened_at is None:
        Invitee.objects.filter(pk=invitee.pk, opened_at__isnull=True).update(
            opened_at=timezone.now()
        )


def readable_pack(session: Session, user: Any) -> list[PackDocument]:
    """Documents of the pack this user may read now: cleared, and not withdrawn.

    The office always reads the pack; members only while the room is not closed (closing
    withdraws the pack from their devices) and only up to their clearance.
    """
    office = is_office(user, session)
    if not office and (session.state == Session.State.CLOSED or invitee_of(user, session) is None):
        return []
    return list(session.pack.filter(classification__lte=clearance_of(user)))


def add_comment(document: PackDocument, user: Any, text: str) -> DraftComment:
    text = nfc(text).strip()
    if not text:
        raise InputError("Chưa nhập ý kiến góp ý.", "empty comment")
    if len(text) > 10000:
        raise InputError("Ý kiến góp ý quá dài (tối đa 10.000 ký tự).", "comment too long")
    if not document.is_draft:
        raise InputError("Tài liệu này không lấy ý kiến góp ý.", "not a draft")
    if document.session.state == Session.State.CLOSED:
        raise InputError("Hội nghị đã kết thúc, không nhận góp ý.", "room closed")
    with set_actor(user):
        return DraftComment.objects.create(document=document, author=user, text=text)


# --- during the meeting ----------------------------------------------------------------------


def open_room(session: Session, user: Any) -> None:
    if session.state != Session.State.PREPARED:
        raise InputError("Hội nghị đã khai mạc.", "already open")
    session.state = Session.State.OPEN
    session.opened_at = timezone.now()
    first = session.meeting.agenda_items.order_by("position", "pk").first()
    session.current_item = first
    with set_actor(user):
        session.save()
    bump(session.pk)


def close_room(session: Session, user: Any) -> None:
    """End the meeting: votes must be closed; the pack is withdrawn from members' devices."""
    if session.state != Session.State.OPEN:
        raise InputError("Hội nghị chưa khai mạc hoặc đã kết thúc.", "not open")
    if session.polls.filter(state="open").exists():
        raise InputError("Còn biểu quyết đang mở: hãy kết thúc trước.", "a poll is still open")
    session.state = Session.State.CLOSED
    session.closed_at = timezone.now()
    with set_actor(user):
        session.save()
    bump(session.pk)


def set_attendance(invitee: Invitee, state: str, reason: str = "", user: Any = None) -> None:
    if state not in Invitee.Attendance.values:
        raise InputError("Trạng thái điểm danh không hợp lệ.", f"bad attendance {state!r}")
    invitee.attendance = state
    invitee.reason = nfc(reason).strip()[:300] if state == Invitee.Attendance.EXCUSED else ""
    with set_actor(user):
        invitee.save(update_fields=["attendance", "reason"])
    bump(invitee.session_id)


@dataclass(frozen=True)
class Quorum:
    members: int
    present_hall: int
    present_online: int
    excused: int
    absent: int
    unknown: int
    needed: int
    rule: BodyRule

    @property
    def present(self) -> int:
        return self.present_hall + self.present_online

    @property
    def reached(self) -> bool:
        return self.present >= self.needed


def quorum(session: Session) -> Quorum:
    """Attendance counted against the body's rule (voting members only)."""
    counts = {k: 0 for k in Invitee.Attendance.values}
    for state in session.invitees.filter(may_vote=True).values_list("attendance", flat=True):
        counts[state] += 1
    rule = body_rule(session.meeting.body.kind)
    return Quorum(
        members=session.members_total,
        present_hall=counts["hall"],
        present_online=counts["online"],
        excused=counts["excused"],
        absent=counts["absent"],
        unknown=counts[""],
        needed=rule.quorum_needed(session.members_total),
        rule=rule,
    )


def advance(session: Session, user: Any, item: AgendaItem | None = None) -> AgendaItem | None:
    """Move to ``item`` or to the next item of the agenda (None after the last one)."""
    items = list(session.meeting.agenda_items.order_by("position", "pk"))
    if item is None:
        if session.current_item_id is None:
            item = items[0] if items else None
        else:
            ids = [i.pk for i in items]
            at = ids.index(session.current_item_id) if session.current_item_id in ids else -1
            item = items[at + 1] if at + 1 < len(items) else None
    elif item.meeting_id != session.meeting_id:
        raise InputError("Nội dung không thuộc hội nghị này.", "item of another meeting")
    session.current_item = item
    with set_actor(user):
        session.save(update_fields=["current_item"])
    bump(session.pk)
    return item


def request_to_speak(session: Session, invitee: Invitee, item: AgendaItem) -> Speaker:
    if session.state != Session.State.OPEN:
        raise InputError("Hội nghị chưa khai mạc hoặc đã kết thúc.", "not open")
    if item.meeting_id != session.meeting_id:
        raise InputError("Nội dung không thuộc hội nghị này.", "item of another meeting")
    with transaction.atomic():
        waiting = Speaker.objects.filter(item=item, invitee=invitee, started_at__isnull=True)
        if waiting.exists():
            raise InputError("Đồng chí đã đăng ký phát biểu ở nội dung này.", "already queued")
        last = Speaker.objects.filter(item=item).aggregate(m=Max("position"))["m"] or 0
        speaker = Speaker.objects.create(item=item, invitee=invitee, position=last + 1)
    bump(session.pk)
    return speaker


def start_speaker(speaker: Speaker, user: Any = None) -> None:
    """Give the floor; whoever was speaking on the item stops now."""
    now = timezone.now()
    with set_actor(user), transaction.atomic():
        Speaker.objects.filter(
            item=speaker.item, started_at__isnull=False, ended_at__isnull=True
        ).update(ended_at=now)
        speaker.started_at = now
        speaker.save(update_fields=["started_at"])
    bump(speaker.invitee.session_id)


def stop_speaker(speaker: Speaker, user: Any = None) -> None:
    if speaker.started_at and not speaker.ended_at:
        speaker.ended_at = timezone.now()
        with set_actor(user):
            speaker.save(update_fields=["ended_at"])
        bump(speaker.invitee.session_id)
