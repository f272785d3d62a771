"""PostgreSQL: every entry's ``search_vector`` also carries its id block as a token
(``§b<id // 1024>``, ``capuy.search.backends.postgres.block_token``), so a search reads its
newest matches one range of blocks at a time (``PostgresBackend.newest``) and GIN gives only
the matches inside the range — not every match of a common word or phrase, each visited in
the heap (and, for a phrase, de-TOASTed for the positions' recheck) before the newest 2.001
are sorted out. ``capuy search --rebuild`` writes the same. SQLite: nothing (FTS5 walks its
matches by rowid already). At 100.000 entries a few minutes (one UPDATE per batch); run
``VACUUM (ANALYZE) search_searchentry`` after it.
"""

from django.db import migrations

TABLE = "search_searchentry"
BATCH = 5000
BLOCK = 1024  # capuy.search.backends.postgres.BLOCK when this was written


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {TABLE}")
        last = cursor.fetchone()[0]
        for start in range(0, last + 1, BATCH):
            cursor.execute(
                f"UPDATE {TABLE} SET search_vector = search_vector || "
                f"array_to_tsvector(ARRAY['§b' || (id / {BLOCK})]) "
                "WHERE id >= %s AND id < %s AND search_vector IS NOT NULL",
                [start, start + BATCH],
            )


def backwards(apps, schema_editor):
    """Block tokens left in place are harmless (never typed: typed words carry no ``§``)."""


class Migration(migrations.Migration):
    dependencies = [("search", "0006_postgres_pairs")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
