"""The CLI's command modules. Each has ``register(app)``."""

from . import (
    accounts,
    audit,
    cases,
    engine,
    oversight,
    policies,
    review,
    schools,
    server,
    tokens,
)

MODULES = [server, engine, review, schools, accounts, policies, cases, audit, tokens, oversight]
