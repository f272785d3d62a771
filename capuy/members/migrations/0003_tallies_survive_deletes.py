"""The members' tallies' triggers again, in the version that leaves them right whatever order
a transaction deletes the tables in (a unit deleted takes its rows; no row is written for a
unit or member that is gone; PostgreSQL's TRUNCATE empties them), and one recount. For a
database that ran ``0002_tallies`` with the earlier triggers; on a new one it repeats
``0002``'s work (the triggers are dropped and made again, the recount gives the same rows)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from capuy.members.tallies import install_triggers, recount

    install_triggers(schema_editor)
    recount(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("members", "0002_tallies")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
