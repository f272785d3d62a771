"""Who may enter a room: its invitees, and the office of the unit (scoped by organisation
and by the meeting's classification, through ``capuy.accounts.access``). Anyone else gets
404, never 403, so room numbers reveal nothing."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from capuy.accounts.access import clearance_of, organisations_with_role
from capuy.meetingroom.models import Session
from capuy.meetingroom.room import OFFICE_ROLES, is_office


def visible_rooms(user: Any) -> QuerySet[Session]:
    if not (user.is_authenticated and user.is_active):
        return Session.objects.none()
    office_orgs = organisations_with_role(user, *OFFICE_ROLES).values("pk")
    office = Q(meeting__organisation__in=office_orgs) & Q(
        meeting__classification__lte=clearance_of(user)
    )
    return (
        Session.objects.filter(office | Q(invitees__user=user))
        .distinct()
        .select_related("meeting__body", "meeting__organisation", "invitation")
        .order_by("-meeting__held_on", "-pk")
    )


def get_room(user: Any, pk: int) -> Session:
    try:
        return visible_rooms(user).get(pk=pk)
    except (Session.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Không tìm thấy phòng họp.") from exc


def get_office_room(user: Any, pk: int) -> Session:
    """A room whose console the user may run (office of the unit), else 404."""
    session = get_room(user, pk)
    if not is_office(user, session):
        raise Http404("Không tìm thấy phòng họp.")
    return session
