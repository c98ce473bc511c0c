"""The CLI's command modules. Each has ``register(app)``."""

from . import audit, cases, engine, oversight, policies, review, schools, server, tokens

MODULES = [server, engine, review, schools, policies, cases, audit, tokens, oversight]
