"""Oversight's refusals: the message says which filter or term date cannot be used."""

from safepractice.errors import ApplicationError


class FilterRefused(ApplicationError):
    """A filter in a page's query (a date range, a route, an age band) that cannot be used."""
