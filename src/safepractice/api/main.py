"""The one ``NinjaAPI`` (v1): auth, error shapes (one handler for every ``ApplicationError``)
and the routers listed in ``routers.py``."""

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from safepractice.errors import ApplicationError

from .auth import PersonalToken
from .middleware import body_limit, too_large
from .routers import ROUTERS

api = NinjaAPI(
    title="safepractice API",
    version="1",
    description=(
        "Check posts, messages, profile fields and photos against the school's social media "
        "policy. Send a personal token as `Authorization: Bearer TOKEN`."
    ),
    auth=PersonalToken(),
    urls_namespace="api-v1",
    docs_url="/docs",
)


_SOURCES = {"body", "query", "path", "form", "file", "header", "cookie"}


def _field_name(loc: list) -> str:
    """The field a person sent: ("body", "payload", "text") → "text", ("body", "file") → "file"."""
    names = [str(part) for part in loc if not isinstance(part, int)]
    if names and names[0] in _SOURCES:
        names = names[1:]
    if len(names) > 1:
        names = names[1:]  # the view's parameter name (e.g. "payload") means nothing to callers
    return ".".join(names)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    detail = [
        {
            "field": _field_name(list(error.get("loc", ()))),
            "loc": list(error.get("loc", ())),
            "msg": error.get("msg", ""),
            "type": error.get("type", ""),
        }
        for error in exc.errors
    ]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(AuthenticationError)
def unauthorised(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = api.create_response(
        request, {"detail": "A valid personal API token (not revoked, not expired) is needed: "
                            "send it as 'Authorization: Bearer TOKEN'."}, status=401
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(ApplicationError)
def application_error(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
    """The API's one translation of a refusal: its message and status (see ``errors.py``)."""
    body = {"detail": exc.message}
    if exc.code:  # kept for clients that branch on it, e.g. "stale" to re-read the case
        body["code"] = exc.code
    response = api.create_response(request, body, status=exc.status)
    if exc.retry_after is not None:
        response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(RequestDataTooBig)
def request_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return too_large(body_limit(request.path))


for prefix, dotted, scope in ROUTERS:
    api.add_router(prefix, import_string(dotted), auth=PersonalToken(scope))
