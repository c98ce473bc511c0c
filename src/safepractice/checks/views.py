from django.contrib import messages
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from safepractice.schools.tenancy import school_view
from safepractice.web.throttle import take

from .forms import MAX_PHOTOS, CheckForm
from .highlighting import segments
from .selectors import saved_check_of, saved_checks_of
from .services import (
    TextCheck,
    check_photos,
    check_text,
    delete_saved_check,
    photo_check_rate,
    record_saved_check_viewed,
    save_check,
)


def _run(request: HttpRequest, form: CheckForm) -> TextCheck | None:
    if not form.is_valid() or not form.cleaned_data["text"].strip():
        return None
    data = form.cleaned_data
    return check_text(request.school, data["text"], data["kind"], data["recipient"] or None)


def _results_context(result: TextCheck | None) -> dict:
    if result is None:
        return {"result": None}
    numbered = [
        {"number": n, "finding": f, "quote": result.text[f.start:f.end]}
        for n, f in enumerate(result.findings, start=1)
    ]
    highlighted = segments(result.text, result.findings)
    return {"result": result, "numbered": numbered, "segments": highlighted}


@school_view()
def check(request: HttpRequest) -> HttpResponse:
    """The check page. Posting (as-you-type through htmx, or the button) stores nothing."""
    form = CheckForm(request.POST or None)
    result = _run(request, form) if request.method == "POST" else None
    context = {"form": form, **_results_context(result)}
    if request.htmx:
        return render(request, "checks/_results.html", context)
    return render(request, "checks/check.html", context)


@school_view()  # tenancy first: another school's member gets 403, never 405
@require_POST
def save(request: HttpRequest) -> HttpResponse:
    form = CheckForm(request.POST)
    result = _run(request, form)
    if result is None:
        if request.htmx:
            return render(request, "checks/_results.html",
                          {"form": form, "result": None, "nothing_to_save": True})
        return render(request, "checks/check.html",
                      {"form": form, "result": None, "nothing_to_save": True})
    saved = save_check(request.membership, result)
    messages.success(request, "Saved to your checks. Only you can see it.")
    url = reverse("checks:saved_detail", args=[request.school.slug, saved.pk])
    if request.htmx:
        return HttpResponse(status=204, headers={"HX-Redirect": url})
    return redirect(url)


@school_view()
def saved(request: HttpRequest) -> HttpResponse:
    return render(request, "checks/saved_list.html",
                  {"saved_checks": saved_checks_of(request.membership)})


@school_view()
def saved_detail(request: HttpRequest, pk: int) -> HttpResponse:
    saved_check = saved_check_of(request.membership, pk)
    record_saved_check_viewed(saved_check, request.membership)
    numbered = [
        {"number": n, "finding": f, "quote": saved_check.text[f["start"]:f["end"]]}
        for n, f in enumerate(saved_check.findings, start=1)
    ]
    return render(
        request, "checks/saved_detail.html", {"saved": saved_check, "numbered": numbered}
    )


@school_view()  # tenancy first: another school's member gets 403, never 405
@require_POST
def saved_delete(request: HttpRequest, pk: int) -> HttpResponse:
    delete_saved_check(saved_check_of(request.membership, pk), request.user)
    messages.success(request, "Saved check deleted.")
    return redirect("checks:saved", school_slug=request.school.slug)


@school_view()
def photos(request: HttpRequest) -> HttpResponse:
    """Upload photos, see what they give away, download cleaned copies. Nothing is stored."""
    results, errors = [], []
    if request.method == "POST":
        uploads = request.FILES.getlist("files")
        if not uploads:
            errors.append(("", "Choose at least one photo."))
        if len(uploads) > MAX_PHOTOS:
            raise BadRequest(f"Up to {MAX_PHOTOS} photos at a time.")
        # Over the rate or the quota: LimitReached, shown by the web's one handler (429).
        take(photo_check_rate(), request.membership.pk)
        checked, refused = check_photos(request.membership, uploads)
        results += checked
        errors += refused
    status = 422 if errors and not results else 200
    return render(request, "checks/photos.html",
                  {"results": results, "errors": errors, "max_photos": MAX_PHOTOS},
                  status=status)
