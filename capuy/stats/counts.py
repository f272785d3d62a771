"""The record sets behind every figure, for an organisation subtree and a period.

Each function returns a queryset (so a page can list the records behind a number) whose
``count()`` is the figure. A subtree is one condition on the organisation's materialised path
(``path LIKE '/1/4/%'``), joined to the records' indexed ``(organisation, …, date)`` columns:
nothing is precomputed, so a figure is always live.

``COUNTS`` names the counts an indicator can be computed from (``Indicator.source``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import QuerySet

from capuy.members.models import MemberEvent
from capuy.members.services import members_at
from capuy.orgs.models import Organisation
from capuy.oversight.models import DisciplineDecision, OversightSubject
from capuy.petitions.models import Petition, Reception

__all__ = [
    "COUNTS",
    "count_for",
    "discipline_decisions",
    "member_events",
    "oversight_subjects",
    "petitions_carried_over",
    "petitions_received",
    "receptions",
]


def _under(root: Organisation, field: str = "organisation") -> dict[str, str]:
    return {f"{field}__path__startswith": root.path}


def member_events(
    root: Organisation, start: dt.date, end: dt.date, kinds: Iterable[str]
) -> QuerySet[MemberEvent]:
    """Events of the given kinds dated within [start, end] in the subtree."""
    return MemberEvent.objects.filter(
        kind__in=list(kinds), date__gte=start, date__lte=end, **_under(root)
    ).select_related("member", "organisation")


def discipline_decisions(
    root: Organisation,
    start: dt.date,
    end: dt.date,
    deciding_bodies: Iterable[str] | None = None,
) -> QuerySet[DisciplineDecision]:
    qs = DisciplineDecision.objects.filter(
        decided_on__gte=start, decided_on__lte=end, **_under(root)
    )
    if deciding_bodies is not None:
        qs = qs.filter(deciding_body__in=list(deciding_bodies))
    return qs.select_related("subject_member", "subject_organisation", "organisation")


def oversight_subjects(
    root: Organisation,
    start: dt.date,
    end: dt.date,
    activity: str = "inspection",
    kinds: Iterable[str] | None = None,
    bodies: Iterable[str] | None = None,
) -> QuerySet[OversightSubject]:
    """Subjects ("lượt") of inspections or supervisions begun within the period in the subtree."""
    qs = OversightSubject.objects.filter(
        oversight__activity=activity,
        oversight__started_on__gte=start,
        oversight__started_on__lte=end,
        **_under(root, "oversight__organisation"),
    )
    if kinds is not None:
        qs = qs.filter(oversight__kind__in=list(kinds))
    if bodies is not None:
        qs = qs.filter(oversight__body__in=list(bodies))
    return qs.select_related("oversight", "subject_member", "subject_organisation")


def petitions_received(root: Organisation, start: dt.date, end: dt.date) -> QuerySet[Petition]:
    return Petition.objects.filter(received_on__gte=start, received_on__lte=end, **_under(root))


def petitions_carried_over(root: Organisation, start: dt.date) -> QuerySet[Petition]:
    """Letters received before ``start`` and not yet finished on that day."""
    from django.db.models import Q

    return Petition.objects.filter(
        Q(handled_on__isnull=True) | Q(handled_on__gte=start) | Q(handling="in_progress"),
        received_on__lt=start,
        **_under(root),
    )


def receptions(
    root: Organisation, start: dt.date, end: dt.date, kind: str = "dialogue"
) -> QuerySet[Reception]:
    return Reception.objects.filter(kind=kind, date__gte=start, date__lte=end, **_under(root))


def _resolved(root: Organisation, start: dt.date, end: dt.date) -> QuerySet[Petition]:
    return petitions_received(root, start, end).filter(
        jurisdiction="own", handling="resolved", handled_on__lte=end
    )


COUNTS: dict[str, Callable[[Organisation, dt.date, dt.date], QuerySet[Any]]] = {
    "members.admissions": lambda r, s, e: member_events(r, s, e, ["admission"]),
    "members.recognitions": lambda r, s, e: member_events(r, s, e, ["recognition"]),
    "members.strike_offs": lambda r, s, e: member_events(r, s, e, ["strike_off"]),
    "members.removals": lambda r, s, e: member_events(r, s, e, ["removal"]),
    "members.count": lambda r, s, e: members_at(r, e),
    "oversight.disciplined_members": lambda r, s, e: discipline_decisions(r, s, e).filter(
        subject_member__isnull=False
    ),
    "oversight.disciplined_organisations": lambda r, s, e: discipline_decisions(r, s, e).filter(
        subject_organisation__isnull=False
    ),
    "oversight.inspected_members": lambda r, s, e: oversight_subjects(r, s, e).filter(
        subject_member__isnull=False
    ),
    "oversight.inspected_organisations": lambda r, s, e: oversight_subjects(r, s, e).filter(
        subject_organisation__isnull=False
    ),
    "petitions.received": petitions_received,
    "petitions.resolved": _resolved,
    "petitions.dialogues": lambda r, s, e: receptions(r, s, e, "dialogue"),
}


def count_for(source: str, root: Organisation, start: dt.date, end: dt.date) -> int:
    """The live value of a computed indicator source."""
    return COUNTS[source](root, start, end).count()
