"""Why a case action was refused, each with a message for the person who tried it.

Apart from ``services`` so that the actions (``actions.py``), which the services run, can
refuse too without importing the services back. Each is an ``ApplicationError``: the web's and
the API's one handler show it (safepractice/errors.py); ``code`` is the API's word for it.
"""

from safepractice.errors import ApplicationError

from .models import Case


class CaseError(ApplicationError):
    """An action refused, with a message for the person who tried it."""

    status = 409
    code = "refused"


class ActionNotAvailable(CaseError):
    code = "action-not-available"


class NotAllowed(CaseError):
    status = 403
    code = "not-allowed"


class WrongState(CaseError):
    pass


class StaleCase(CaseError):
    code = "stale"

    def __init__(self, case: Case) -> None:
        self.current_version = case.version
        super().__init__(
            "This case changed since you opened it (someone else acted on it). Nothing was "
            "saved; what you typed is still in the form below. Check the case and try again."
        )


class Refused(CaseError):
    pass
