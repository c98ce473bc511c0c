"""The one base of the application's errors: a refusal the person can act on.

An ``ApplicationError`` says, in words for the person who tried, why the application will not
do something ("This case changed since you opened it", "You can check 300 photos a day").
Its message is shown as it is, so it must never carry a bug's detail: anything else that
escapes a view (``ValueError``, ``KeyError``…) is a bug and is answered with the generic
500 page, never with its message.

It is deliberately not a ``ValueError``: code that catches ``ValueError`` for a bad number
or date must not swallow a refusal, and a handler catching refusals must not show a bug.

One handler per front translates it, so views and endpoints only raise:

- the web: ``safepractice.web.errors.ApplicationErrorMiddleware``;
- the API: ``safepractice.api.main.application_error`` (``{"detail": message}``, the status).

Pure Python, no Django, so every layer (the exports readers, the CLI) may raise one. The
engine (``safepractice.engine``) does not import it: it imports nothing of the application,
and its errors are translated where a Django front calls it.
"""

from typing import ClassVar


class ApplicationError(Exception):
    """A refusal with a message for the person who tried; ``status`` is what the API answers."""

    # 400 refused as asked; 403 not allowed; 404 nothing there for you; 409 wrong state or a
    # stale edit; 413 too large; 422 a file that cannot be read; 429 too many (retry_after).
    status: ClassVar[int] = 400
    # A stable word for API clients to branch on (e.g. "stale"); empty: none.
    code: ClassVar[str] = ""
    # Seconds until trying again makes sense, sent as Retry-After; None: not a rate limit.
    retry_after: int | None = None

    @property
    def message(self) -> str:
        return str(self)
