"""Links from a number to the list behind it, given what the viewer's role allows."""

from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse

from safepractice.schools.models import Membership, Role

# Lists that name people or cases: the head's. Governors see the numbers only.
NAMED_LIST_ROLES = (Role.HEAD_TEACHER,)


def sees_named_lists(membership: Membership) -> bool:
    return membership.has_role(*NAMED_LIST_ROLES)


def url_or_none(name: str, *args, query: dict | None = None) -> str | None:
    """The URL, or None when the app that owns it is not installed."""
    try:
        url = reverse(name, args=args)
    except NoReverseMatch:
        return None
    return f"{url}?{urlencode(query)}" if query else url


def oversight_list(membership: Membership, list_name: str, **query) -> str | None:
    if not sees_named_lists(membership):
        return None
    return url_or_none(
        "oversight:list", membership.school.slug, list_name,
        query={key: value for key, value in query.items() if value} or None,
    )
