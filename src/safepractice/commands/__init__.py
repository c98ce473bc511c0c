"""The CLI's command modules. Each has ``register(app)``; ``safepractice/cli.py`` lists them
and registers them on its app. This file imports none of them, so a command module may
import a sibling (``django_setup``) without importing every other command."""
