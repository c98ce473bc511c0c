from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from safepractice.schools.tenancy import school_view
from safepractice.web.throttle import take

from . import selectors, services
from .forms import UploadForm
from .pdf import render_pdf
from .report import from_review


@school_view()
def index(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        # Over the rate or the quota: LimitReached, shown by the web's one handler (429).
        take(services.upload_rate(), request.membership.pk)
        review = services.start_review(membership=request.membership,
                                       files=form.cleaned_data["archives"])
        return redirect("reviews:detail", request.school.slug, review.pk)
    reviews = selectors.own_reviews(request.user, request.school)
    return render(request, "reviews/index.html", {
        "form": form, "reviews": reviews, "retention_days": services.retention().days,
    })


@school_view()
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = selectors.get_own_review(request.user, request.school, pk)
    context = {"review": review}
    if review.has_report:
        context["report"] = from_review(review)
    services.record_review_viewed(review, request.membership)
    return render(request, "reviews/detail.html", context)


@school_view()
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar, polled by htmx; once done, the whole page reloads into the report."""
    review = selectors.get_own_review(request.user, request.school, pk)
    response = render(request, "reviews/_progress.html", {"review": review})
    if review.is_finished:
        response["HX-Refresh"] = "true"
    return response


@school_view()
def pdf(request: HttpRequest, pk: int) -> HttpResponse:
    review = selectors.get_own_review(request.user, request.school, pk)
    if not review.has_report:
        return redirect("reviews:detail", request.school.slug, review.pk)
    content = render_pdf(from_review(review), owner_name=request.user.full_name,
                         school_name=request.school.name)
    services.record_review_pdf_downloaded(review, request.membership)
    response = HttpResponse(content, content_type="application/pdf")
    name = slugify(f"social media review {review.created:%Y-%m-%d}")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@school_view()
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    review = selectors.get_own_review(request.user, request.school, pk)
    services.delete_review(review)
    messages.success(request, "Your review and everything in it has been deleted.")
    return redirect("reviews:index", request.school.slug)
