from django.http import HttpRequest
from ninja.security import HttpBearer

from .models import ApiToken
from .ratelimit import check_rate
from .tokens import authenticate


class PersonalToken(HttpBearer):
    """``Authorization: Bearer sp_…``. Sets ``request.school`` and ``request.membership``."""

    openapi_description = (
        "A personal API token from your API tokens page (or `safepractice token create`)."
    )

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = authenticate(token)
        if found is None:
            return None
        check_rate(found)
        request.membership = found.membership
        request.school = found.membership.school
        return found
