"""How many documents a user may see, without reading them: ``DocumentTally`` and its triggers.

At 100.000 documents the register's ``COUNT(*)`` read every visible row for each page of the
list (90–115 ms of a 190 ms page). The count of the unfiltered list is a sum over the rows of
``DocumentTally`` — one per (organisation, classification) — of the user's units up to the
user's clearance, through the same ``scope_queryset`` as the documents themselves, so it
says exactly what ``visible_documents(user).count()`` says.

The rows are kept by triggers in the database, not by Django signals: a trigger runs in the
transaction of the statement that changes the document, for a ``save()``, a ``delete()``, a
``bulk_create`` and a ``QuerySet.update`` alike, so the tally is never stale. SQLite and
PostgreSQL have their own trigger syntax; both are below. ``rebuild_counters()`` recounts
from the documents (the migration runs it once; it is idempotent).

A filtered list still counts its rows, bounded: past ``COUNT_CAP`` matching documents the
list says "hơn 10.000" rather than read them all.
"""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet, Sum

from capuy.accounts.access import scope_queryset
from capuy.documents.models import Document, DocumentTally

COUNT_CAP = 10_000

_DOC, _TALLY = "documents_document", "documents_documenttally"
_UPSERT = (
    f"INSERT INTO {_TALLY} (organisation_id, classification, total) "
    "VALUES (NEW.organisation_id, NEW.classification, 1) "
    "ON CONFLICT (organisation_id, classification) DO UPDATE SET total = {tally}.total + 1"
)
_DECREMENT = (
    f"UPDATE {_TALLY} SET total = total - 1 "
    "WHERE organisation_id = OLD.organisation_id AND classification = OLD.classification"
)

SQLITE_TRIGGERS = [
    f"CREATE TRIGGER document_tally_insert AFTER INSERT ON {_DOC} "
    f"BEGIN {_UPSERT.format(tally=_TALLY)}; END",
    f"CREATE TRIGGER document_tally_delete AFTER DELETE ON {_DOC} BEGIN {_DECREMENT}; END",
    f"CREATE TRIGGER document_tally_update AFTER UPDATE OF organisation_id, classification "
    f"ON {_DOC} WHEN OLD.organisation_id IS NOT NEW.organisation_id "
    "OR OLD.classification IS NOT NEW.classification "
    f"BEGIN {_DECREMENT}; {_UPSERT.format(tally=_TALLY)}; END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS document_tally_insert",
    "DROP TRIGGER IF EXISTS document_tally_delete",
    "DROP TRIGGER IF EXISTS document_tally_update",
]
POSTGRESQL_TRIGGERS = [
    f"""CREATE OR REPLACE FUNCTION document_tally() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN {_DECREMENT}; END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN {_UPSERT.format(tally=_TALLY)}; END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql""",
    f"CREATE TRIGGER document_tally_insert_delete AFTER INSERT OR DELETE ON {_DOC} "
    "FOR EACH ROW EXECUTE FUNCTION document_tally()",
    f"CREATE TRIGGER document_tally_update AFTER UPDATE OF organisation_id, classification "
    f"ON {_DOC} FOR EACH ROW WHEN (OLD.organisation_id IS DISTINCT FROM NEW.organisation_id "
    "OR OLD.classification IS DISTINCT FROM NEW.classification) "
    "EXECUTE FUNCTION document_tally()",
]
POSTGRESQL_DROP = [
    f"DROP TRIGGER IF EXISTS document_tally_insert_delete ON {_DOC}",
    f"DROP TRIGGER IF EXISTS document_tally_update ON {_DOC}",
    "DROP FUNCTION IF EXISTS document_tally()",
]


def _statements(vendor: str, drop: bool) -> list[str]:
    if vendor == "sqlite":
        return SQLITE_DROP if drop else SQLITE_TRIGGERS
    if vendor == "postgresql":
        return POSTGRESQL_DROP if drop else POSTGRESQL_TRIGGERS
    raise NotImplementedError(f"no document tally triggers for {vendor}")


def install_triggers(schema_editor: Any) -> None:
    """Create the triggers (migration ``documents.0005``)."""
    for sql in _statements(schema_editor.connection.vendor, drop=False):
        schema_editor.execute(sql, params=None)


def drop_triggers(schema_editor: Any) -> None:
    for sql in _statements(schema_editor.connection.vendor, drop=True):
        schema_editor.execute(sql, params=None)


RECOUNT = [
    f"DELETE FROM {_TALLY}",
    f"INSERT INTO {_TALLY} (organisation_id, classification, total) "
    f"SELECT organisation_id, classification, COUNT(*) FROM {_DOC} "
    "GROUP BY organisation_id, classification",
]


def recount(schema_editor: Any) -> None:
    """The tally recounted from the documents, in the migration's transaction."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"LOCK TABLE {_DOC} IN SHARE MODE", params=None)
    for sql in RECOUNT:
        schema_editor.execute(sql, params=None)


def rebuild_counters() -> int:
    """Recount every (organisation, classification) from the documents; returns the total.

    The migration does it once for an existing register; afterwards the triggers keep the rows
    right, so this is a repair and a check (a test compares the two after every kind of
    change). One transaction; on PostgreSQL the register is locked against writes meanwhile.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"LOCK TABLE {_DOC} IN SHARE MODE")
        for sql in RECOUNT:
            cursor.execute(sql)
    return int(DocumentTally.objects.aggregate(n=Sum("total"))["n"] or 0)


def visible_total(user: Any) -> int:
    """How many documents ``user`` may see in all: the sum of the tally over their units and
    clearance — the count of ``visible_documents(user)``, from a few dozen rows."""
    tally = scope_queryset(
        DocumentTally.objects.all(), user, "organisation", classification_field="classification"
    )
    return int(tally.aggregate(n=Sum("total"))["n"] or 0)


def bounded_count(documents: QuerySet[Document], cap: int | None = None) -> tuple[int, bool]:
    """(count, whether there are more): reads at most ``cap + 1`` (``COUNT_CAP``) rows."""
    cap = COUNT_CAP if cap is None else cap
    n = documents.order_by()[: cap + 1].count()
    return (cap, True) if n > cap else (n, False)
