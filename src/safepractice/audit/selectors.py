"""Reading the audit log by action, under every name an action was written with."""

from django.db.models import QuerySet

from .actions import FORMER_NAMES
from .models import AuditEntry

# An old name -> the current one, for showing old entries under the name a reader knows.
_CURRENT_NAME = {old: current for current, olds in FORMER_NAMES.items() for old in olds}


def names_written_for(action: str) -> frozenset[str]:
    """The current name of an action and every name it was written under before."""
    return frozenset({action, *FORMER_NAMES.get(action, ())})


def current_name(stored_action: str) -> str:
    """The name an entry's action goes by now (stored entries keep the name they were written
    with: their MAC covers it)."""
    return _CURRENT_NAME.get(stored_action, stored_action)


def entries_with_action(*actions: str) -> QuerySet[AuditEntry]:
    """Every entry of these actions, whichever of their names it was written under.

    Anything that looks entries up by action goes through here, so a renamed action does not
    lose the entries written before the rename."""
    names = frozenset().union(*(names_written_for(action) for action in actions))
    return AuditEntry.objects.filter(action__in=names)
