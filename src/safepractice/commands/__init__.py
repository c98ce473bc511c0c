"""The CLI's command modules. Each has ``register(app)``."""

from . import audit, oversight, policies, schools, server

MODULES = [server, schools, audit, policies, oversight]
