from django.http import HttpRequest
from ninja.security import HttpBearer

from safepractice.errors import ApplicationError

from .models import ApiToken, Scope
from .ratelimit import check_rate
from .tokens import authenticate


class ScopeMissing(ApplicationError):
    """A valid token without the scope the endpoint needs (answered 403, not 401)."""

    status = 403

    def __init__(self, scope: str) -> None:
        self.scope = scope
        super().__init__(
            f"This token may not do this: it needs the '{scope}' scope ({Scope(scope).label}). "
            "Create a token with it on your API tokens page."
        )


class PersonalToken(HttpBearer):
    """``Authorization: Bearer sp_…``. Sets ``request.school`` and ``request.membership``.

    ``scope``: the ``Scope`` the endpoints behind this auth need, or None for any live token.
    """

    openapi_description = (
        "A personal API token from your API tokens page (or `safepractice token create`)."
    )

    def __init__(self, scope: str | None = None) -> None:
        super().__init__()
        self.scope = scope

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = authenticate(token)
        if found is None:
            return None
        if self.scope is not None and self.scope not in found.scope_set:
            raise ScopeMissing(self.scope)
        check_rate(found)
        request.membership = found.membership
        request.school = found.membership.school
        return found
