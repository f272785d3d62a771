"""The order of lists (``tree_key``: each level's position and id zero-padded, from the root
down), indexed, filled for the rows that exist — parents before children, read from the
depth of ``path``; new and moved rows get it from ``Organisation.save()`` and
``bulk_create_level``."""

from typing import Any

from django.db import migrations, models


def tree_step(position: int, pk: int) -> str:
    """As ``capuy.orgs.models.tree_step`` when this migration was written (kept here so a
    later change there does not change history)."""
    return f"{min(position, 99_999):05d}{pk:010d}/"


def fill_tree_keys(apps: Any, schema_editor: Any) -> None:
    Organisation = apps.get_model("orgs", "Organisation")
    rows = sorted(
        Organisation.objects.only("pk", "parent_id", "position", "path"),
        key=lambda o: (o.path.count("/"), o.pk),
    )
    keys: dict[int, str] = {}
    for org in rows:
        keys[org.pk] = keys.get(org.parent_id, "") + tree_step(org.position, org.pk)
        org.tree_key = keys[org.pk]
    Organisation.objects.bulk_update(rows, ["tree_key"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("orgs", "0003_organisation_search_keys"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="tree_key",
            field=models.CharField(db_index=True, default="", editable=False, max_length=255),
        ),
        migrations.RunPython(fill_tree_keys, migrations.RunPython.noop),
        migrations.AlterModelOptions(
            name="organisation",
            options={
                "ordering": ["tree_key"],
                "verbose_name": "tổ chức đảng",
                "verbose_name_plural": "tổ chức đảng",
            },
        ),
    ]
