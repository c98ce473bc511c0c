"""Every router the API mounts: (path prefix, dotted path to a ninja ``Router``, the token
``Scope`` its endpoints need, or None for any live token).

To add an app's endpoints, append one line here.
"""

from .models import Scope

ROUTERS: list[tuple[str, str, str | None]] = [
    ("", "safepractice.checks.api.router", Scope.CHECK),
    ("/schools", "safepractice.cases.api.router", Scope.CASES),
    ("/token", "safepractice.api.token_api.router", None),
]
