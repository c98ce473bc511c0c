"""Why a case action was refused, each with a message for the person who tried it.

Apart from ``services`` so that the actions (``actions.py``), which the services run, can
refuse too without importing the services back.
"""

from .models import Case


class CaseError(Exception):
    """An action refused, with a message for the person who tried it."""


class ActionNotAvailable(CaseError):
    pass


class NotAllowed(CaseError):
    pass


class WrongState(CaseError):
    pass


class StaleCase(CaseError):
    def __init__(self, case: Case) -> None:
        self.current_version = case.version
        super().__init__(
            "This case changed since you opened it (someone else acted on it). Nothing was "
            "saved; what you typed is still in the form below. Check the case and try again."
        )


class Refused(CaseError):
    pass
