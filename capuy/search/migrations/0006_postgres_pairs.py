"""PostgreSQL: every two neighbouring words of an entry as one lexeme ``a_b`` in
``search_vector`` (``capuy.search.backends.postgres.PAIRS_FUNCTION``), so a phrase is matched
through the GIN index's pairs and only the entries holding all of them are rechecked for
positions. Read from the vector's own positions — no text is folded again. SQLite: nothing
(FTS5 matches phrases from its positional index). ``capuy search --rebuild`` writes the same.
At 100.000 entries: about 4 minutes on a loaded machine, the GIN index 33 → 143 MB; run
``VACUUM (ANALYZE) search_searchentry`` after it (the UPDATE leaves the old row versions, and
the pairs need statistics).
"""

from django.db import migrations

TABLE = "search_searchentry"
BATCH = 5000


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from capuy.search.backends.postgres import PAIRS_FUNCTION

    with schema_editor.connection.cursor() as cursor:
        cursor.execute(PAIRS_FUNCTION)
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {TABLE}")
        last = cursor.fetchone()[0]
        for start in range(0, last + 1, BATCH):
            cursor.execute(
                f"UPDATE {TABLE} SET search_vector = search_vector || capuy_pairs(search_vector) "
                "WHERE id >= %s AND id < %s AND search_vector IS NOT NULL",
                [start, start + BATCH],
            )


def backwards(apps, schema_editor):
    """Pair lexemes left in place are harmless (never typed; phrases still recheck
    positions); ``capuy search --rebuild`` writes vectors without them after a downgrade."""


class Migration(migrations.Migration):
    dependencies = [("search", "0005_index_tokens")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
