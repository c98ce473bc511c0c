"""The CLI's command modules. Each has ``register(app)``."""

from . import audit, server

MODULES = [server, audit]
