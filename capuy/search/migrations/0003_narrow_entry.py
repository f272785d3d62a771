"""The entry row made narrow: title and body move to ``search_searchtext`` (one row per entry),
so the total and the facet counts of a common word's tens of thousands of matches read small
rows (on SQLite the body pushed the facet columns onto overflow pages)."""

from django.db import migrations, models


def compact(apps, schema_editor):
    """SQLite drops a column in place, leaving each row on its old, now mostly empty page:
    copy the table so its rows are packed (PostgreSQL: ``VACUUM FULL`` when convenient)."""
    if schema_editor.connection.vendor == "sqlite":
        schema_editor._remake_table(apps.get_model("search", "SearchEntry"))


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]
    operations = [
        migrations.CreateModel(
            name="SearchText",
            fields=[
                (
                    "entry",
                    models.OneToOneField(
                        on_delete=models.deletion.CASCADE,
                        primary_key=True,
                        related_name="text",
                        serialize=False,
                        to="search.searchentry",
                    ),
                ),
                ("title", models.TextField()),
                ("body", models.TextField(blank=True, default="")),
            ],
            options={
                "verbose_name": "văn bản của mục chỉ mục",
                "verbose_name_plural": "văn bản của chỉ mục",
            },
        ),
        migrations.RunSQL(
            "INSERT INTO search_searchtext (entry_id, title, body) "
            "SELECT id, title, body FROM search_searchentry",
            "UPDATE search_searchentry SET title = (SELECT t.title FROM search_searchtext t "
            "WHERE t.entry_id = search_searchentry.id), body = (SELECT t.body FROM "
            "search_searchtext t WHERE t.entry_id = search_searchentry.id)",
        ),
        migrations.RemoveField(model_name="searchentry", name="title"),
        migrations.RemoveField(model_name="searchentry", name="body"),
        migrations.RunPython(compact, migrations.RunPython.noop),
    ]
