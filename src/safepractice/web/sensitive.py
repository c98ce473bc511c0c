"""Sensitive pages, in one place, keyed on URL namespaces and names.

- ``NO_STORE_NAMESPACES``: pages no browser or proxy cache may keep a copy of (a shared
  school computer's back button, a caching proxy): cases, declarations and registers,
  self-reviews, oversight, the people pages, and the account pages (two-factor secrets and
  recovery codes).
- ``FRESH_SIGN_IN_VIEWS`` and every CSV download (``?format=csv``): the person must have
  given their password or authenticator code within ``FRESH_SIGN_IN_MINUTES``
  (``accounts/sessions.py``), else they are asked to confirm it is them first. A session left
  open on a classroom computer then shows a case but does not hand over its files.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from safepractice.accounts.sessions import is_fresh

from .csv_export import wants_csv

NO_STORE_NAMESPACES = frozenset(
    {"cases", "registers", "reviews", "oversight", "schools", "accounts", "api_tokens"}
)
FRESH_SIGN_IN_VIEWS = frozenset(
    {
        "cases:download",  # an evidence file
        "cases:export",  # a whole case as JSON
        "oversight:report",  # the governors' termly report
    }
)


def needs_fresh_sign_in(request: HttpRequest) -> bool:
    match = request.resolver_match
    if match is None:
        return False
    return match.view_name in FRESH_SIGN_IN_VIEWS or wants_csv(request)


class SensitivePagesMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = request.resolver_match
        if match is not None and NO_STORE_NAMESPACES.intersection(match.namespaces):
            response["Cache-Control"] = "no-store"
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if request.user.is_authenticated and needs_fresh_sign_in(request) and not is_fresh(request):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:confirm')}?{query}")
        return None
