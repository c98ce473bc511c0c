"""The CLI's command modules. Each has ``register(app)``."""

from . import audit, engine, server

MODULES = [server, audit, engine]
