from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from safepractice.audit.services import record
from safepractice.web.csv_export import csv_response, wants_csv

from .forms import RosterUploadForm
from .models import Role
from .roster import RosterError
from .selectors import pupil_counts, staff_of
from .services import import_roster
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
    record("view-people", actor=request.user, school=request.school, object_type="schools.people")
    return render(
        request,
        "schools/people.html",
        {"staff": staff_of(request.school), "pupils": pupil_counts(request.school),
         "form": form},
    )

