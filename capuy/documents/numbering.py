"""Taking numbers: the next number of a series, without gaps or duplicates under concurrency.

A number is taken and the document saved in ONE transaction, so a failed save gives the number
back (no gap). Two clerks taking numbers at once are serialised on the series' counter row:
``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite (which ignores FOR UPDATE) the transaction
itself is ``BEGIN IMMEDIATE`` (settings ``transaction_mode``), which takes the database's write
lock before the counter is read. The unique constraint on the documents would turn any slip
into an error instead of a duplicate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from capuy.documents.models import Direction, Document, NumberCounter
from capuy.orgs.models import Body, CommitteeTerm, Organisation, term_in_force, term_missing


def format_symbol(number: int, type_code: str, symbol_code: str) -> str:
    """Party form ``number-TYPE/BODY``; numbers below 10 written with two digits (01-KH/TU)."""
    return f"{number:02d}-{type_code}/{symbol_code}"


def term_for(organisation: Organisation, on: dt.date) -> CommitteeTerm:
    """The committee term of ``organisation`` in force on ``on`` (numbering restarts each term)."""
    term = term_in_force(organisation, on)
    if term is None:  # an ended term is not stamped silently (capuy.orgs.models.term_missing)
        raise ValidationError(
            {"issued_on": f"{term_missing(organisation, on)} Không cấp được số văn bản."}
        )
    return term


def _counter_key(body: Body, type_code: str, term: CommitteeTerm) -> dict[str, Any]:
    return {
        "organisation_id": body.organisation_id,
        "symbol_code": body.code,
        "type_code": type_code,
        "term": term,
    }


def _locked_counter(key: dict[str, Any]) -> NumberCounter:
    """The series' counter row, locked until the surrounding transaction ends."""
    locked = NumberCounter.objects.select_for_update()
    try:
        return locked.get(**key)
    except NumberCounter.DoesNotExist:
        pass
    try:
        with transaction.atomic():  # a savepoint: a lost creation race must not abort the caller
            return NumberCounter.objects.create(**key, last_number=0)
    except IntegrityError:
        return locked.get(**key)


def peek_next_number(body: Body, type_code: str, on: dt.date) -> tuple[int, str]:
    """The number (and symbol) the next document would take — for the form, not reserved."""
    term = term_for(body.organisation, on)
    last = (
        NumberCounter.objects.filter(**_counter_key(body, type_code, term))
        .values_list("last_number", flat=True)
        .first()
    ) or 0
    return last + 1, format_symbol(last + 1, type_code, body.code)


def register_outgoing(
    *,
    issuing_body: Body,
    type_code: str,
    issued_on: dt.date,
    summary: str,
    co_issuers: Iterable[Body] = (),
    **fields: Any,
) -> Document:
    """Number and save an outgoing document; raises ``ValidationError`` on bad fields.

    Everything is validated before the number is taken, and the number is taken in the same
    transaction as the save, so a refusal never burns a number.
    """
    term = term_for(issuing_body.organisation, issued_on)
    document = Document(
        direction=Direction.OUTGOING,
        organisation_id=issuing_body.organisation_id,
        issuing_body=issuing_body,
        type_code=type_code,
        term=term,
        symbol_code=issuing_body.code,
        issued_on=issued_on,
        summary=summary,
        number=0,
        **fields,
    )
    document.full_clean(exclude=["number", "symbol"], validate_unique=False)
    with transaction.atomic():
        counter = _locked_counter(_counter_key(issuing_body, type_code, term))
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
        document.number = counter.last_number
        document.symbol = format_symbol(counter.last_number, type_code, issuing_body.code)
        document.save()
        if co_issuers:
            document.co_issuers.set(list(co_issuers))
    return document


def register_incoming(*, organisation: Organisation, **fields: Any) -> Document:
    """Save an incoming document as received (its number and symbol are the sender's)."""
    document = Document(direction=Direction.INCOMING, organisation=organisation, **fields)
    document.full_clean()
    document.save()
    return document
