"""The CLI's command modules. Each has ``register(app)``."""

from . import audit, cases, schools, server

MODULES = [server, schools, audit, cases]
