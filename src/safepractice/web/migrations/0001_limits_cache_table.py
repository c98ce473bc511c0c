"""The database cache's table for the upload limits (web/throttle.py).

A migration rather than a separate ``createcachetable`` step, so that ``migrate``, which every
install already runs, is enough. Nothing is made when the "limits" cache is Redis.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
