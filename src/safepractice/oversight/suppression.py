"""Small-number suppression: the one place aggregate views turn a count into what is shown.

Counts from 1 to 4 could let a reader identify the person behind them (one case of a route
in a small school is someone's story), so every aggregate a governor or trust administrator
sees goes through ``shown``. Zero stays zero: it reveals nobody. Figures derived from a small
group (a median over three cases, a rate over four staff) are withheld the same way.

Pages, CSVs and PDFs do not call these one by one: they ask ``counts_for(membership)`` (or
use ``AGGREGATES_ONLY`` for trust administrators and the governors' PDF) and show every
count, total and derived figure through the ``Counts`` it returns. Who sees exact numbers is
decided there and nowhere else.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from safepractice.schools.models import Membership, Role

THRESHOLD = 5
SUPPRESSED = "<5"
WITHHELD = "–"  # a figure derived from fewer than THRESHOLD records


@dataclass(frozen=True)
class Shown:
    """A count as displayed, keeping the true value for totals and sorting (never printed)."""

    value: int
    text: str

    @property
    def suppressed(self) -> bool:
        return self.text == SUPPRESSED

    def __str__(self) -> str:
        return self.text


def is_small(count: int) -> bool:
    return 0 < count < THRESHOLD


def shown(count: int) -> Shown:
    """The count to display: "<5" for 1 to 4, the number otherwise."""
    if count < 0:
        raise ValueError("A count cannot be negative.")
    return Shown(count, SUPPRESSED if is_small(count) else str(count))


def derived(value: str, group_size: int) -> str:
    """A figure computed from ``group_size`` records (a median, a rate), or "–" if too few."""
    return WITHHELD if group_size < THRESHOLD else value


def total(values: list[int]) -> Shown:
    """A total of counts some of which may be suppressed. Shown exactly, it would give a
    suppressed cell away by subtraction, so then it is rounded to the nearest 5 ("≈")."""
    value = sum(values)
    if is_small(value):
        return Shown(value, SUPPRESSED)
    if any(is_small(v) for v in values):
        return Shown(value, f"≈{5 * round(value / 5)}")
    return Shown(value, str(value))


# Roles that may see the people behind the numbers (the completion page names them to the
# head and SLT), so small counts tell them nothing new. Everyone else sees aggregates only.
EXACT_COUNT_ROLES = (Role.HEAD_TEACHER, Role.SLT)


@dataclass(frozen=True)
class Counts:
    """How one viewer is shown counts: exactly, or through suppression."""

    exact: bool

    def count(self, value: int) -> str:
        return str(value) if self.exact else shown(value).text

    def total(self, parts: Iterable[int]) -> str:
        """A total of counts that are shown beside it: pass the parts, not their sum, so a
        suppressed part cannot be found by subtraction."""
        parts = list(parts)
        return str(sum(parts)) if self.exact else total(parts).text

    def derived(self, value: str, group_size: int) -> str:
        return value if self.exact else derived(value, group_size)

    def withholds(self, group_size: int) -> bool:
        """Whether a figure over ``group_size`` records (a rate, a chart of rates) is held back."""
        return not self.exact and group_size < THRESHOLD


EXACT = Counts(exact=True)
AGGREGATES_ONLY = Counts(exact=False)  # governors, trust administrators, the governors' PDF


def counts_for(membership: Membership) -> Counts:
    return EXACT if membership.has_role(*EXACT_COUNT_ROLES) else AGGREGATES_ONLY
