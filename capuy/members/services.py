"""Operations on the register that keep events, affiliations and member fields consistent.

A form or the synthetic-data generator never writes ``Affiliation`` rows by hand: it calls
``admit`` or ``record_event``, which apply the event's effect (from the vocabulary:
join / confirm / move / leave / none) in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, QuerySet

from capuy.errors import InputError
from capuy.members.choices import event_effect
from capuy.members.models import Affiliation, Badge, Member, MemberEvent
from capuy.orgs.models import Organisation
from capuy.stats.counts import under
from capuy.text import shift_months
from capuy.vocab.records import badge_years, load, probation_months

__all__ = [
    "BadgeDue",
    "admit",
    "register_transfer_in",
    "badges_due",
    "member_count",
    "members_at",
    "recognition_due",
    "record_event",
]


@transaction.atomic
def admit(
    organisation: Organisation,
    full_name: str,
    gender: str,
    admitted_on: dt.date,
    *,
    birth_date: dt.date | None = None,
    card_number: str = "",
    decision: str = "",
) -> Member:
    """Register a newly admitted member: the member, the admission event, the affiliation."""
    member = Member.objects.create(
        organisation=organisation,
        full_name=full_name,
        gender=gender,
        birth_date=birth_date,
        card_number=card_number,
        admitted_on=admitted_on,
    )
    MemberEvent.objects.create(
        member=member,
        kind="admission",
        date=admitted_on,
        organisation=organisation,
        decision=decision,
    )
    Affiliation.objects.create(member=member, organisation=organisation, start=admitted_on)
    return member


@transaction.atomic
def register_transfer_in(
    organisation: Organisation,
    full_name: str,
    gender: str,
    admitted_on: dt.date,
    arrived_on: dt.date,
    *,
    recognised_on: dt.date | None = None,
    counterpart: str = "",
    birth_date: dt.date | None = None,
    card_number: str = "",
    decision: str = "",
) -> Member:
    """Register a member who moves their Party membership here (chuyển sinh hoạt đảng chính
    thức đến): counted from ``arrived_on``, Party age still from ``admitted_on``."""
    if arrived_on < admitted_on or (recognised_on is not None and recognised_on < admitted_on):
        raise InputError(
            "Ngày chuyển đến và ngày chính thức phải sau ngày vào Đảng.",
            "arrival and recognition must follow admission",
        )
    member = Member.objects.create(
        organisation=organisation,
        full_name=full_name,
        gender=gender,
        birth_date=birth_date,
        card_number=card_number,
        admitted_on=admitted_on,
        recognised_on=recognised_on,
    )
    MemberEvent.objects.create(
        member=member,
        kind="transfer_in_official",
        date=arrived_on,
        organisation=organisation,
        counterpart=counterpart,
        decision=decision,
    )
    Affiliation.objects.create(member=member, organisation=organisation, start=arrived_on)
    return member


@transaction.atomic
def record_event(
    member: Member,
    kind: str,
    date: dt.date,
    *,
    organisation: Organisation | None = None,
    counterpart: str = "",
    decision: str = "",
    note: str = "",
) -> MemberEvent:
    """Record an event and apply its effect on the member's affiliations.

    ``organisation`` is where the event is counted: the destination of a move, else the
    member's current unit.
    """
    try:
        effect = event_effect(kind)
    except KeyError as exc:
        raise InputError(
            f"Loại biến động không hợp lệ: {kind}", f"unknown event kind: {kind}"
        ) from exc
    if member.left_on is not None and effect != "none":
        raise InputError(
            f"{member.full_name} đã ra khỏi danh sách đảng viên từ {member.left_on:%d/%m/%Y}.",
            f"member left on {member.left_on.isoformat()}",
        )
    if effect == "confirm" and (member.admitted_on is None or date < member.admitted_on):
        raise InputError(
            "Ngày công nhận chính thức phải sau ngày kết nạp.",
            "recognition must follow admission",
        )
    unit = organisation or member.organisation
    event = MemberEvent.objects.create(
        member=member,
        kind=kind,
        date=date,
        organisation=unit if effect != "leave" else member.organisation,
        counterpart=counterpart,
        decision=decision,
        note=note,
    )
    open_affiliation = Q(member=member, end__isnull=True)
    if effect == "join":
        member.admitted_on = date
        member.organisation = unit
        Affiliation.objects.create(member=member, organisation=unit, start=date)
    elif effect == "confirm":
        member.recognised_on = date
    elif effect == "move":
        Affiliation.objects.filter(open_affiliation).update(end=date)
        Affiliation.objects.create(member=member, organisation=unit, start=date)
        member.organisation = unit
    elif effect == "leave":
        Affiliation.objects.filter(open_affiliation).update(end=date)
        member.left_on = date
        member.left_reason = kind
    member.save()
    return event


def members_at(root: Organisation, at: dt.date) -> QuerySet[Affiliation]:
    """Affiliations in ``root``'s subtree that contain the day ``at``."""
    return Affiliation.objects.filter(
        Q(end__isnull=True) | Q(end__gt=at),
        **under(root),
        start__lte=at,
    )


def member_count(root: Organisation, at: dt.date) -> int:
    """Members of ``root`` and every unit below it on the day ``at``."""
    return members_at(root, at).count()


def recognition_candidates(
    members: QuerySet[Member], as_of: dt.date, within_days: int = 30
) -> QuerySet[Member]:
    """The probationary members of ``members`` due by ``as_of + within_days``, most overdue
    first (a queryset: the home panel counts them and reads ten)."""
    horizon = as_of + dt.timedelta(days=within_days)
    latest_admission = shift_months(horizon, -probation_months())
    return members.filter(
        admitted_on__isnull=False,
        admitted_on__lte=latest_admission,
        recognised_on__isnull=True,
        left_on__isnull=True,
    ).order_by("admitted_on", "pk")


def recognition_due(
    members: QuerySet[Member], as_of: dt.date, within_days: int = 30
) -> list[tuple[Member, dt.date]]:
    """Probationary members whose 12 months end on or before ``as_of + within_days``.

    Returns (member, due date) pairs, most overdue first.
    """
    return with_due_dates(recognition_candidates(members, as_of, within_days))


def with_due_dates(candidates: Iterable[Member]) -> list[tuple[Member, dt.date]]:
    """(member, the day their probation ends) for each of ``candidates``."""
    months = probation_months()
    out = []
    for member in candidates:
        assert member.admitted_on is not None
        out.append((member, shift_months(member.admitted_on, months)))
    return out


@dataclass(frozen=True)
class BadgeDue:
    member: Member
    years: int
    anniversary: dt.date
    award_day: dt.date


def next_award_day(after: dt.date) -> dt.date:
    """The first usual award day (03/02, 19/5, 02/9, 07/11) on or after ``after``."""
    days = load("badges")["award_days"]
    for year in (after.year, after.year + 1):
        for entry in days:
            candidate = dt.date(year, int(entry["month"]), int(entry["day"]))
            if candidate >= after:
                return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def badges_due(
    members: QuerySet[Member], on: dt.date, since: dt.date | None = None
) -> list[BadgeDue]:
    """Members whose Party age reaches a badge level by the award day ``on`` and who have not
    received that badge yet: one entry per member, the highest level reached. With ``since``,
    only anniversaries falling on or after it (what a page lists as "coming up")."""
    levels = badge_years()
    oldest = shift_months(on, -12 * levels[0])
    candidates = members.filter(
        admitted_on__isnull=False, admitted_on__lte=oldest, left_on__isnull=True
    )
    if since is not None:
        window = Q()
        for level in levels:
            window |= Q(
                admitted_on__gte=shift_months(since, -12 * level),
                admitted_on__lte=shift_months(on, -12 * level),
            )
        candidates = candidates.filter(window)
    candidates = candidates.prefetch_related("badges")
    out = []
    for member in candidates:
        years = member.party_years(on)
        awarded = {b.years for b in member.badges.all()}
        reached = [y for y in levels if y <= years and y not in awarded]
        if reached:
            level = reached[-1]
            assert member.admitted_on is not None
            anniversary = shift_months(member.admitted_on, 12 * level)
            if since is not None and anniversary < since:
                continue
            out.append(BadgeDue(member, level, anniversary, next_award_day(anniversary)))
    return sorted(out, key=lambda d: (d.anniversary, d.member.pk))


def award_badge(member: Member, years: int, awarded_on: dt.date, decision: str = "") -> Badge:
    """Award a badge, refusing one the member's Party age does not reach yet."""
    if years not in badge_years():
        raise InputError(f"Không có Huy hiệu {years} năm tuổi Đảng.", f"no {years}-year badge")
    if member.party_years(awarded_on) < years:
        raise InputError(
            f"{member.full_name} chưa đủ {years} năm tuổi Đảng vào ngày {awarded_on:%d/%m/%Y}.",
            f"member has fewer than {years} years of Party age",
        )
    return Badge.objects.create(
        member=member, years=years, awarded_on=awarded_on, decision=decision
    )
