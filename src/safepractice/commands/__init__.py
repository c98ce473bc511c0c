"""The CLI's command modules. Each has ``register(app)``."""

from . import audit, policies, review, schools, server, tokens

MODULES = [server, schools, audit, policies, review, tokens]
