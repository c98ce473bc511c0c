from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from safepractice.schools.models import Membership
from safepractice.schools.rules import active_member_q
from safepractice.schools.tenancy import school_view

from .home import next_steps


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send people to their school; someone in several schools chooses."""
    memberships = [
        m for m in Membership.objects.filter(active_member_q(), user=request.user)
        .select_related("school")
    ]
    if len(memberships) == 1:
        return redirect("web:school_home", school_slug=memberships[0].school.slug)
    if not memberships and request.user.trust_roles.exists():
        return redirect("web:trust_home")
    return render(request, "web/choose_school.html", {"memberships": memberships})


@school_view()
def school_home(request: HttpRequest) -> HttpResponse:
    return render(
        request, "web/home.html", {"next_steps": next_steps(request.membership)}
    )


@login_required
def trust_home(request: HttpRequest) -> HttpResponse:
    trusts = [role.trust for role in request.user.trust_roles.select_related("trust")]
    return render(request, "web/trust_home.html", {"trusts": trusts})


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    reason = str(exception) if exception else "You do not have access to this page."
    return render(request, "403.html", {"reason": reason}, status=403)


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)
