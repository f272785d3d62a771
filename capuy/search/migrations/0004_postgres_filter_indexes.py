"""PostgreSQL only: b-tree indexes on the two most used facet filters (type, year), so a
one-word search with a filter combines the GIN bitmap with the filter's (``BitmapAnd``) instead
of reading every match's heap row — measured on 100.000 entries: 575 → 56 ms for «hội» +
type TC. Not on SQLite: its planner could then drive the join from the filter index and ask
FTS5 for one rowid at a time (FTS5 re-runs the query per rowid)."""

from django.db import migrations

TABLE = "search_searchentry"
INDEXES = {"search_entry_type_code": "type_code", "search_entry_year": "year"}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name, column in INDEXES.items():
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} ({column})")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_narrow_entry")]
    operations = [migrations.RunPython(forwards, backwards)]
