"""Whether the PostgreSQL and Redis servers can be reached, for tests that need them.

On a user's machine without them, those tests skip with the reason. In CI
(SAFEPRACTICE_REQUIRE_SERVICES=1, or CI=true) they fail instead: a skipped service test in CI
would hide a broken path.
"""

import os
import socket

import pytest


def services_required() -> bool:
    return os.environ.get("SAFEPRACTICE_REQUIRE_SERVICES") == "1" or (
        os.environ.get("CI", "").lower() == "true"
    )


def reachable(host: str, port: int, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def need_service(name: str, host: str, port: int) -> None:
    if reachable(host, port):
        return
    message = f"{name} is not reachable at {host}:{port}"
    if services_required():
        pytest.fail(f"{message}, and this run requires it (CI).")
    pytest.skip(f"{message}; start it to run this test.")
