"""Made the table of a "shared" cache, since folded into "limits" (0004 drops it).

Kept because migrations already applied name it; ``createcachetable`` makes only the tables
of the caches settings names now.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor) -> None:
    # Does nothing for a cache that is not in the database, or whose table exists already.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("api", "0001_initial")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
