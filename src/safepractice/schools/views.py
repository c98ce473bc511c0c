from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from safepractice.web.csv_export import csv_response, wants_csv

from .forms import DutyRoleForm, RosterUploadForm
from .models import Role
from .roster import RosterError
from .selectors import duty_role_holders, pupil_counts, staff_of
from .services import (
    grant_duty_role,
    import_roster,
    record_duty_roles_viewed,
    record_people_viewed,
    revoke_duty_role,
)
from .tenancy import school_view

PEOPLE_ROLES = [Role.HEAD_TEACHER, Role.SLT]


@school_view(roles=PEOPLE_ROLES)
def people(request: HttpRequest) -> HttpResponse:
    form = RosterUploadForm()
    if request.method == "POST":
        form = RosterUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                result = import_roster(
                    request.school, form.cleaned_data["file"].read(),
                    form.cleaned_data["kind"], actor=request.user,
                )
            except RosterError as error:
                form.add_error("file", f"Nothing was imported. {error}")
            else:
                messages.success(
                    request,
                    f"Imported: {result.created} added, {result.updated} updated"
                    + (f", {result.duplicates_skipped} duplicate rows skipped"
                       if result.duplicates_skipped else "")
                    + (f"; {result.invited} emailed an invitation to set their password"
                       if result.invited else "")
                    + ".",
                )
                for notice in result.notices:
                    messages.warning(request, notice)
                return redirect("schools:people", school_slug=request.school.slug)
    if wants_csv(request):
        return csv_response(
            request, list_name="staff", school=request.school,
            header=["Name", "Email", "Staff category", "Roles", "Line manager"],
            rows=[[m.user.full_name, m.user.email, m.get_staff_category_display(),
                   ", ".join(m.role_labels()),
                   m.line_manager.user.full_name if m.line_manager else ""]
                  for m in staff_of(request.school)],
        )
    record_people_viewed(request.membership)
    return render(
        request,
        "schools/people.html",
        {"staff": staff_of(request.school), "pupils": pupil_counts(request.school),
         "form": form, "is_head": request.membership.has_role(Role.HEAD_TEACHER)},
    )


@school_view(roles=[Role.HEAD_TEACHER])
def duty_roles(request: HttpRequest) -> HttpResponse:
    """The head grants and revokes the roles a roster import never changes."""
    form = DutyRoleForm(request.POST or None, school=request.school)
    if request.method == "POST" and form.is_valid():
        member, role = form.cleaned_data["member"], form.cleaned_data["role"]
        grant = form.cleaned_data["change"] == "grant"
        (grant_duty_role if grant else revoke_duty_role)(member, role, by=request.user)
        label = Role(role).label
        messages.success(
            request,
            f"{label} {'granted to' if grant else 'revoked from'} {member.user.full_name}; "
            "they have been told by email.",
        )
        return redirect("schools:duty_roles", school_slug=request.school.slug)
    record_duty_roles_viewed(request.membership)
    return render(
        request,
        "schools/duty_roles.html",
        {"holders": duty_role_holders(request.school), "form": form},
    )
