"""Refuse oversize API bodies with 413 before anything reads them."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

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
