"""The full-text part of the index, per database: an FTS5 table on SQLite; ``unaccent``, the
immutable ``capuy_fold`` wrapper, two ``tsvector`` columns and a GIN index on PostgreSQL."""

from django.db import migrations


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            # the table as it was then (four columns); search.0005 adds the tokens column
            cursor.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
                "t, b, tx, bx, tokenize = 'unicode61 remove_diacritics 0')"
            )
        elif vendor == "postgresql":
            from capuy.search.backends.postgres import SETUP

            for statement in SETUP:
                cursor.execute(statement)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute("DROP TABLE IF EXISTS search_fts")
        elif vendor == "postgresql":
            from capuy.search.backends.postgres import TEARDOWN

            for statement in TEARDOWN:
                cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
