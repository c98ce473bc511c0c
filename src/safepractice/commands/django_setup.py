"""Starting Django for the commands that need it; the engine's commands run without it.

The command modules import this, and ``cli.py`` imports the command modules, so nothing here
imports ``cli.py`` back. Commands call ``django_setup.setup_django()`` through the module so
a test can replace it in one place.
"""

import os

from safepractice import instance


def setup_django() -> None:
    """Start Django for commands that need the database (the engine commands do not)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safepractice.settings")
    instance.prepare()
    # Lazy: Django is imported only by the commands that use it, after the settings module
    # is chosen above.
    import django

    django.setup()


def call_manage(*args: str) -> None:
    """Run a Django management command in this process, e.g. ``call_manage("migrate")``."""
    setup_django()
    # Lazy: management commands can be loaded only once Django is set up.
    from django.core.management import call_command

    call_command(*args)
