"""The oversight statistics: discipline, inspections and supervisions, asset verifications —
the record sets behind each figure and the statements a report makes of them.

``register()`` (from ``OversightConfig.ready()``) adds the counts an indicator can use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from django.db.models import Count, Q, QuerySet

from capuy.orgs.models import Organisation
from capuy.oversight.models import AssetVerification, DisciplineDecision, OversightSubject
from capuy.stats import phrases
from capuy.stats.counts import register_count, under
from capuy.stats.statement import Statement

__all__ = [
    "asset_verifications",
    "discipline",
    "discipline_decisions",
    "inspections",
    "oversight_subjects",
    "register",
]


def discipline_decisions(
    root: Organisation,
    start: dt.date,
    end: dt.date,
    deciding_bodies: Iterable[str] | None = None,
) -> QuerySet[DisciplineDecision]:
    qs = DisciplineDecision.objects.filter(
        decided_on__gte=start, decided_on__lte=end, **under(root)
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
        **under(root, "oversight__organisation"),
    )
    if kinds is not None:
        qs = qs.filter(oversight__kind__in=list(kinds))
    if bodies is not None:
        qs = qs.filter(oversight__body__in=list(bodies))
    return qs.select_related("oversight", "subject_member", "subject_organisation")


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
    # Members' and organisations' forms in one grouped query.
    by_form = list(
        qs.values_list("form")
        .annotate(
            m=Count("pk", filter=Q(subject_member__isnull=False)),
            o=Count("pk", filter=Q(subject_organisation__isnull=False)),
        )
        .order_by()
    )
    member_forms = {form: m for form, m, _ in by_form if m}
    org_forms = {form: o for form, _, o in by_form if o}
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
    n = qs.aggregate(
        members=Count("pk", filter=Q(subject_member__isnull=False)),
        orgs=Count("pk", filter=Q(subject_organisation__isnull=False)),
    )
    stmt = phrases.inspections(
        n["members"], n["orgs"], phrase=phrase, style=style, members_first=members_first
    )
    return Statement(
        activity, stmt.numbers, stmt.sentence, {"members": members, "organisations": orgs}
    )


def asset_verifications(root: Organisation, start: dt.date, end: dt.date) -> Statement:
    """Asset-declaration verifications concluded in the period in the subtree."""
    qs = AssetVerification.objects.filter(
        **under(root), verified_on__gte=start, verified_on__lte=end
    ).select_related("member", "organisation")
    years = list(qs.values_list("declaration_year", flat=True))
    stmt = phrases.asset_verifications(len(years), years)
    return Statement(stmt.kind, stmt.numbers, stmt.sentence, {"verified": qs})


def register() -> None:
    """The oversight counts an indicator can be computed from (``Indicator.source``)."""
    register_count(
        "oversight.disciplined_members",
        lambda r, s, e: discipline_decisions(r, s, e).filter(subject_member__isnull=False),
    )
    register_count(
        "oversight.disciplined_organisations",
        lambda r, s, e: discipline_decisions(r, s, e).filter(subject_organisation__isnull=False),
    )
    register_count(
        "oversight.inspected_members",
        lambda r, s, e: oversight_subjects(r, s, e).filter(subject_member__isnull=False),
    )
    register_count(
        "oversight.inspected_organisations",
        lambda r, s, e: oversight_subjects(r, s, e).filter(subject_organisation__isnull=False),
    )
