"""PostgreSQL: every three neighbouring words of an entry as one lexeme ``a_b_c`` in
``search_vector`` (``capuy.search.backends.postgres.TRIPLES_FUNCTION``), so a phrase of two or
three words — and a symbol, ``15-NQ/TU`` is "15 nq tu" — is matched by one lexeme of the GIN
index (its pair or its triple) with no positions rechecked, and a longer phrase only rechecks
the entries holding all its triples. Read from the vector's own positions, as 0006 reads the
pairs (the pairs and tokens already there have none, so they give no triples). SQLite:
nothing. ``capuy search --rebuild`` writes the same. At 100.000 entries: minutes (one UPDATE
per batch); run ``VACUUM (ANALYZE) search_searchentry`` after it.
"""

from django.db import migrations

TABLE = "search_searchentry"
BATCH = 5000


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from capuy.search.backends.postgres import TRIPLES_FUNCTION

    with schema_editor.connection.cursor() as cursor:
        cursor.execute(TRIPLES_FUNCTION)
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {TABLE}")
        last = cursor.fetchone()[0]
        for start in range(0, last + 1, BATCH):
            cursor.execute(
                f"UPDATE {TABLE} SET search_vector = "
                "search_vector || capuy_triples(search_vector) "
                "WHERE id >= %s AND id < %s AND search_vector IS NOT NULL",
                [start, start + BATCH],
            )


def backwards(apps, schema_editor):
    """Triple lexemes left in place are harmless (never typed); the code before this
    migration matches phrases with <-> and their pairs, and ``capuy search --rebuild`` writes
    vectors without them."""


class Migration(migrations.Migration):
    dependencies = [("search", "0007_postgres_id_blocks")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
