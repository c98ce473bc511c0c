"""API middleware: refuse oversize bodies with 413 before anything reads them, and take
bearer-token calls past the browser-only middleware."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import get_resolver

API_PREFIX = "/api/"
MAX_JSON_BYTES = 512 * 1024  # 50,000 characters even as \\uXXXX escapes, and room to spare
# Photo checks, and evidence files added to a case (/api/v1/schools/<school>/cases/<id>/evidence).
UPLOAD_PATHS = ("/api/v1/check/photo", "/evidence")


def body_limit(path: str) -> int:
    if path.rstrip("/").endswith(UPLOAD_PATHS):
        return getattr(settings, "API_MAX_UPLOAD_BYTES", 21 * 1024 * 1024)
    return getattr(settings, "API_MAX_JSON_BYTES", MAX_JSON_BYTES)


def too_large(limit: int) -> JsonResponse:
    return JsonResponse(
        {"detail": f"The request body is too large: the limit is {limit:,} bytes."}, status=413
    )


class BodySizeLimitMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(API_PREFIX):
            limit = body_limit(request.path)
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > limit:
                return too_large(limit)
        return self.get_response(request)


class BearerApiMiddleware:
    """Send bearer-token API calls straight to their view, past the browser middleware.

    Sessions, CSRF, login, the 2FA gate, axes, htmx and messages do nothing for a call that
    carries ``Authorization: Bearer`` and no session (the token is the only credential the API
    accepts), yet cost a tenth of such a call. Middleware listed before this one (security
    headers, the body size limit) still runs; so does Django's own exception handling.
    Anything without a bearer header, such as the docs page in a browser, takes the full path.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not (
            request.path_info.startswith(API_PREFIX)
            and request.META.get("HTTP_AUTHORIZATION", "").startswith("Bearer ")
        ):
            return self.get_response(request)
        request.user = AnonymousUser()  # never the session's user: the token decides
        match = get_resolver().resolve(request.path_info)  # Http404 → Django's 404 response
        request.resolver_match = match
        return match.func(request, *match.args, **match.kwargs)
