"""Entries keyed with the audit key, and the actor and school kept as a snapshot.

Existing entries are marked "sha256" (the unkeyed hash they were written with) and given the
snapshot of the ids they were hashed with, so they still verify and a later deletion of their
user or school no longer changes what they were hashed with.
"""

from django.db import migrations, models
from django.db.models import F


def snapshot_existing_entries(apps, schema_editor):
    # The historical model's manager is Django's plain one: the model's refusal to update
    # entries belongs to the application, not to this one-off backfill.
    entry_model = apps.get_model("audit", "AuditEntry")
    entry_model.objects.update(actor_ref=F("actor_id"), school_ref=F("school_id"))


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="actor_ref",
            field=models.PositiveBigIntegerField(
                blank=True, help_text="The actor's id when written; kept if the user goes.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="school_ref",
            field=models.PositiveBigIntegerField(
                blank=True, help_text="The school's id when written; kept if it goes.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="algorithm",
            field=models.CharField(default="sha256", max_length=16),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditentry",
            name="key_id",
            field=models.CharField(blank=True, default="", max_length=16),
            preserve_default=False,
        ),
        migrations.RunPython(snapshot_existing_entries, migrations.RunPython.noop),
    ]
