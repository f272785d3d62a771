"""Taking arrival numbers and moving an arrival through its handling.

A number is taken and the arrival saved in ONE transaction, serialised on the book's counter
row as ``capuy.documents.numbering`` does for outgoing numbers (``SELECT … FOR UPDATE`` on
PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite): two clerks registering at once get consecutive
numbers, a refused save gives its number back. Each handling step is saved under the acting
user (``set_actor``) so the audit trail names them too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from auditlog.context import set_actor
from django.db import IntegrityError, transaction
from django.utils import timezone

from capuy.incoming.models import Arrival, ArrivalCounter, State, Step
from capuy.orgs.models import Organisation


def _locked_counter(organisation: Organisation, year: int) -> ArrivalCounter:
    locked = ArrivalCounter.objects.select_for_update()
    try:
        return locked.get(organisation=organisation, year=year)
    except ArrivalCounter.DoesNotExist:
        pass
    try:
        with transaction.atomic():  # a savepoint: a lost creation race must not abort the caller
            return ArrivalCounter.objects.create(organisation=organisation, year=year)
    except IntegrityError:
        return locked.get(organisation=organisation, year=year)


def peek_arrival_number(organisation: Organisation, year: int) -> int:
    """The number the next arrival of the year would take — shown on the form, not reserved."""
    last = (
        ArrivalCounter.objects.filter(organisation=organisation, year=year)
        .values_list("last_number", flat=True)
        .first()
    )
    return (last or 0) + 1


def register_arrival(
    *, organisation: Organisation, received_on: dt.date, user: Any = None, **fields: Any
) -> Arrival:
    """Number and save an arrival in its unit's book of the year it arrived; raises
    ``ValidationError`` on bad fields before any number is taken."""
    arrival = Arrival(
        organisation=organisation,
        received_on=received_on,
        year=received_on.year,
        number=0,
        created_by=user,
        **fields,
    )
    arrival.full_clean(exclude=["number"], validate_unique=False)
    with set_actor(user), transaction.atomic():
        counter = _locked_counter(organisation, received_on.year)
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
        arrival.number = counter.last_number
        arrival.save()
    return arrival


def route(
    arrival: Arrival,
    *,
    actor: Any,
    to_user: Any,
    instruction: str = "",
    leader: Any = None,
    deadline: dt.date | None = None,
) -> Step:
    """Chuyển xử lý: ``to_user`` handles it from now, with the leader's instruction (ý kiến
    chỉ đạo) and a deadline (the earlier one is kept when none is given)."""
    with set_actor(actor), transaction.atomic():
        step = Step.objects.create(
            arrival=arrival,
            kind=Step.Kind.ROUTED,
            actor=actor,
            leader=leader,
            instruction=instruction.strip(),
            to_user=to_user,
            deadline=deadline,
        )
        arrival.handler = to_user
        arrival.deadline = deadline or arrival.deadline
        arrival.state = State.IN_HAND
        arrival.handled_on = None
        arrival.save(update_fields=["handler", "deadline", "state", "handled_on"])
    return step


def finish(
    arrival: Arrival, *, actor: Any, note: str = "", filed: bool = False, on: dt.date | None = None
) -> Step:
    """Đã xử lý (with what was done), or Lưu, để biết (nothing to do but keep it); ``on``
    defaults to today (the demo closes its arrivals on their own days)."""
    kind, state = (Step.Kind.FILED, State.FILED) if filed else (Step.Kind.DONE, State.DONE)
    with set_actor(actor), transaction.atomic():
        step = Step.objects.create(arrival=arrival, kind=kind, actor=actor, note=note.strip())
        arrival.state = state
        arrival.handled_on = on or timezone.localdate()
        arrival.save(update_fields=["state", "handled_on"])
    return step


def reopen(arrival: Arrival, *, actor: Any, note: str = "") -> Step:
    """Back to handling (a result sent back, a filed arrival that needs an answer after all)."""
    with set_actor(actor), transaction.atomic():
        step = Step.objects.create(
            arrival=arrival, kind=Step.Kind.REOPENED, actor=actor, note=note.strip()
        )
        arrival.state = State.IN_HAND if arrival.handler_id else State.WAITING
        arrival.handled_on = None
        arrival.save(update_fields=["state", "handled_on"])
    return step
