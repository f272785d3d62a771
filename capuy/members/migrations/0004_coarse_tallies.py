"""PostgreSQL: the coarse copies of the members' tallies (per commune-level unit,
``capuy.members.coarse``), their triggers, and one set-based backfill from the per-unit rows.
SQLite: nothing (it reads the per-unit rows)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from capuy.members.coarse import install_coarse

    install_coarse(schema_editor)


def backwards(apps, schema_editor):
    from capuy.members.coarse import drop_coarse

    drop_coarse(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("members", "0003_tallies_survive_deletes")]

    operations = [migrations.RunPython(forwards, backwards)]
