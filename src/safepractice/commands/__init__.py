"""The CLI's command modules. Each has ``register(app)``."""

from . import audit, policies, review, schools, server

MODULES = [server, schools, audit, policies, review]
