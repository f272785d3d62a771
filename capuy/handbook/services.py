"""Operations of the handbook that touch several rows: accounts, notices, the view log, meetings.

Views call these so that a rule (a reset is audited; a new meeting invites every member of the
cell and notifies those with an account; attendance statistics follow every change) lives in
one place.
"""

from __future__ import annotations

import datetime as dt
import secrets
import unicodedata
from collections.abc import Callable
from typing import Any

from auditlog.models import LogEntry
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from capuy.accounts.models import Profile
from capuy.errors import InputError
from capuy.handbook.models import (
    Attendance,
    CellMeeting,
    CellMonthAttendance,
    MemberAccount,
    Notification,
    ProfileView,
    Reading,
)
from capuy.members.models import Member

__all__ = [
    "create_account",
    "first_of_month",
    "log_profile_view",
    "notify_members",
    "open_meeting",
    "refresh_attendance",
    "reset_password",
    "temporary_password",
]

_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no look-alikes (l/1, o/0) on a paper slip


def temporary_password() -> str:
    """A password the secretary can read out or write down: 4 groups of 4 letters/digits."""
    return "-".join("".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(4))


def _username_for(member: Member) -> str:
    """``dv`` + card number, else ``dv`` + the register's id: stable, no personal name."""
    card = "".join(ch for ch in member.card_number if ch.isalnum())
    base = f"dv{card or member.pk}".lower()
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    name, n = base, 1
    while User.objects.filter(username=name).exists():
        n += 1
        name = f"{base}-{n}"
    return name


def _audit(actor: Any, target: Any, message: str) -> None:
    """An entry in the audit trail for an action that changes no audited field by itself."""
    LogEntry.objects.log_create(
        target,
        action=LogEntry.Action.UPDATE,
        changes={"handbook": [None, message]},
        actor=actor,
        force_log=True,
    )


@transaction.atomic
def create_account(member: Member, by: Any) -> tuple[MemberAccount, str]:
    """A login for ``member``; returns the account and its one-time password."""
    if member.left_on is not None:
        raise InputError(
            f"{member.full_name} không còn trong danh sách đảng viên.", "member has left"
        )
    if MemberAccount.objects.filter(member=member).exists():
        raise InputError(f"{member.full_name} đã có tài khoản.", "member already has an account")
    password = temporary_password()
    parts = member.full_name.split()
    user = User.objects.create_user(
        username=_username_for(member),
        password=password,
        last_name=" ".join(parts[:-1]),
        first_name=parts[-1] if parts else "",
    )
    Profile.objects.create(user=user)
    account = MemberAccount.objects.create(user=user, member=member, created_by=by)
    _audit(by, account, f"tạo tài khoản {user.username}")
    return account, password


@transaction.atomic
def reset_password(account: MemberAccount, by: Any) -> str:
    """A new one-time password; the member must change it at the next login. Audited."""
    password = temporary_password()
    account.user.set_password(password)
    account.user.save(update_fields=["password"])
    account.must_change_password = True
    account.save(update_fields=["must_change_password"])
    _audit(by, account, f"đặt lại mật khẩu của {account.user.username}")
    return password


def log_profile_view(viewer: Any, member: Member, page: str) -> None:
    """Remember that ``viewer`` looked at ``member``'s personal data on ``page``."""
    ProfileView.objects.create(
        viewer=viewer if viewer is not None and viewer.is_authenticated else None,
        member=member,
        page=page[:100],
    )


def notify_users(user_ids: Any, kind: str, text: str, url: str) -> int:
    """One notice for each user (e.g. the invitees of a meeting room); returns how many."""
    notices = [Notification(user_id=u, kind=kind, text=text[:300], url=url) for u in user_ids]
    Notification.objects.bulk_create(notices)
    return len(notices)


def notify_members(members: Any, kind: str, text: str, url: str) -> int:
    """One notice for each of ``members`` who has an account; returns how many were sent."""
    users = MemberAccount.objects.filter(member__in=members).values_list("user_id", flat=True)
    notices = [Notification(user_id=u, kind=kind, text=text[:300], url=url) for u in users]
    Notification.objects.bulk_create(notices)
    return len(notices)


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def cell_members(cell_id: int) -> Any:
    return Member.objects.filter(organisation_id=cell_id, left_on__isnull=True)


@transaction.atomic
def open_meeting(meeting: CellMeeting, url_for: Callable[[CellMeeting], str]) -> int:
    """Save a new meeting, invite every current member of the cell, notify them."""
    meeting.month = first_of_month(timezone.localdate(meeting.starts_at))
    meeting.save()
    members = cell_members(meeting.cell_id)
    Attendance.objects.bulk_create(Attendance(meeting=meeting, member=m) for m in members)
    refresh_attendance(meeting.cell_id, meeting.month)
    when = timezone.localtime(meeting.starts_at).strftime("%H:%M ngày %d/%m/%Y")
    text = f"{meeting.get_kind_display()}: {meeting.title} — {when}"
    return notify_members(members, "meeting", text, url_for(meeting))


def publish_reading(reading: Reading, url_for: Callable[[Reading], str]) -> int:
    """Save a reading and notify the members it reaches (within their clearance)."""
    reading.save()
    members = Member.objects.filter(
        organisation__path__startswith=reading.organisation.path, left_on__isnull=True
    )
    if reading.classification:
        members = members.filter(
            account__user__capuy_profile__clearance__gte=reading.classification
        )
    return notify_members(members, "reading", f"Tài liệu mới: {reading.title}", url_for(reading))


def refresh_attendance(cell_id: int, month: dt.date) -> None:
    """Rewrite the cell's monthly attendance row from its meetings and invitations."""
    meetings = CellMeeting.objects.filter(cell_id=cell_id, month=month)
    counts = Attendance.objects.filter(meeting__in=meetings).aggregate(
        n_invited=Count("pk"),
        n_present=Count("pk", filter=Q(present=True)),
        n_excused=Count("pk", filter=Q(reply=Attendance.Reply.NO)),
    )
    CellMonthAttendance.objects.update_or_create(
        cell_id=cell_id,
        month=month,
        defaults={
            "meetings": meetings.count(),
            "invited": counts["n_invited"],
            "present": counts["n_present"],
            "excused": counts["n_excused"],
        },
    )


def due_date_notices(user: Any, member: Member, today: dt.date) -> int:
    """Notices of the member's own due dates (recognition, Huy hiệu Đảng), each sent once.

    capuy has no scheduler yet, so they are made when the member opens the handbook; the text
    carries the date, so the same due date is never announced twice.
    """
    from capuy.text import shift_months as add_months
    from capuy.vocab.records import badge_years

    wanted: list[tuple[str, str]] = []
    if member.is_probationary and member.admitted_on is not None:
        ends = add_months(member.admitted_on, 12)
        if ends <= today + dt.timedelta(days=60):
            wanted.append(
                (
                    "due",
                    f"Hết thời gian dự bị ngày {ends:%d/%m/%Y}: chi bộ xét công nhận đảng viên chính thức.",
                )
            )
    if member.admitted_on is not None:
        awarded = set(member.badges.values_list("years", flat=True))
        for years in sorted(badge_years()):
            day = add_months(member.admitted_on, 12 * years)
            if years not in awarded and today <= day <= today + dt.timedelta(days=120):
                wanted.append(
                    (
                        "due",
                        f"Tròn {years} năm tuổi Đảng ngày {day:%d/%m/%Y}: đến hạn xét tặng Huy hiệu Đảng.",
                    )
                )
    existing = set(
        Notification.objects.filter(user=user, kind="due").values_list("text", flat=True)
    )
    new = [Notification(user=user, kind=k, text=t) for k, t in wanted if t not in existing]
    Notification.objects.bulk_create(new)
    return len(new)
