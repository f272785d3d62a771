"""Scoped querysets of the incoming register: by unit and clearance, in the SQL query."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db.models import QuerySet

from capuy.accounts.access import get_scoped_object_or_404, scope_queryset
from capuy.accounts.levels import Role
from capuy.accounts.models import RoleAssignment
from capuy.incoming.models import Arrival
from capuy.orgs.models import Organisation

HANDLING_ROLES = (str(Role.SPECIALIST), str(Role.LEADER), str(Role.CLERK))


def visible_arrivals(user: Any) -> QuerySet[Arrival]:
    """Every arrival the user may see: their units' books, up to their clearance."""
    return scope_queryset(
        Arrival.objects.select_related("organisation", "handler"),
        user,
        org_field="organisation",
        classification_field="classification",
    )


def get_visible_arrival(user: Any, pk: int) -> Arrival:
    """One arrival the user may see, else 404 (also for a guessed id out of scope)."""
    return get_scoped_object_or_404(
        Arrival.objects.select_related("organisation", "handler", "created_by"),
        user,
        org_field="organisation",
        classification_field="classification",
        pk=pk,
    )


def handlers_for(organisation: Organisation, classification: int) -> QuerySet[User]:
    """People an arrival can be routed to: active staff of its unit whose clearance covers
    the arrival's classification (a ward's arrival is handled in the ward's office)."""
    assigned = RoleAssignment.objects.filter(
        organisation=organisation, role__in=HANDLING_ROLES
    ).values("user")
    return (
        User.objects.filter(pk__in=assigned, is_active=True)
        .filter(capuy_profile__clearance__gte=classification)
        .order_by("first_name", "last_name", "username")
    )


def leaders_for(organisation: Organisation) -> QuerySet[User]:
    """The unit's leaders (lãnh đạo), whose instruction the clerk may record."""
    assigned = RoleAssignment.objects.filter(organisation=organisation, role=Role.LEADER).values(
        "user"
    )
    return User.objects.filter(pk__in=assigned, is_active=True).order_by("first_name")


def previous_senders(
    user: Any, organisations: QuerySet[Organisation], limit: int = 200
) -> list[str]:
    """Senders already written in these units' books, most used first (the form's datalist):
    only from arrivals the user may see — a Mật arrival's sender is not told to a clerk of
    ordinary clearance."""
    from django.db.models import Count

    rows = (
        visible_arrivals(user)
        .filter(organisation__in=organisations)
        .values("sender")
        .annotate(n=Count("pk"))
        .order_by("-n", "sender")[:limit]
    )
    return [row["sender"] for row in rows]
