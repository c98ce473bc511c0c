"""Child processes that share this test's database: for behaviour across processes.

A test marked ``django_db(transaction=True)`` commits what it writes, so a child started with
``child_env()`` sees it, and the test sees what the child commits.
"""

import os
from pathlib import Path

from django.db import connection

SRC = Path(__file__).resolve().parents[2]


def database_url() -> str:
    """The URL of the database this test runs on (the test database, not the configured one)."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    if connection.vendor == "postgresql":
        user = settings.get("USER") or ""
        password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
        host = settings.get("HOST") or "127.0.0.1"
        port = settings.get("PORT") or 5432
        return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"
    raise NotImplementedError(connection.vendor)


def child_env(**extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "SAFEPRACTICE_TESTING": "1",
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "safepractice.settings",
        "PYTHONPATH": str(SRC),
    }
    env.update(extra)
    return env
