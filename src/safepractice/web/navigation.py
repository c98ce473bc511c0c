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
    _providers.append(provider)
    return provider


def nav_items(membership: Membership) -> list[NavItem]:
    items = [item for provider in _providers for item in provider(membership)]
    return sorted(items, key=lambda item: (item.order, item.label))
