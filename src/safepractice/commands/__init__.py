"""The CLI's command modules. Each has ``register(app)``."""

from . import audit, oversight, policies, review, schools, server, tokens

MODULES = [server, schools, audit, policies, review, tokens, oversight]
