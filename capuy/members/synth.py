"""The members' synthetic records: members with their admission, recognition, moves and
departures, and the yearly quality ratings (``capuy.stats.synth`` runs it; registered from
``MembersConfig.ready()``). The random draws keep their order, so a scale and seed always give
the same records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from capuy.members.models import Affiliation, Member, MemberEvent, MemberRating, OrganisationRating
from capuy.orgs.models import Organisation
from capuy.stats.synth import (
    END,
    GIVEN,
    MIDDLE,
    START,
    SURNAMES,
    Generator,
    SynthUnits,
    batches,
    random_day,
    register_family,
)
from capuy.text import shift_months


def _plan(gen: Generator, cell: Organisation, siblings: list[Organisation]) -> dict[str, Any]:
    """One member of ``cell``, drawn: admission (recent or long ago), birth, name, gender,
    and perhaps a move to a sibling cell and a departure after it. The draws' order is the
    records' identity (one scale and seed give the same records): do not reorder them."""
    rng = gen.rng
    recent = rng.random() < gen.recent_share
    admitted = (
        gen.admission_day()
        if recent
        else random_day(rng, dt.date(1955, 1, 1), dt.date(2019, 12, 31))
    )
    born = shift_months(admitted, -12 * rng.randint(18, 40))
    plan: dict[str, Any] = {
        "cell": cell,
        "admitted": admitted,
        "born": born,
        "name": f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
        "gender": rng.choice(("nam", "nu")),
        "move": None,
        "leave": None,
    }
    after = max(admitted, START) + dt.timedelta(days=30)
    if after < END and rng.random() < 0.04:
        plan["move"] = (gen.event_day(after, END), rng.choice(siblings))
    if after < END and rng.random() < 0.05:
        kind = rng.choices(
            ["strike_off", "removal", "death", "resignation", "transfer_out_official"],
            weights=[30, 20, 35, 5, 10],
        )[0]
        start = plan["move"][0] + dt.timedelta(days=1) if plan["move"] else after
        if start < END:
            plan["leave"] = (gen.event_day(start, END), kind)
    return plan


def _member(p: dict[str, Any]) -> Member:
    """The member row of a plan: where it is now, recognised a year after admission (if
    that came before any departure and within the span), departed or not."""
    recognised = shift_months(p["admitted"], 12)
    leave = p["leave"]
    return Member(
        organisation=p["move"][1] if p["move"] else p["cell"],
        full_name=p["name"],
        gender=p["gender"],
        birth_date=p["born"],
        admitted_on=p["admitted"],
        recognised_on=recognised
        if recognised <= END and (not leave or recognised < leave[0])
        else None,
        left_on=leave[0] if leave else None,
        left_reason=leave[1] if leave else "",
    )


def members(
    gen: Generator, cells: list[Organisation], per_cell: Callable[[Organisation], int] | None = None
) -> list[Member]:
    """The members of every cell (drawn cell by cell, in order), bulk inserted, then their
    affiliations and events."""
    by_commune: dict[int, list[Organisation]] = {}
    for cell in cells:
        assert cell.parent_id is not None
        by_commune.setdefault(cell.parent_id, []).append(cell)
    plans: list[dict[str, Any]] = []
    for cell in cells:
        assert cell.parent_id is not None
        for _ in range(per_cell(cell) if per_cell else gen.scale.members_per_cell):
            plans.append(_plan(gen, cell, by_commune[cell.parent_id]))
    members = []
    for batch in batches(plans):
        rows = [_member(p) for p in batch]
        members.extend(Member.objects.bulk_create(rows))
        gen.advance("đảng viên", len(rows))
    _member_history(gen, members, plans)
    return members


def _affiliations(member: Member, p: dict[str, Any]) -> list[Affiliation]:
    """The cells a member belonged to: the first, and the one moved to (if any)."""
    end = p["leave"][0] if p["leave"] else None
    if not p["move"]:
        return [Affiliation(member=member, organisation=p["cell"], start=p["admitted"], end=end)]
    day, target = p["move"]
    return [
        Affiliation(member=member, organisation=p["cell"], start=p["admitted"], end=day),
        Affiliation(member=member, organisation=target, start=day, end=end),
    ]


def _events(member: Member, p: dict[str, Any]) -> list[MemberEvent]:
    """A member's events within the span: move, admission, recognition, departure."""
    events = []
    if p["move"]:
        day, target = p["move"]
        events.append(
            MemberEvent(member=member, kind="transfer_internal", date=day, organisation=target)
        )
    if p["admitted"] >= START:
        events.append(
            MemberEvent(member=member, kind="admission", date=p["admitted"], organisation=p["cell"])
        )
    if member.recognised_on and member.recognised_on >= START:
        unit = p["cell"] if not p["move"] or member.recognised_on < p["move"][0] else p["move"][1]
        events.append(
            MemberEvent(
                member=member, kind="recognition", date=member.recognised_on, organisation=unit
            )
        )
    if p["leave"]:
        day, kind = p["leave"]
        events.append(
            MemberEvent(member=member, kind=kind, date=day, organisation=member.organisation)
        )
    return events


def _member_history(gen: Generator, members: list[Member], plans: list[dict[str, Any]]) -> None:
    """Every member's affiliations and events, bulk inserted."""
    affiliations: list[Affiliation] = []
    events: list[MemberEvent] = []
    for member, p in zip(members, plans, strict=True):
        affiliations += _affiliations(member, p)
        events += _events(member, p)
    for batch in batches(affiliations):
        Affiliation.objects.bulk_create(batch)
    for batch in batches(events):
        MemberEvent.objects.bulk_create(batch)
        gen.advance("biến động", len(batch))


def ratings(gen: Generator, members: list[Member], units: list[Organisation]) -> None:
    """Yearly quality ratings of the last two years, for members and units present then."""
    rng = gen.rng
    codes, weights = ["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"], [15, 75, 8, 2]
    rows: list[MemberRating] = []
    for year in (END.year - 1, END.year):
        year_end = dt.date(year, 12, 31)
        for m in members:
            if (
                m.admitted_on
                and m.admitted_on <= year_end
                and (m.left_on is None or m.left_on > year_end)
            ):
                rows.append(
                    MemberRating(member=m, year=year, rating=rng.choices(codes, weights)[0])
                )
    for batch in batches(rows):
        MemberRating.objects.bulk_create(batch)
    OrganisationRating.objects.bulk_create(
        OrganisationRating(organisation=u, year=year, rating=rng.choices(codes, [20, 70, 8, 2])[0])
        for u in units
        for year in (END.year - 1, END.year)
    )
    gen.advance("xếp loại chất lượng", len(rows))


def fill(gen: Generator, units: SynthUnits) -> None:
    """Members in the cells, then the ratings of the units and members."""
    units.members = members(gen, units.cells, units.per_cell)
    ratings(gen, units.members, units.rating_units)


def register() -> None:
    register_family("members", fill, order=10)
