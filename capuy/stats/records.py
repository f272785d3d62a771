"""Statements computed from the records, for any organisation subtree and period.

Each function counts the records of ``root`` and every unit below it between ``start`` and
``end`` (both inclusive), phrases the result with ``capuy.stats.phrases`` and attaches the
querysets behind each number (``Statement.records``) so a page can drill down.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Literal

from django.db.models import Count, Q

from capuy.orgs.models import Organisation, valid_at_q
from capuy.stats import phrases
from capuy.stats.counts import (
    discipline_decisions,
    member_events,
    oversight_subjects,
    petitions_carried_over,
    petitions_received,
    receptions,
)
from capuy.stats.statement import Statement

__all__ = [
    "admissions",
    "asset_verifications",
    "dialogues",
    "discipline",
    "inspections",
    "letters_and_cases",
    "member_count",
    "petitions",
    "quality_ratings",
    "recognitions",
    "resolution_rate",
    "strike_offs_and_removals",
]


def _target(root: Organisation, source: str, start: dt.date, end: dt.date):
    """The target set for ``root`` on the indicator computed from ``source`` covering the period."""
    from capuy.indicators.models import Target

    return (
        Target.objects.filter(
            organisation=root, indicator__source=source, start__lte=end, end__gte=start
        )
        .order_by("-start")
        .first()
    )


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
    target = _target(root, "members.admissions", start, end)
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
    stmt = phrases.strike_offs_and_removals(struck.count(), removed.count(), style=style)
    return Statement(
        stmt.kind, stmt.numbers, stmt.sentence, {"struck_off": struck, "removed": removed}
    )


def discipline(
    root: Organisation,
    start: dt.date,
    end: dt.date,
    *,
    style: Literal["organisations_first", "members_first"] = "organisations_first",
    deciding_bodies: list[str] | None = None,
) -> Statement:
    """Discipline by form; ``deciding_bodies`` narrows to e.g. ``["ubkt"]`` (the commission)."""
    qs = discipline_decisions(root, start, end, deciding_bodies)
    members = qs.filter(subject_member__isnull=False)
    orgs = qs.filter(subject_organisation__isnull=False)
    member_forms = dict(members.values_list("form").annotate(n=Count("pk")).order_by())
    org_forms = dict(orgs.values_list("form").annotate(n=Count("pk")).order_by())
    stmt = phrases.discipline(member_forms, org_forms, style=style)
    return Statement(
        stmt.kind, stmt.numbers, stmt.sentence, {"members": members, "organisations": orgs}
    )


def inspections(
    root: Organisation,
    start: dt.date,
    end: dt.date,
    *,
    activity: Literal["inspection", "supervision"] = "inspection",
    kind: str | None = None,
    bodies: list[str] | None = None,
    style: Literal["turns", "subjects"] = "turns",
    members_first: bool = False,
) -> Statement:
    """Inspections (or supervisions) counted by subject; ``kind`` narrows to one kind and takes
    its words from the vocabulary ("kiểm tra khi có dấu hiệu vi phạm")."""
    from capuy.vocab.records import terms

    phrase = "kiểm tra" if activity == "inspection" else "giám sát"
    if kind is not None:
        family = "inspection_kinds" if activity == "inspection" else "supervision_kinds"
        plain = kind.removeprefix("gs_")
        phrase = next(str(t.get("phrase")) for t in terms("oversight", family) if t.code == plain)
    kinds = None if kind is None else [kind]
    qs = oversight_subjects(root, start, end, activity, kinds, bodies)
    members = qs.filter(subject_member__isnull=False)
    orgs = qs.filter(subject_organisation__isnull=False)
    stmt = phrases.inspections(
        members.count(), orgs.count(), phrase=phrase, style=style, members_first=members_first
    )
    return Statement(
        activity, stmt.numbers, stmt.sentence, {"members": members, "organisations": orgs}
    )


def petitions(root: Organisation, start: dt.date, end: dt.date) -> Statement:
    """Letters received in the period by kind, and how they stood at the end of the period."""
    qs = petitions_received(root, start, end)
    by_kind = dict(qs.values_list("kind").annotate(n=Count("pk")).order_by())
    other = qs.filter(jurisdiction="other")
    forwarded = other.filter(handling="forwarded", handled_on__lte=end)
    filed = other.filter(handling="filed", handled_on__lte=end)
    own = qs.filter(jurisdiction="own")
    resolved = own.filter(handling="resolved", handled_on__lte=end)
    in_progress = own.exclude(pk__in=resolved.values("pk"))
    stmt = phrases.petitions(
        by_kind,
        forwarded=forwarded.count(),
        filed=filed.count(),
        own_in_progress=in_progress.count(),
        own_resolved=resolved.count(),
        out_of_jurisdiction=other.count(),
    )
    return Statement(
        stmt.kind,
        stmt.numbers,
        stmt.sentence,
        {
            "received": qs,
            "out_of_jurisdiction": other,
            "forwarded": forwarded,
            "filed": filed,
            "own": own,
            "own_resolved": resolved,
            "own_in_progress": in_progress,
        },
    )


def letters_and_cases(root: Organisation, start: dt.date, end: dt.date) -> Statement:
    """Letters and cases received, and those carried over from before the period."""
    received = petitions_received(root, start, end)
    carried = petitions_carried_over(root, start)

    def cases(qs):
        # A letter without a case is a case of its own.
        with_case = qs.filter(case__isnull=False).values("case").distinct().count()
        return with_case + qs.filter(case__isnull=True).count()

    stmt = phrases.letters_and_cases(
        received.count(), cases(received), carried.count(), cases(carried)
    )
    return Statement(
        stmt.kind, stmt.numbers, stmt.sentence, {"letters": received, "carried_letters": carried}
    )


def resolution_rate(
    root: Organisation,
    start: dt.date,
    end: dt.date,
    *,
    kinds: tuple[str, ...] = ("khieu_nai", "to_cao"),
    places: int = 0,
) -> Statement:
    """Share of in-jurisdiction cases (received in the period or carried into it) resolved by
    ``end``; a case is resolved when all its letters are."""
    scope = (petitions_received(root, start, end) | petitions_carried_over(root, start)).filter(
        jurisdiction="own", kind__in=list(kinds)
    )
    case_state: dict[object, bool] = {}
    for pk, case_id, handling, handled_on in scope.values_list(
        "pk", "case_id", "handling", "handled_on"
    ):
        key = ("case", case_id) if case_id else ("letter", pk)
        done = handling == "resolved" and handled_on is not None and handled_on <= end
        case_state[key] = case_state.get(key, True) and done
    resolved = sum(case_state.values())
    stmt = phrases.resolution_rate(resolved, len(case_state), places=places)
    return Statement(stmt.kind, stmt.numbers, stmt.sentence, {"cases": scope})


_UNIT_WORDS = ("xã", "phường", "thị trấn")


def _unit_word(org: Organisation) -> str | None:
    """ "xã", "phường" or "thị trấn" when the unit is a commune-level committee, else None."""
    text = f" {(org.committee_name or org.name).lower()} "
    return next((w for w in _UNIT_WORDS if f" {w} " in text), None)


def dialogues(
    root: Organisation, start: dt.date, end: dt.date, *, secretary_title: str = ""
) -> Statement:
    """The root secretary's dialogues, and those of the commune/ward units directly below."""
    own = receptions(root, start, end).filter(organisation=root)
    title = secretary_title or "Bí thư " + " ".join((root.committee_name or root.name).split()[:2])
    units = [
        child
        for child in Organisation.objects.filter(Q(parent=root) & valid_at_q(end)).order_by("path")
        if _unit_word(child)
    ]
    unit_qs = receptions(root, start, end).filter(organisation__in=units)
    held = set(unit_qs.values_list("organisation_id", flat=True).distinct())
    place_count = unit_qs.values("place").distinct().count()
    used = Counter(_unit_word(u) for u in units)
    unit_words = ", ".join(w for w in _UNIT_WORDS if used.get(w)) or "xã, phường"
    every = receptions(root, start, end)
    totals = every.values_list("opinions_raised", "opinions_resolved")
    raised = sum(r for r, _ in totals)
    solved = sum(s for _, s in totals)
    stmt = phrases.dialogues(
        own.count(),
        title,
        units_held=len(held),
        units_total=len(units),
        unit_dialogues=unit_qs.count(),
        places=place_count,
        unit_words=unit_words,
        opinions_raised=raised,
        opinions_resolved=solved,
    )
    return Statement(
        stmt.kind, stmt.numbers, stmt.sentence, {"own_dialogues": own, "unit_dialogues": unit_qs}
    )


def member_count(root: Organisation, at: dt.date) -> Statement:
    from capuy.members.services import members_at

    qs = members_at(root, at)
    stmt = phrases.member_count(qs.count())
    return Statement(stmt.kind, stmt.numbers, stmt.sentence, {"members": qs})


def asset_verifications(root: Organisation, start: dt.date, end: dt.date) -> Statement:
    """Asset-declaration verifications concluded in the period in the subtree."""
    from capuy.oversight.models import AssetVerification

    qs = AssetVerification.objects.filter(
        organisation__path__startswith=root.path, verified_on__gte=start, verified_on__lte=end
    ).select_related("member", "organisation")
    stmt = phrases.asset_verifications(
        qs.count(), list(qs.values_list("declaration_year", flat=True))
    )
    return Statement(stmt.kind, stmt.numbers, stmt.sentence, {"verified": qs})


GRASSROOTS_KINDS = ("dang_bo_co_so", "chi_bo_co_so")
GOOD_RATINGS = ("xuat_sac", "tot")


def quality_ratings(
    root: Organisation,
    year: int,
    *,
    style: Literal["counts", "threshold"] = "counts",
) -> Statement:
    """The year's ratings of the grassroots organisations and members in the subtree."""
    from capuy.members.models import MemberRating, OrganisationRating

    orgs = OrganisationRating.objects.filter(
        year=year, organisation__path__startswith=root.path, organisation__kind__in=GRASSROOTS_KINDS
    )
    members = MemberRating.objects.filter(
        year=year, member__organisation__path__startswith=root.path
    )
    stmt = phrases.quality_ratings(
        orgs.filter(rating__in=GOOD_RATINGS).count(),
        orgs.count(),
        members.filter(rating__in=GOOD_RATINGS).count(),
        members.count(),
        style=style,
    )
    return Statement(
        stmt.kind, stmt.numbers, stmt.sentence, {"organisations": orgs, "members": members}
    )
