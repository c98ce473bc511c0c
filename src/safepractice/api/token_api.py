"""``/api/v1/token``: the calling token's own details, and revoking it (e.g. after a leak)."""

from datetime import datetime

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema

from .schemas import ERRORS
from .tokens import revoke_token

router = Router(tags=["token"])


class TokenOut(Schema):
    name: str
    prefix: str
    school: str
    scopes: list[str]
    created: datetime
    expires_at: datetime
    last_used: datetime | None


@router.get("", response={200: TokenOut, **ERRORS})
def current_token(request: HttpRequest):
    """The token this call was made with: its scopes, expiry and when it was last used."""
    token = request.auth
    return TokenOut(
        name=token.name,
        prefix=token.prefix,
        school=token.membership.school.slug,
        scopes=sorted(token.scope_set),
        created=token.created,
        expires_at=token.expires_at,
        last_used=token.last_used,
    )


@router.delete("", response={204: None, **ERRORS})
def revoke_current_token(request: HttpRequest) -> HttpResponse:
    """Revoke the token this call was made with, at once (audited)."""
    revoke_token(request.auth, actor=request.auth.membership.user)
    return HttpResponse(status=204)
