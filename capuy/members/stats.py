"""The members' statistics: the record sets behind each figure and the statements a report
makes of them (admissions, recognitions, strike-offs and removals, member count, ratings).

Each statement counts the records of ``root`` and every unit below it between ``start`` and
``end`` (both inclusive), phrases the result with ``capuy.stats.phrases`` and attaches the
querysets behind each number (``Statement.records``) so a page can drill down. The counts an
indicator can be computed from are registered in ``capuy.stats.counts`` by ``register()``,
called from ``MembersConfig.ready()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from django.db.models import Count, Q, QuerySet

from capuy.members.models import MemberEvent, MemberRating, OrganisationRating
from capuy.members.services import members_at
from capuy.members.tallies import GOOD_RATINGS, member_count_at, rating_counts
from capuy.orgs.models import Organisation
from capuy.stats import phrases
from capuy.stats.counts import register_count, target_for, under
from capuy.stats.statement import Statement

__all__ = [
    "admissions",
    "member_count",
    "member_events",
    "quality_ratings",
    "recognitions",
    "register",
    "strike_offs_and_removals",
]


def member_events(
    root: Organisation, start: dt.date, end: dt.date, kinds: Iterable[str]
) -> QuerySet[MemberEvent]:
    """Events of the given kinds dated within [start, end] in the subtree."""
    return MemberEvent.objects.filter(
        kind__in=list(kinds), date__gte=start, date__lte=end, **under(root)
    ).select_related("member", "organisation")


def admissions(
    root: Organisation,
    start: dt.date,
    end: dt.date,
    *,
    style: Literal["ratio", "achievement", "plain"] = "ratio",
    places: int = 2,
) -> Statement:
    """Admissions in the period against the target that covers it (if any)."""
    qs = member_events(root, start, end, ["admission"])
    target = target_for(root, "members.admissions", start, end)
    stmt = phrases.admissions(
        qs.count(),
        target.value if target else None,
        style=style,
        target_year=target.start.year if target else None,
        target_source=target.source if target else "",
        places=places,
    )
    return Statement(stmt.kind, stmt.numbers, stmt.sentence, {"admitted": qs})


def recognitions(root: Organisation, start: dt.date, end: dt.date) -> Statement:
    qs = member_events(root, start, end, ["recognition"])
    stmt = phrases.recognitions(qs.count())
    return Statement(stmt.kind, stmt.numbers, stmt.sentence, {"recognised": qs})


def strike_offs_and_removals(
    root: Organisation,
    start: dt.date,
    end: dt.date,
    *,
    style: Literal["quarterly", "review"] = "quarterly",
) -> Statement:
    struck = member_events(root, start, end, ["strike_off"])
    removed = member_events(root, start, end, ["removal"])
    # Both counts in one pass over the subtree's events of the period.
    n = MemberEvent.objects.filter(
        kind__in=["strike_off", "removal"], date__gte=start, date__lte=end, **under(root)
    ).aggregate(
        # the kind counted, not the key (the same: never null): read from the (kind, date)
        # index alone, with no row fetched, for the whole tree
        struck=Count("kind", filter=Q(kind="strike_off")),
        removed=Count("kind", filter=Q(kind="removal")),
    )
    stmt = phrases.strike_offs_and_removals(n["struck"], n["removed"], style=style)
    return Statement(
        stmt.kind, stmt.numbers, stmt.sentence, {"struck_off": struck, "removed": removed}
    )


def member_count(root: Organisation, at: dt.date) -> Statement:
    """Members of the subtree on ``at``: from the member-count tally (``capuy.members.tallies``)
    and the month's own changes, never stale; the drill-down lists the affiliations."""
    stmt = phrases.member_count(member_count_at(root, at))
    return Statement(stmt.kind, stmt.numbers, stmt.sentence, {"members": members_at(root, at)})


GRASSROOTS_KINDS = ("dang_bo_co_so", "chi_bo_co_so")


def quality_ratings(
    root: Organisation,
    year: int,
    *,
    style: Literal["counts", "threshold"] = "counts",
) -> Statement:
    """The year's ratings of the grassroots organisations and members in the subtree."""
    orgs = OrganisationRating.objects.filter(
        year=year, organisation__kind__in=GRASSROOTS_KINDS, **under(root)
    )
    members = MemberRating.objects.filter(year=year, **under(root, "member__organisation"))
    # The units' ratings in one pass (the total and the good ones as two filtered counts); the
    # members' from their tally (a few rows per unit instead of every member's rating).
    o = orgs.aggregate(total=Count("pk"), good=Count("pk", filter=Q(rating__in=GOOD_RATINGS)))
    m = rating_counts(root, year)
    stmt = phrases.quality_ratings(o["good"], o["total"], m["good"], m["total"], style=style)
    return Statement(
        stmt.kind, stmt.numbers, stmt.sentence, {"organisations": orgs, "members": members}
    )


def register() -> None:
    """The member counts an indicator can be computed from (``Indicator.source``)."""
    register_count(
        "members.admissions", lambda r, s, e: member_events(r, s, e, ["admission"]), dated_by="date"
    )
    register_count(
        "members.recognitions",
        lambda r, s, e: member_events(r, s, e, ["recognition"]),
        dated_by="date",
    )
    register_count(
        "members.strike_offs",
        lambda r, s, e: member_events(r, s, e, ["strike_off"]),
        dated_by="date",
    )
    register_count(
        "members.removals", lambda r, s, e: member_events(r, s, e, ["removal"]), dated_by="date"
    )
    register_count("members.count", lambda r, s, e: members_at(r, e))
