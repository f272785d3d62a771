"""The register's counts per (organisation, classification), kept by triggers
(``capuy.documents.counters``), counted once from the existing documents."""

import django.db.models.deletion
from django.db import migrations, models


def forwards(apps, schema_editor):
    from capuy.documents.counters import install_triggers, recount

    install_triggers(schema_editor)
    recount(schema_editor)


def backwards(apps, schema_editor):
    from capuy.documents.counters import drop_triggers

    drop_triggers(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_recall"),
        ("orgs", "0003_organisation_search_keys"),
    ]

    operations = [
        migrations.CreateModel(
            name="DocumentTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "classification",
                    models.PositiveSmallIntegerField(
                        choices=[(0, "Thường"), (1, "Mật"), (2, "Tối mật"), (3, "Tuyệt mật")],
                        verbose_name="độ mật",
                    ),
                ),
                ("total", models.PositiveIntegerField(default=0, verbose_name="số văn bản")),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="orgs.organisation",
                        verbose_name="cấp ủy",
                    ),
                ),
            ],
            options={
                "verbose_name": "số văn bản theo cấp ủy và độ mật",
                "verbose_name_plural": "số văn bản theo cấp ủy và độ mật",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("organisation", "classification"),
                        name="document_tally_one_per_level",
                    )
                ],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
