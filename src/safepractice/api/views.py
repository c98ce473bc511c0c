"""The personal API tokens page: create (shown once) and revoke."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from safepractice.schools.tenancy import school_view

from .tokens import create_token, revoke_token, tokens_of


@school_view()
def tokens(request: HttpRequest) -> HttpResponse:
    new_token = None
    if request.method == "POST":
        _, new_token = create_token(
            request.membership, request.POST.get("name", "")[:100], actor=request.user
        )
    context = {"tokens": tokens_of(request.membership), "new_token": new_token}
    # The new token is on this page once; no cache may keep a copy.
    response = render(request, "api/tokens.html", context)
    response["Cache-Control"] = "no-store"
    return response


@school_view()  # tenancy first: another school's member gets 403, never 405
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = tokens_of(request.membership).filter(pk=pk).first()
    if token is None:
        raise Http404("No such token.")
    revoke_token(token, actor=request.user)
    messages.success(request, f"Revoked “{token.name}”. Anything using it stops working now.")
    return redirect("api_tokens:tokens", school_slug=request.school.slug)
