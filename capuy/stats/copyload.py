"""Bulk loading with PostgreSQL's ``COPY … FROM STDIN`` (psycopg 3's ``cursor.copy``).

``copy_objects(model, objs)`` writes unsaved model instances in one COPY: the ids are reserved
from the table's sequence in one statement (so the instances get their primary keys, as
``bulk_create`` gives them on PostgreSQL, and later rows can point at them), each column's value
is what ``bulk_create`` would send (``pre_save`` then ``get_db_prep_save``), so the rows are the
same as the ORM's.

``copying()`` makes every ``bulk_create`` inside it a COPY: the record families' generators
(``capuy.members.synth`` …) call ``Model.objects.bulk_create`` and stay as they are, so the
national data is made by the very code that makes the town and the province. PostgreSQL only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection
from django.db.models import Model
from django.db.models.query import QuerySet

__all__ = ["copy_objects", "copying", "reserve_ids"]


def reserve_ids(model: type[Model], n: int) -> int:
    """The first of ``n`` consecutive ids taken from ``model``'s sequence at once."""
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, column])
        (sequence,) = cursor.fetchone()
        cursor.execute("SELECT setval(%s, nextval(%s) + %s - 1)", [sequence, sequence, n])
        (last,) = cursor.fetchone()
    return int(last) - n + 1


def copy_objects(model: type[Model], objs: Iterable[Model]) -> list[Model]:
    """Insert ``objs`` (instances of ``model``) with one COPY; returns them with their ids."""
    rows = list(objs)
    if not rows:
        return rows
    opts = model._meta
    for obj in rows:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
    fresh = [obj for obj in rows if obj.pk is None]
    if fresh:
        first = reserve_ids(model, len(fresh))
        for offset, obj in enumerate(fresh):
            obj.pk = first + offset
    fields = list(opts.concrete_fields)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg 3's cursor under Django's wrapper
        with raw.copy(f"COPY {quote(opts.db_table)} ({columns}) FROM STDIN") as copy:
            for obj in rows:
                copy.write_row(
                    [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
                )
    for obj in rows:
        obj._state.adding = False
        obj._state.db = connection.alias
    return rows


@contextmanager
def copying() -> Iterator[None]:
    """Within the block, ``QuerySet.bulk_create`` (and so every manager's) writes with COPY."""
    if connection.vendor != "postgresql":
        raise RuntimeError("COPY loading needs PostgreSQL")
    original = QuerySet.bulk_create

    def bulk_create(self: QuerySet[Any], objs: Iterable[Model], *args: Any, **kwargs: Any) -> Any:
        return copy_objects(self.model, objs)

    QuerySet.bulk_create = bulk_create
    try:
        yield
    finally:
        QuerySet.bulk_create = original
