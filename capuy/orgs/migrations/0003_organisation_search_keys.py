"""The folded names of every organisation (``name_key``, ``committee_key``), indexed, filled
for the rows that exist; new and changed rows get them from ``Organisation.save()`` and
``bulk_create``."""

from typing import Any

from django.db import migrations, models

from capuy.text import search_key


def fill_keys(apps: Any, schema_editor: Any) -> None:
    Organisation = apps.get_model("orgs", "Organisation")
    rows = list(Organisation.objects.only("pk", "name", "committee_name"))
    for org in rows:
        org.name_key = search_key(org.name)
        org.committee_key = search_key(org.committee_name or "")
    Organisation.objects.bulk_update(rows, ["name_key", "committee_key"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("orgs", "0002_term_ordinal_optional"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="name_key",
            field=models.CharField(db_index=True, default="", editable=False, max_length=255),
        ),
        migrations.AddField(
            model_name="organisation",
            name="committee_key",
            field=models.CharField(db_index=True, default="", editable=False, max_length=255),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
    ]
