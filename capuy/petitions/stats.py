"""The petitions statistics: letters received and handled, complaints resolved, dialogues with
the people — the record sets behind each figure and the statements a report makes of them.

``register()`` (from ``PetitionsConfig.ready()``) adds the counts an indicator can use.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db.models import Count, Q, QuerySet, Sum

from capuy.orgs.models import Organisation, valid_at_q
from capuy.petitions.models import Petition, Reception
from capuy.stats import phrases
from capuy.stats.counts import register_count, under
from capuy.stats.statement import Statement
from capuy.vocab.areas import commune_words

__all__ = [
    "dialogues",
    "letters_and_cases",
    "petitions",
    "petitions_carried_over",
    "petitions_received",
    "receptions",
    "register",
    "resolution_rate",
]


def petitions_received(root: Organisation, start: dt.date, end: dt.date) -> QuerySet[Petition]:
    return Petition.objects.filter(received_on__gte=start, received_on__lte=end, **under(root))


def petitions_carried_over(root: Organisation, start: dt.date) -> QuerySet[Petition]:
    """Letters received before ``start`` and not yet finished on that day."""
    return Petition.objects.filter(
        Q(handled_on__isnull=True) | Q(handled_on__gte=start) | Q(handling="in_progress"),
        received_on__lt=start,
        **under(root),
    )


def receptions(
    root: Organisation, start: dt.date, end: dt.date, kind: str = "dialogue"
) -> QuerySet[Reception]:
    return Reception.objects.filter(kind=kind, date__gte=start, date__lte=end, **under(root))


def _resolved(root: Organisation, start: dt.date, end: dt.date) -> QuerySet[Petition]:
    return petitions_received(root, start, end).filter(
        jurisdiction="own", handling="resolved", handled_on__lte=end
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
    # The five counts in one pass over the period's letters (in progress = own − resolved).
    done = Q(handled_on__lte=end)
    n = qs.aggregate(
        other=Count("pk", filter=Q(jurisdiction="other")),
        forwarded=Count("pk", filter=Q(jurisdiction="other", handling="forwarded") & done),
        filed=Count("pk", filter=Q(jurisdiction="other", handling="filed") & done),
        own=Count("pk", filter=Q(jurisdiction="own")),
        resolved=Count("pk", filter=Q(jurisdiction="own", handling="resolved") & done),
    )
    stmt = phrases.petitions(
        by_kind,
        forwarded=n["forwarded"],
        filed=n["filed"],
        own_in_progress=n["own"] - n["resolved"],
        own_resolved=n["resolved"],
        out_of_jurisdiction=n["other"],
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

    def letters_cases(qs: QuerySet[Petition]) -> tuple[int, int]:
        # One pass: the letters, and the cases (a letter without a case is a case of its own).
        n = qs.aggregate(
            letters=Count("pk"),
            with_case=Count("case", distinct=True),
            alone=Count("pk", filter=Q(case__isnull=True)),
        )
        return n["letters"], n["with_case"] + n["alone"]

    stmt = phrases.letters_and_cases(*letters_cases(received), *letters_cases(carried))
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


def _unit_word(org: Organisation) -> str | None:
    """ "xã", "phường" or "thị trấn" when the unit is a commune-level committee, else None."""
    text = f" {(org.committee_name or org.name).lower()} "
    return next((w for w in commune_words() if f" {w} " in text), None)


def dialogues(
    root: Organisation, start: dt.date, end: dt.date, *, secretary_title: str = ""
) -> Statement:
    """The root secretary's dialogues, and those of the commune/ward units directly below."""
    own = receptions(root, start, end).filter(organisation=root)
    title = secretary_title or "Bí thư " + " ".join((root.committee_name or root.name).split()[:2])
    units = [
        child
        for child in Organisation.objects.filter(Q(parent=root) & valid_at_q(end)).order_by(
            "tree_key"
        )
        if _unit_word(child)
    ]
    unit_qs = receptions(root, start, end).filter(organisation__in=units)
    # Counted and summed in SQL, one query each for the units' dialogues and for all.
    of_units = unit_qs.aggregate(
        n=Count("pk"),
        held=Count("organisation", distinct=True),
        places=Count("place", distinct=True),
    )
    used = Counter(_unit_word(u) for u in units)
    unit_words = ", ".join(w for w in commune_words() if used.get(w)) or "xã, phường"
    every = receptions(root, start, end).aggregate(
        own=Count("pk", filter=Q(organisation=root)),
        raised=Sum("opinions_raised"),
        solved=Sum("opinions_resolved"),
    )
    raised = every["raised"] or 0
    solved = every["solved"] or 0
    stmt = phrases.dialogues(
        every["own"],
        title,
        units_held=of_units["held"],
        units_total=len(units),
        unit_dialogues=of_units["n"],
        places=of_units["places"],
        unit_words=unit_words,
        opinions_raised=raised,
        opinions_resolved=solved,
    )
    return Statement(
        stmt.kind, stmt.numbers, stmt.sentence, {"own_dialogues": own, "unit_dialogues": unit_qs}
    )


def register() -> None:
    """The petitions counts an indicator can be computed from (``Indicator.source``)."""
    register_count("petitions.received", petitions_received, dated_by="received_on")
    register_count("petitions.resolved", _resolved)
    register_count(
        "petitions.dialogues", lambda r, s, e: receptions(r, s, e, "dialogue"), dated_by="date"
    )
