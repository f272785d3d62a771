"""Scope and facet values as tokens in the full-text index (``capuy.search.tokens``).

SQLite: an FTS5 table cannot gain a column, so ``search_fts`` is made again with the fifth
column ``s``: the indexed text is copied from the old table as it is (no re-folding) and each
entry's tokens are computed from its row. PostgreSQL: the tokens are added to every entry's
``search_vector`` as ``§``-lexemes. ``capuy search --rebuild`` writes the same.
"""

from django.db import migrations

TABLE = "search_searchentry"
BATCH = 5000


def _token_rows(cursor):
    from capuy.search.tokens import entry_tokens

    cursor.execute(
        f"SELECT id, kind, organisation_id, classification, type_code, year FROM {TABLE}"
    )
    for pk, kind, org, level, type_code, year in cursor.fetchall():
        yield pk, entry_tokens(kind, org, level, type_code, year)


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        rows = list(_token_rows(cursor))
        if vendor == "sqlite":
            from capuy.search.backends.sqlite import CREATE

            cursor.execute("CREATE TEMP TABLE search_tokens (id INTEGER PRIMARY KEY, s TEXT)")
            cursor.executemany(
                "INSERT INTO search_tokens (id, s) VALUES (%s, %s)",
                [(pk, " ".join(tokens)) for pk, tokens in rows],
            )
            cursor.execute("ALTER TABLE search_fts RENAME TO search_fts_old")
            cursor.execute(CREATE)
            cursor.execute(
                "INSERT INTO search_fts (rowid, t, b, tx, bx, s) "
                "SELECT o.rowid, o.t, o.b, o.tx, o.bx, coalesce(k.s, '') "
                "FROM search_fts_old o LEFT JOIN search_tokens k ON k.id = o.rowid"
            )
            cursor.execute("DROP TABLE search_fts_old")
            cursor.execute("DROP TABLE search_tokens")
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        elif vendor == "postgresql":
            from capuy.search.backends.postgres import TOKEN_PREFIX

            for start in range(0, len(rows), BATCH):
                cursor.executemany(
                    f"UPDATE {TABLE} SET search_vector = "
                    "coalesce(search_vector, ''::tsvector) || array_to_tsvector(%s::text[]) "
                    "WHERE id = %s",
                    [
                        ([TOKEN_PREFIX + t for t in tokens], pk)
                        for pk, tokens in rows[start : start + BATCH]
                    ],
                )


def backwards(apps, schema_editor):
    """Tokens left in place are harmless (never matched by typed text); SQLite's fifth column
    stays too — ``capuy search --rebuild`` is enough."""


class Migration(migrations.Migration):
    dependencies = [("search", "0004_postgres_filter_indexes")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
