"""The CLI's command modules. Each has ``register(app)``."""

from . import audit, cases, policies, review, schools, server, tokens

MODULES = [server, schools, audit, policies, review, tokens, cases]
