"""The CLI's command modules. Each has ``register(app)``."""

from . import audit, review, schools, server

MODULES = [server, schools, audit, review]
