import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import authenticate, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login

from . import invitations, services
from .forms import EmailAuthenticationForm, PasswordForm, TokenForm, VerifyForm
from .models import Invitation
from .sessions import mark_fresh, signed_out_message
from .twofactor import (
    confirmed_device,
    new_recovery_codes,
    pending_device,
    recovery_codes_left,
    requires_two_factor,
    verify_app_code,
    verify_recovery_code,
)

INVITATION_SESSION_KEY = "safepractice_invitation"


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        services.record_signed_in(self.request.user)
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(signed_out=signed_out_message(self.request), **kwargs)


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}):
        return candidate
    return "/"


@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    if confirmed_device(request.user) is None:
        return redirect("accounts:two_factor_setup")
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        device = verify_app_code(request.user, code)
        used_recovery = False
        if device is None:
            device = verify_recovery_code(request.user, code)
            used_recovery = device is not None
        if device is not None:
            otp_login(request, device)
            mark_fresh(request)
            services.record_two_factor_verified(request.user, used_recovery_code=used_recovery)
            if used_recovery:
                left = recovery_codes_left(request.user)
                messages.warning(request, f"You used a recovery code: {left} left. Make new ones "
                                          "on the recovery codes page if you are running low.")
            return redirect(_next_url(request))
        form.add_error("code", "That code is not right, or has expired. Try the current one.")
    return render(request, "accounts/two_factor_verify.html", {"form": form})


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    if confirmed_device(request.user) is not None:
        return redirect("accounts:two_factor_verify")
    required = requires_two_factor(request.user)
    if not invitations.may_enrol(request):
        # Only a session that has just used an emailed link sets up an app (see invitations).
        sent = invitations.send_enrolment_link(request.user)
        return render(request, "accounts/two_factor_check_email.html",
                      {"sent": sent, "required": required})
    device = pending_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            mark_fresh(request)
            invitations.end_enrolment(request)
            services.record_two_factor_enrolled(request.user)
            messages.success(request, "Two-factor sign-in is set up.")
            return render(request, "accounts/recovery_codes.html", {
                "codes": new_recovery_codes(request.user), "next": _next_url(request),
                "new_setup": True,
            })
        form.add_error("token", "That code is not right. Check the time on your phone.")
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {"form": form, "qr_svg": buffer.getvalue().decode(), "secret": secret,
         "required": required},
    )


@login_required
def confirm(request: HttpRequest) -> HttpResponse:
    """"Confirm it's you" before an evidence download or an export (a fresh sign-in): the
    authenticator code for those who have an app, else the password (through axes, so wrong
    passwords here count like any others)."""
    has_app = confirmed_device(request.user) is not None
    form = (VerifyForm if has_app else PasswordForm)(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if has_app:
            code = form.cleaned_data["code"]
            ok = (verify_app_code(request.user, code) or
                  verify_recovery_code(request.user, code)) is not None
        else:
            ok = authenticate(request, username=request.user.email,
                              password=form.cleaned_data["password"]) == request.user
        if ok:
            mark_fresh(request)
            services.record_sign_in_confirmed(request.user)
            return redirect(_next_url(request))
        form.add_error(None, "That is not right. Try again." if not has_app else
                       "That code is not right, or has expired. Try the current one.")
    return render(request, "accounts/confirm.html", {"form": form, "has_app": has_app})


@login_required
def enrol(request: HttpRequest, token: str) -> HttpResponse:
    """The emailed two-factor set-up link, opened in the person's signed-in session."""
    link = invitations.usable_link(token, Invitation.ENROL)
    if link is None:
        return render(request, "accounts/link_unusable.html", status=410)
    try:
        invitations.use_enrolment_link(request, link)
    except invitations.LinkRefused as refused:
        return render(request, "accounts/link_unusable.html", {"reason": str(refused)},
                      status=403)
    return redirect("accounts:two_factor_setup")


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """An invitation link: keep its secret in the session and drop it from the address bar
    (as Django's password reset does), so it never reaches a Referer header or history."""
    if invitations.usable_link(token, Invitation.INVITE) is None:
        return render(request, "accounts/link_unusable.html", status=410)
    request.session[INVITATION_SESSION_KEY] = token
    return redirect("accounts:invitation_accept")


def invitation_accept(request: HttpRequest) -> HttpResponse:
    link = invitations.usable_link(request.session.get(INVITATION_SESSION_KEY, ""),
                                   Invitation.INVITE)
    if link is None:
        return render(request, "accounts/link_unusable.html", status=410)
    form = SetPasswordForm(link.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.accept_invitation(request, link, form.cleaned_data["new_password1"])
        except invitations.LinkRefused as refused:
            return render(request, "accounts/link_unusable.html", {"reason": str(refused)},
                          status=410)
        request.session.pop(INVITATION_SESSION_KEY, None)
        if requires_two_factor(user):
            messages.success(request, "Your password is set. Now set up two-factor sign-in.")
            return redirect("accounts:two_factor_setup")
        messages.success(request, "Your password is set and you are signed in.")
        return redirect("web:home")
    return render(request, "accounts/invitation_accept.html", {"form": form, "invited": link.user})


@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """How many recovery codes are left; a new set (the old one stops working) on POST."""
    if request.method == "POST":
        if not request.user.is_verified():
            messages.error(request, "Sign in with your authenticator app to make new codes.")
            return redirect(f"{reverse('accounts:two_factor_verify')}?next={request.path}")
        return render(request, "accounts/recovery_codes.html",
                      {"codes": services.renew_recovery_codes(request.user), "next": "/"})
    return render(request, "accounts/recovery_codes_left.html", {
        "left": recovery_codes_left(request.user),
        "has_app": confirmed_device(request.user) is not None,
    })


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.record_password_reset(form.user)
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # /accounts/ pages are open before the second factor; changing the password is not,
        # or the password alone would be enough to take the account from its owner.
        user = request.user
        if user.is_authenticated and not user.is_verified() and requires_two_factor(user):
            return redirect(f"{reverse('accounts:two_factor_verify')}?next={request.path}")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        services.record_password_changed(self.request.user)
        return response


def logout_view(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        logout(request)
    return redirect("accounts:login")
