"""The CLI's command modules. Each has ``register(app)``."""

from . import (
    accounts,
    audit,
    cases,
    engine,
    oversight,
    policies,
    review,
    scheduler,
    schools,
    server,
    tokens,
)

MODULES = [server, scheduler, engine, review, schools, accounts, policies, cases, audit, tokens,
           oversight]
