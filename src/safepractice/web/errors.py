"""The web's one handler of ``ApplicationError``: views raise, this shows the refusal.

A refused POST puts the message on the page the person came from (a Django message and a
redirect back to this site's referring page), so they can act on it there. A refused GET, a
POST refused as not allowed or not there (403, 404: going back would not help), and a POST
with no referring page of this site get an error page with the message and the status: not a
redirect to the POST's own path, which for a POST-only view (``cases:act``) would be a 405
with the message lost.
Anything that is not an ``ApplicationError`` is left to Django: a bug is the generic 500 page,
and its message is never shown.
"""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from safepractice.errors import ApplicationError

# Refusals a POST answers with a page of their own, as Django's PermissionDenied and Http404.
_PAGE_TEMPLATES = {403: "403.html", 404: "404.html"}


class ApplicationErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ApplicationError):
            return None
        came_from = _page_came_from(request)
        if request.method == "POST" and exception.status not in _PAGE_TEMPLATES and came_from:
            messages.error(request, exception.message)
            return HttpResponseRedirect(came_from)
        response = render(
            request, _PAGE_TEMPLATES.get(exception.status, "error.html"),
            {"reason": exception.message, "status": exception.status},
            status=exception.status,
        )
        if exception.retry_after is not None:
            response["Retry-After"] = str(exception.retry_after)
        return response


def _page_came_from(request: HttpRequest) -> str | None:
    """The referring page if it is this site's (never an open redirect to another), else None.

    Browsers send it for same-origin requests under the default Referrer-Policy (same-origin).
    """
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return None
