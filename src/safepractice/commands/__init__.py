"""The CLI's command modules. Each has ``register(app)``."""

from . import audit, schools, server, tokens

MODULES = [server, schools, audit, tokens]
