"""Oversight pages: thin views over dashboard, lists, report and trust modules."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from safepractice.schools.models import Role, School, Trust
from safepractice.schools.tenancy import school_view
from safepractice.web.csv_export import csv_response, wants_csv

from . import dashboard, services, trust
from .errors import FilterRefused
from .links import sees_named_lists
from .lists import LISTS, PAGE_SIZE, all_rows
from .models import TermlyReport
from .suppression import counts_for
from .terms import TermCalendarError, parse_calendar, parse_date_range

OVERSEERS = (Role.HEAD_TEACHER, Role.GOVERNING_BOARD)


@school_view(roles=OVERSEERS)
def school_dashboard(request: HttpRequest) -> HttpResponse:
    membership = request.membership
    now = timezone.now()
    today = timezone.localdate(now)
    default = dashboard.default_period(today)
    error = ""
    try:
        period = parse_date_range(request.GET.get("from"), request.GET.get("to"), default)
    except FilterRefused as problem:  # the page still shows, for the usual period
        error, period = str(problem), default
    named = sees_named_lists(membership)
    counts = counts_for(membership)
    cases = dashboard.selectors.case_figures([membership.school_id], now)[membership.school_id]
    context = {
        "period": period,
        "period_error": error,
        "named": named,
        "attention": dashboard.attention(membership, cases, now),
        "open_cases": dashboard.open_cases_table(membership, cases),
        "completion": dashboard.completion_rows(
            counts, dashboard.selectors.policy_figures([membership.school_id], today)[
                membership.school_id]),
        "reviews": dashboard.selectors.policy_reviews(membership.school_id, today),
        "completion_chart": dashboard.completion_chart(membership.school_id, today, counts),
        # Month-by-month case charts show small numbers exactly: the head's view only.
        "case_charts": dashboard.case_charts(
            [membership.school_id], period, membership.school.acknowledgement_working_days
        ) if named else [],
    }
    return render(request, "oversight/dashboard.html", context, status=400 if error else 200)


@school_view(roles=[Role.HEAD_TEACHER])
def list_view(request: HttpRequest, list_name: str) -> HttpResponse:
    entry = LISTS.get(list_name)
    if entry is None:
        raise Http404("No such list.")
    now = timezone.now()
    membership = request.membership
    try:
        items = entry.rows(membership, request.GET, now)
    except FilterRefused as problem:  # the list page, with its filters, says which is wrong
        return render(request, "oversight/list.html",
                      {"entry": entry, "error": str(problem)}, status=400)
    if wants_csv(request):
        return csv_response(
            request, list_name=f"oversight-{entry.name}", header=entry.columns,
            rows=(row.cells for row in all_rows(entry, membership, request.GET, now)),
            school=request.school,
        )
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [entry.render(item, membership, now) for item in page.object_list]
    services.record_list_viewed(membership, entry.name, len(rows))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "oversight/list.html", {
        "entry": entry, "rows": rows, "page": page, "query": query.urlencode(),
    })


@school_view(roles=OVERSEERS)
def reports(request: HttpRequest) -> HttpResponse:
    school = request.school
    today = timezone.localdate()
    ended = services.ended_terms(school, today)
    error = ""
    if request.method == "POST":
        term = services.ended_term(school, request.POST.get("term", ""), today)
        if term is not None:
            services.generate_report(school, term, actor=request.user)
            messages.success(request, f"The report for the {term.name} is ready.")
            return redirect("oversight:reports", school_slug=school.slug)
        error = ("Choose a term from the list: a report is made for a term that has ended."
                 if ended else "No term has ended yet, so there is no term to report on.")
    return render(request, "oversight/reports.html", {
        "reports": TermlyReport.objects.filter(school=school).defer("pdf"),
        "calendar": services.calendar_for(school, today),
        "ended_terms": ended,
        "error": error,
        "own_calendar": school.terms.exists(),
    }, status=400 if error else 200)


@school_view(roles=OVERSEERS)
def report_download(request: HttpRequest, pk: int) -> HttpResponse:
    saved = get_object_or_404(TermlyReport, pk=pk, school=request.school)
    services.record_report_downloaded(saved, request.membership)
    response = HttpResponse(bytes(saved.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{saved.filename}"'
    return response


@school_view(roles=[Role.HEAD_TEACHER])
def terms(request: HttpRequest) -> HttpResponse:
    school = request.school
    text = request.POST.get("calendar", "") if request.method == "POST" else "\n".join(
        f"{t.name}, {t.starts_on}, {t.ends_on}" for t in services.calendar_for(school)
    )
    error = ""
    if request.method == "POST":
        try:
            services.set_terms(school, parse_calendar(text), actor=request.user)
        except TermCalendarError as problem:
            error = str(problem)
        else:
            messages.success(request, "Term dates saved.")
            return redirect("oversight:reports", school_slug=school.slug)
    return render(request, "oversight/terms.html", {"text": text, "error": error},
                  status=400 if error else 200)


# Trust -------------------------------------------------------------------------------------

def _administered_trust(request: HttpRequest, trust_id: int) -> Trust:
    found = Trust.objects.filter(pk=trust_id).first()
    if found is None:
        raise Http404(f"There is no trust with id {trust_id}.")
    if not request.user.trust_roles.filter(trust=found).exists():
        raise PermissionDenied("You are not an administrator of this trust.")
    return found


def _not_found(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "oversight/not_found.html", {"message": message}, status=404)


@login_required
def trust_overview(request: HttpRequest, trust_id: int) -> HttpResponse:
    try:
        found = _administered_trust(request, trust_id)
    except Http404 as missing:
        return _not_found(request, str(missing))
    schools = list(found.schools.order_by("name"))
    data = trust.table(schools)
    if wants_csv(request):
        return csv_response(
            request, list_name=f"trust-{found.pk}-overview",
            header=["Measure", *(s.name for s in schools), "All schools"],
            rows=([label, *cells, all_] for label, cells, all_ in data.rows()),
            trust=found.pk,
        )
    services.record_trust_viewed(request.user, found)
    return render(request, "oversight/trust.html", {"trust": found, "table": data})


@login_required
def trust_school(request: HttpRequest, trust_id: int, school_id: int) -> HttpResponse:
    try:
        found = _administered_trust(request, trust_id)
    except Http404 as missing:
        return _not_found(request, str(missing))
    school = School.objects.filter(pk=school_id, trust=found).first()
    if school is None:
        return _not_found(
            request, f"There is no school with id {school_id} in {found.name}. "
            "Choose a school from the trust's overview.",
        )
    data = trust.table([school])
    services.record_trust_viewed(request.user, found, school)
    return render(request, "oversight/trust_school.html",
                  {"trust": found, "school_": school, "table": data})
