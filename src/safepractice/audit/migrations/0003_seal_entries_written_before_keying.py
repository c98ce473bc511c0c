"""Seal the entries written before keying in a signed checkpoint outside the database.

Their plain SHA-256 can be recomputed by anyone, so from now on they are trusted only up to
the entry sealed here: an attacker who later rewrites the log in the old, unkeyed form no
longer gets an intact chain. This migration writes to the checkpoint file (settings
``AUDIT_CHECKPOINT_FILE``) on purpose, once, before any keyed entry can exist.
"""

from django.db import migrations


def seal_entries_written_before_keying(apps, schema_editor):
    entry_model = apps.get_model("audit", "AuditEntry")
    last = entry_model.objects.filter(algorithm="sha256").order_by("-sequence").first()
    if last is None:
        return  # a new installation: every entry will be keyed
    from safepractice.audit import checkpoints

    checkpoints.append(last.sequence, last.entry_hash)


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0002_keyed_entries_and_snapshots"),
    ]

    operations = [
        migrations.RunPython(seal_entries_written_before_keying, migrations.RunPython.noop),
    ]
