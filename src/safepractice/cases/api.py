"""The cases API: a django-ninja ``Router``, thin over the same services, forms and access
rules as the web pages. Mounted on the project's API at ``/api/v1/schools/`` (see
``api/routers.py``), whose personal bearer token names the member (``request.membership``);
without a token (e.g. Ninja's TestClient with a user) the signed-in user's membership of the
URL's school is used.
"""

from datetime import date, datetime
from typing import Annotated, Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Body, File, Form, Query, Router, Schema
from ninja.errors import HttpError
from ninja.files import UploadedFile

from safepractice.api.schemas import BODY_ERRORS, ERRORS, ErrorOut, ValidationErrorOut
from safepractice.schools.models import Membership, School
from safepractice.schools.rules import active_membership, is_active_member

from . import access, selectors, services, vault, workflow
from .evidence import Upload
from .forms import action_form
from .models import EVIDENCE_DESCRIPTION_CHARS, Case, EvidenceItem

router = Router(tags=["cases"])


class CaseOut(Schema):
    id: int
    reference: str
    route: str
    state: str
    state_label: str
    version: int
    raised_at: datetime
    closed_at: datetime | None
    acknowledgement_due_on: date | None


class EvidenceOut(Schema):
    id: int
    name: str
    content_type: str
    size: int
    sha256: str


class Problem(Schema):
    code: str
    detail: str
    errors: dict[str, list[str]] | None = None


MAX_PAGE = 500
MAX_OFFSET = 1_000_000  # far more cases than any school has; past it a database may overflow
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Cases to skip.")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"At most {MAX_PAGE}.")]
EvidenceDescription = Annotated[str, Form(max_length=EVIDENCE_DESCRIPTION_CHARS,
                                          description="What the files show.")]

# Reading: besides the API's own errors, 403 (not a member now, or may not open the case) and
# 404 (no such school for the token, or no such case as far as the member may know).
READ_ERRORS = {**ERRORS, 403: ErrorOut, 404: ErrorOut}
# Acting: a refused action is a ``Problem`` (403 not allowed, 409 stale or not possible now:
# the API's one ApplicationError handler, with the error's ``code``), and so is a 422 the
# operation finds itself (a form's fields, a file refused); a 422 from the
# API's validation of the request is ``ValidationErrorOut``, a 403 before the case ``ErrorOut``.
ACTION_ERRORS = {**BODY_ERRORS, 404: ErrorOut, 403: Problem | ErrorOut, 409: Problem,
                 422: Problem | ValidationErrorOut}


def _out(case: Case) -> CaseOut:
    return CaseOut(
        id=case.pk, reference=case.reference, route=case.route, state=case.state,
        state_label=workflow.state_label(case.route, case.state), version=case.version,
        raised_at=case.raised_at, closed_at=case.closed_at,
        acknowledgement_due_on=case.acknowledgement_due_on,
    )


def _membership(request: HttpRequest, school_slug: str) -> Membership:
    token_membership = getattr(request, "membership", None)
    if token_membership is not None:
        if token_membership.school.slug != school_slug:
            raise HttpError(404, "Your token is for another school.")
        membership = token_membership if is_active_member(token_membership) else None
    else:
        school = get_object_or_404(School, slug=school_slug)
        membership = active_membership(request.user, school)
    if membership is None:
        raise HttpError(403, "You are not a current member of this school.")
    return membership


def _known_case(membership: Membership, case_id: int) -> Case:
    """The case, or the 404 of a missing one if the member may know nothing of it."""
    case = get_object_or_404(selectors.school_cases(membership.school), pk=case_id)
    if not access.knows_of(membership, case):
        raise Http404("No such case.")
    return case


def _case(membership: Membership, case_id: int, capability: str = access.VIEW) -> Case:
    """The case if the member may do ``capability`` on it: 403 to whoever knows of it but may
    not, the 404 of a missing case to anyone else."""
    case = _known_case(membership, case_id)
    if not access.can(membership, case, capability):
        raise HttpError(403, "This case is shared only with the people who need to know.")
    return case


@router.get("/{school_slug}/cases",
            response={200: list[CaseOut], **READ_ERRORS})
def list_cases(request: HttpRequest, school_slug: str, offset: Offset = 0, limit: Limit = 100):
    """Cases the signed-in member may open in full, newest first (``limit`` at most 500)."""
    cases = selectors.visible_cases(_membership(request, school_slug))[offset:offset + limit]
    return [_out(c) for c in cases]


@router.get("/{school_slug}/cases/{case_id}",
            response={200: dict[str, Any], **READ_ERRORS})
def get_case(request: HttpRequest, school_slug: str, case_id: int):
    """The whole case and its chronology. Recorded in the audit log as a view."""
    membership = _membership(request, school_slug)
    case = _case(membership, case_id)
    services.record_view(case, membership, what="api")
    return selectors.case_record(case)


@router.post("/{school_slug}/cases/{case_id}/actions/{action}",
             response={200: CaseOut, **ACTION_ERRORS})
def take_action(request: HttpRequest, school_slug: str, case_id: int, action: str,
                payload: Body[dict[str, Any]]):
    """Take one of the route's actions. Send the case ``version`` you last read."""
    membership = _membership(request, school_slug)
    case = _known_case(membership, case_id)
    services.available_action(case, action, membership)
    if action == "add-evidence":
        return 422, Problem(code="use-evidence-endpoint",
                            detail="Add files with POST .../evidence (multipart).")
    form = action_form(case, action, membership, payload, prefixed=False)
    if not form.is_valid():
        return 422, Problem(code="invalid", detail="Some fields are missing or wrong.",
                            errors={k: [str(m) for m in v] for k, v in form.errors.items()})
    case = services.perform(case, action, membership, form.cleaned_data,
                            form.cleaned_data.get("version"))
    return 200, _out(case)


@router.post("/{school_slug}/cases/{case_id}/evidence",
             response={201: list[EvidenceOut], **ACTION_ERRORS})
def add_evidence(request: HttpRequest, school_slug: str, case_id: int,
                 files: File[list[UploadedFile]], description: EvidenceDescription = ""):
    """Add files to the vault (PNG, JPEG, PDF, EML, TXT by content; size-limited)."""
    membership = _membership(request, school_slug)
    case = _known_case(membership, case_id)
    services.available_action(case, "add-evidence", membership)
    uploads = [Upload(f.name, f.read(), description) for f in files]
    for upload in uploads:
        vault.check(upload.data)
    before = set(case.evidence.values_list("pk", flat=True))
    services.add_evidence(case, membership, uploads)
    added = case.evidence.exclude(pk__in=before)
    return 201, [EvidenceOut(id=i.pk, name=i.original_name, content_type=i.content_type,
                             size=i.size, sha256=i.sha256) for i in added]


@router.get("/{school_slug}/cases/{case_id}/evidence/{item_id}",
            response={200: None, 409: Problem, **READ_ERRORS})
def download_evidence(request: HttpRequest, school_slug: str, case_id: int, item_id: int):
    """The original file, checked against its SHA-256; audited."""
    membership = _membership(request, school_slug)
    case = _case(membership, case_id, access.DOWNLOAD)
    item = get_object_or_404(EvidenceItem, case=case, pk=item_id)
    data = services.read_evidence(item, membership)
    response = HttpResponse(data, content_type=item.content_type)
    response["Content-Disposition"] = "attachment"
    response["Cache-Control"] = "no-store"
    return response
