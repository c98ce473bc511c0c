"""The CLI's command modules. Each has ``register(app)``."""

from . import audit, schools, server

MODULES = [server, schools, audit]
