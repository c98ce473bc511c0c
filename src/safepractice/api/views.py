"""The personal API tokens page: create (shown once), see scopes, expiry and use, revoke."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from safepractice.accounts.twofactor import confirmed_device
from safepractice.schools.tenancy import school_view

from .forms import NewTokenForm
from .models import Scope
from .tokens import TokenRefused, create_token, revoke_token, tokens_of


@school_view()
def tokens(request: HttpRequest) -> HttpResponse:
    new_token = None
    form = NewTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        scopes = {Scope.CHECK} | ({Scope.CASES} if data["cases"] else set())
        try:
            _, new_token = create_token(
                request.membership, data["name"], actor=request.user, scopes=scopes,
                days=data["days"], code=data["code"],
            )
        except TokenRefused as refused:
            form.add_error("code" if data["cases"] else None, str(refused))
        else:
            form = NewTokenForm()
    context = {
        "tokens": tokens_of(request.membership), "new_token": new_token, "form": form,
        "has_app": confirmed_device(request.user) is not None,
    }
    # The new token is on this page once; no cache may keep a copy.
    response = render(request, "api/tokens.html", context, status=400 if form.errors else 200)
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
