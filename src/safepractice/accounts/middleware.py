from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from .twofactor import confirmed_device, requires_two_factor

EXEMPT_PREFIXES = ("/accounts/", "/static/")


class RequireTwoFactorMiddleware:
    """People whose roles need a second factor reach nothing else until they give it."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(EXEMPT_PREFIXES)
            and requires_two_factor(user)
        ):
            target = "accounts:two_factor_verify"
            if confirmed_device(user) is None:
                target = "accounts:two_factor_setup"
            return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)
