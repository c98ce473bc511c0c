"""The home page's "what to do next" list, gathered from every domain.

A domain adds a provider with ``register``: a function taking the membership and returning
``NextStep`` items. The home page shows them most urgent first.
"""

from collections.abc import Callable
from dataclasses import dataclass

from safepractice.schools.models import Membership


@dataclass(frozen=True)
class NextStep:
    title: str
    url: str
    urgency: int = 1  # 3 overdue, 2 due soon, 1 to do, 0 for information
    detail: str = ""
    # As shown: a provider passes a count a viewer of aggregates sees through suppression
    # (``oversight.suppression.counts_for``) as its text, "<5".
    count: int | str | None = None


Provider = Callable[[Membership], list[NextStep]]
_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    # ready() can run more than once (e.g. test servers); a provider counts once.
    key = (provider.__module__, provider.__qualname__)
    if all((p.__module__, p.__qualname__) != key for p in _providers):
        _providers.append(provider)
    return provider


def next_steps(membership: Membership) -> list[NextStep]:
    steps = [step for provider in _providers for step in provider(membership)]
    return sorted(steps, key=lambda step: -step.urgency)
