"""Thin views over services and selectors. Every page showing a case records a view.

A refusal (``errors.CaseError``, ``vault.EvidenceRejected``, ``retention.DisposalRefused``) is
not caught here: the web's one handler shows it (web/errors.py). Caught here only where the page
does more than show it: a refused report or a stale edit is shown on the form, with what the
person typed still in it, and a file failing its integrity check has a page of its own.
"""

import json
import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from safepractice.schools.models import Role
from safepractice.schools.tenancy import get_for_school, school_view
from safepractice.web.csv_export import csv_response, wants_csv

from . import access, errors, retention, rules, selectors, services, vault, workflow
from .forms import RAISE_FORMS, action_form
from .models import Case, EvidenceItem, Route

CASES_PER_PAGE = 50


def _case(request: HttpRequest, pk: int) -> Case:
    return get_for_school(selectors.school_cases(request.school), request.school, pk=pk)


def _known_case(request: HttpRequest, pk: int) -> Case:
    """The case, or the 404 of a missing one if the member may know nothing of it."""
    case = _case(request, pk)
    if not access.knows_of(request.membership, case):
        raise Http404("No such record in this school.")
    return case


def _detail_url(case: Case) -> str:
    return reverse("cases:detail", args=[case.school.slug, case.pk])


@school_view()
def case_list(request: HttpRequest) -> HttpResponse:
    if wants_csv(request):
        # What the page lists, every page of it: reference, route, state and dates only.
        return csv_response(
            request, list_name="cases", school=request.school,
            header=["Reference", "Route", "State", "Raised", "Acknowledgement due"],
            rows=([c.reference, c.route_label, c.state_label,
                   c.raised_at,
                   c.acknowledgement_due_on or ""]
                  for c in selectors.visible_cases(request.membership).iterator()),
        )
    # No total count: counting years of cases under the access rules costs more than the page.
    try:
        number = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        number = 1
    start = (number - 1) * CASES_PER_PAGE
    rows = list(selectors.visible_cases(request.membership)[start:start + CASES_PER_PAGE + 1])
    return render(request, "cases/list.html", {
        "cases": rows[:CASES_PER_PAGE],
        "page": {"number": number, "has_previous": number > 1,
                 "has_next": len(rows) > CASES_PER_PAGE},
        "reports": selectors.my_reports(request.membership)[:CASES_PER_PAGE],
        "routes": Route,
        "is_head": request.membership.has_role(Role.HEAD_TEACHER),
    })


@school_view()
def raise_case(request: HttpRequest, route: str) -> HttpResponse:
    if route not in Route.values:
        raise Http404("No such route.")
    form_class = RAISE_FORMS[route]
    kwargs = {"school": request.school, "actor": request.membership}
    form = form_class(**kwargs)
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, **kwargs)
        if form.is_valid():
            try:
                case = services.raise_case(route, request.school, request.membership,
                                           form.details(), form.concerns(), form.uploads())
            except errors.CaseError as refused:  # on the form: the report typed is kept
                form.add_error(None, str(refused))
            else:
                messages.success(request, f"{case.reference} recorded. "
                                 + _after_raising(case))
                if access.can(request.membership, case, access.VIEW):
                    return redirect(_detail_url(case))
                return redirect("cases:list", school_slug=request.school.slug)
    return render(request, "cases/raise.html", {
        "form": form, "route": Route(route), "multipart": form.allows_files,
    })


def _after_raising(case: Case) -> str:
    if case.route == Route.INDECENT_IMAGES:
        return ("The head teacher and the designated safeguarding lead have been alerted. "
                "Do not open, copy, forward or delete anything.")
    return "The people who handle it have been told."


def _detail_context(request: HttpRequest, case: Case, bound: dict | None = None) -> dict:
    membership = request.membership
    forms = {
        step.name: (step, action_form(case, step.name, membership))
        for step in services.actions_open_to(case, membership)
    }
    if bound:
        forms[bound["name"]] = (forms.get(bound["name"], (bound["step"],))[0], bound["form"])
    police_block = None
    if case.route == Route.CYBERBULLYING:
        police_block = services.refusal_reason(case, "refer-to-police")
    return {
        "case": case,
        "details": case.details,
        "state_label": workflow.state_label(case.route, case.state),
        "states": workflow.machine_for(case.route).states,
        "forms": forms,
        "can_handle": access.can(membership, case, access.HANDLE),
        "can_download": access.can(membership, case, access.DOWNLOAD),
        "evidence": case.evidence.select_related("added_by__user").prefetch_related("flags"),
        "notifications": case.notifications.select_related("notified_by__user"),
        "tasks": case.tasks.select_related("owner__user"),
        "events": selectors.chronology(case),
        "notification_status": (selectors.notification_status(case)
                                if case.route == Route.INDECENT_IMAGES else None),
        # Route 2's hour while it awaits the notifications, from the one rule (rules.py).
        "notification_clock": rules.notification_clock(case, timezone.now()),
        "police_block": police_block,
    }


@school_view()
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = _known_case(request, pk)
    if not access.can(request.membership, case, access.VIEW):
        if access.can(request.membership, case, access.SUMMARY):
            return redirect("cases:summary", school_slug=request.school.slug, pk=case.pk)
        raise PermissionDenied("This case is shared only with the people who need to know.")
    services.record_view(case, request.membership)
    return render(request, "cases/detail.html", _detail_context(request, case))


@school_view()
def case_summary(request: HttpRequest, pk: int) -> HttpResponse:
    case = _known_case(request, pk)
    if not access.can(request.membership, case, access.SUMMARY):
        raise PermissionDenied("This case is shared only with the people who need to know.")
    services.record_view(case, request.membership, what="summary")
    return render(request, "cases/summary.html", {
        "case": case, "details": case.details,
        "state_label": workflow.state_label(case.route, case.state),
        "is_subject": case.concerns_id == request.membership.pk,
    })


@school_view()
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    case = _known_case(request, pk)
    found = services.available_action(case, action, request.membership)
    form = action_form(case, action, request.membership, request.POST, request.FILES)
    if not form.is_valid():
        services.record_view(case, request.membership)
        context = _detail_context(request, case, {"name": action, "step": found, "form": form})
        context["error_action"] = action
        return render(request, "cases/detail.html", context, status=400)
    try:
        services.perform(case, action, request.membership, form.cleaned_data,
                         form.cleaned_data.get("version"), form.uploads())
    except errors.StaleCase as stale:
        case = _case(request, pk)
        data = request.POST.copy()
        data[f"{action}-version"] = str(stale.current_version)
        form = action_form(case, action, request.membership, data)
        form.is_valid()
        messages.error(request, str(stale))
        services.record_view(case, request.membership)
        context = _detail_context(request, case, {"name": action, "step": found, "form": form})
        context["error_action"] = action
        return render(request, "cases/detail.html", context, status=409)
    messages.success(request, selectors.confirmation(case, action))
    return redirect(_detail_url(case))


_SAFE_NAME = re.compile(r"[^A-Za-z0-9._ -]+")


@school_view()
def download(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    case = _known_case(request, pk)
    if not access.can(request.membership, case, access.DOWNLOAD):
        raise PermissionDenied("Evidence is shared only with the people who need to know.")
    try:
        item = case.evidence.get(pk=item_pk)
    except EvidenceItem.DoesNotExist as missing:
        raise Http404("No such evidence item.") from missing
    try:
        data = services.read_evidence(item, request.membership)
    except vault.IntegrityFailure as failure:
        return render(request, "cases/integrity_failed.html",
                      {"case": case, "item": item, "reason": str(failure)}, status=409)
    extension = next(t.extension for t in vault.ALLOWED if t.content_type == item.content_type)
    stem = _SAFE_NAME.sub("_", item.original_name.rsplit(".", 1)[0])[:100] or "evidence"
    response = HttpResponse(data, content_type=item.content_type)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{extension}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@school_view()
def export(request: HttpRequest, pk: int) -> HttpResponse:
    case = _known_case(request, pk)
    data = services.export_case(case, request.membership)
    response = HttpResponse(json.dumps(data, cls=DjangoJSONEncoder, indent=2),
                            content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{case.reference}.json"'
    response["Cache-Control"] = "no-store"
    return response


@school_view(roles=[Role.HEAD_TEACHER])
def retention_review(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        case = _case(request, int(request.POST.get("case", 0)))
        tombstone = retention.dispose(case, request.membership,
                                      request.POST.get("reason", ""),
                                      request.POST.get("confirm", ""))
        messages.success(request, f"{tombstone.reference} disposed of. A record that it "
                                  "existed, and why it was disposed of, is kept.")
        return redirect("cases:retention", school_slug=request.school.slug)
    due = list(retention.due_for_review(request.school))
    return render(request, "cases/retention.html", {
        "due": due,
        "rules": [(Route(r).label, rule) for r, rule in retention.DEFAULT_RULES.items()],
    })
