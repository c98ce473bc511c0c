"""Every router the API mounts: (path prefix, dotted path to a ninja ``Router``).

To add an app's endpoints, append one line here.
"""

ROUTERS: list[tuple[str, str]] = [
    ("", "safepractice.checks.api.router"),
    ("/schools", "safepractice.cases.api.router"),
]
