"""The per-token rate limit counts in the "limits" cache now: drop the old "shared" table."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0003_merge_token_scopes_and_shared_cache"),
        ("web", "0001_limits_cache_table"),
    ]

    operations = [
        migrations.RunSQL("DROP TABLE IF EXISTS safepractice_shared_cache", migrations.RunSQL.noop),
    ]
