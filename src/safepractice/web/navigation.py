"""The navigation each role sees. Domains add their entries with ``register``."""

from collections.abc import Callable
from dataclasses import dataclass

from safepractice.schools.models import Membership


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    order: int = 50


NavProvider = Callable[[Membership], list[NavItem]]
_providers: list[NavProvider] = []


def register(provider: NavProvider) -> NavProvider:
    # ready() can run more than once (e.g. test servers); a provider counts once.
    key = (provider.__module__, provider.__qualname__)
    if all((p.__module__, p.__qualname__) != key for p in _providers):
        _providers.append(provider)
    return provider


def nav_items(membership: Membership) -> list[NavItem]:
    items = [item for provider in _providers for item in provider(membership)]
    return sorted(items, key=lambda item: (item.order, item.label))
