from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from safepractice.oversight.suppression import counts_for
from safepractice.schools.models import Role
from safepractice.schools.tenancy import get_for_school, school_view
from safepractice.web.csv_export import csv_response, wants_csv
from safepractice.web.formatting import date_text

from .forms import AcknowledgeForm, PolicyUploadForm, ReviewDateForm
from .home import OVERSEERS, is_overseer
from .importing import PolicyImportError
from .models import PolicyDocument, PolicyVersion
from .rendering import render_policy_text
from .selectors import (
    acknowledgement_completion,
    acknowledgement_of,
    completion_cells,
    current_version,
    not_acknowledged,
    policies_of,
    review_state,
)
from .services import (
    PolicyError,
    SupersededVersion,
    acknowledge,
    import_policy,
    record_acknowledgement_names_viewed,
    set_review_date,
)


@school_view()
def policy_list(request: HttpRequest) -> HttpResponse:
    form = PolicyUploadForm()
    if request.method == "POST":
        if not is_overseer(request.membership):
            return render(request, "403.html", {"reason": "Only the head and governors import "
                                                "policies."}, status=403)
        form = PolicyUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = import_policy(request.school, upload.read(), upload.name,
                                       actor=request.membership)
            except (PolicyImportError, PolicyError) as error:
                form.add_error("file", f"Nothing was imported. {error}")
            else:
                messages.success(request, (
                    f"Imported {result.document.title}, version {result.version.number}."
                    if result.new_version else
                    f"{result.document.title} is unchanged: no new version was made."))
                return redirect("policies:detail", request.school.slug, result.document.pk)
    documents = [(doc, review_state(doc), current_version(doc))
                 for doc in policies_of(request.school)]
    return render(request, "policies/list.html", {
        "documents": documents, "form": form, "overseer": is_overseer(request.membership),
    })


@school_view()
def policy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_for_school(PolicyDocument, request.school, pk=pk)
    return _detail(request, document)


def _detail(request, document, *, review_form=None, upload_form=None, status=200):
    version = current_version(document)
    overseer = is_overseer(request.membership)
    return render(request, "policies/detail.html", {
        "document": document,
        "version": version,
        "body": render_policy_text(version) if version else "",
        "state": review_state(document),
        "read_with": [(doc, review_state(doc)) for doc in document.read_with.all()],
        "acknowledgement": acknowledgement_of(request.membership, version),
        "ack_form": AcknowledgeForm(initial={"version": version.pk}) if version else None,
        "versions": document.versions.all(),
        "overseer": overseer,
        "review_form": review_form or ReviewDateForm(initial={"review_on": document.review_on}),
        "upload_form": upload_form or PolicyUploadForm(),
    }, status=status)


@require_POST
@school_view()
def acknowledge_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_for_school(PolicyDocument, request.school, pk=pk)
    form = AcknowledgeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose the version you read, then acknowledge it.")
        return redirect("policies:detail", request.school.slug, document.pk)
    version = PolicyVersion.objects.filter(
        document=document, pk=form.cleaned_data["version"]).first()
    if version is None:
        messages.error(request, "That version does not exist.")
        return redirect("policies:detail", request.school.slug, document.pk)
    try:
        acknowledge(request.membership, version)
    except SupersededVersion as stale:  # a page of its own: what changed, and the new version
        return render(request, "policies/superseded.html",
                      {"document": document, "stale": version, "current": stale.current,
                       "reason": str(stale)}, status=409)
    messages.success(request, f"Thank you: you acknowledged version {version.number} of "
                     f"the {document.title}.")
    return redirect("policies:detail", request.school.slug, document.pk)


@require_POST
@school_view(roles=OVERSEERS)
def review_date(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_for_school(PolicyDocument, request.school, pk=pk)
    form = ReviewDateForm(request.POST)
    if form.is_valid():
        try:
            set_review_date(document, form.cleaned_data["review_on"], actor=request.membership)
        except PolicyError as error:
            form.add_error("review_on", str(error))
        else:
            messages.success(request, f"The review date of {document.title} is now "
                                      f"{date_text(form.cleaned_data['review_on'])}.")
            return redirect("policies:detail", request.school.slug, document.pk)
    return _detail(request, document, review_form=form, status=400)


@school_view(roles=[*OVERSEERS, Role.SLT])
def completion(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_for_school(PolicyDocument, request.school, pk=pk)
    # Governors see counts only; names are for the head and SLT, who follow people up.
    show_names = request.membership.has_role(Role.HEAD_TEACHER, Role.SLT)
    outstanding = list(not_acknowledged(document)) if show_names else []
    # Page and CSV alike: the viewer's counts rule (exact for head and SLT, small numbers
    # suppressed for governors), from the one place it is decided.
    rows = completion_cells(acknowledgement_completion(document), counts_for(request.membership))
    if wants_csv(request):
        return csv_response(
            request, list_name=f"policy-{document.pk}-completion", school=request.school,
            header=["Staff category", "In scope", "Acknowledged", "Outstanding", "Complete %"]
            + (["Not yet acknowledged"] if show_names else []),
            rows=[[r.label, r.in_scope, r.acknowledged, r.outstanding, r.percent.rstrip("%")]
                  for r in rows]
            + [["", "", "", "", "", f"{m.user.full_name} ({m.get_staff_category_display()})"]
               for m in outstanding],
        )
    if show_names:
        record_acknowledgement_names_viewed(document, request.membership)
    return render(request, "policies/completion.html", {
        "document": document, "version": current_version(document),
        "rows": rows, "outstanding": outstanding,
        "show_names": show_names,
    })
