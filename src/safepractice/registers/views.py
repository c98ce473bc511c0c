"""Thin views over the register services. Each record page shows its facts, the actions the
visitor may take, and its history."""

import datetime
from dataclasses import dataclass, field

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone

from safepractice.schools.models import Role
from safepractice.schools.tenancy import get_for_school, school_view
from safepractice.web.csv_export import csv_response, wants_csv
from safepractice.web.formatting import datetime_text

from . import forms, rules, services
from .imei import InvalidIMEI
from .models import (
    ContactDetailsException,
    Decision,
    Device,
    PhoneOnDutyException,
    ProfessionalJudgementNotice,
    SocialContactDeclaration,
)
from .selectors import (
    contact_exceptions_awaiting_agreement,
    current_devices,
    declaration_status,
    declarations_awaiting_acknowledgement,
    declarations_due_reconfirmation,
    history,
    notices_awaiting_response,
    phone_exceptions_pending,
    starter_progress,
    unfinished_starters,
)

SENIOR = (Role.SLT, Role.HEAD_TEACHER)


@dataclass
class Action:
    name: str
    label: str
    form: django_forms.Form | None = None
    danger: bool = False


@dataclass
class RecordPage:
    title: str
    facts: list[tuple[str, str]]
    actions: list[Action] = field(default_factory=list)


def _is_senior(request) -> bool:
    return request.membership.has_role(*SENIOR)


def _may_see(request, item, *, senior_may: bool = True) -> None:
    me = request.membership
    if item.membership_id == me.pk:
        return
    if senior_may and _is_senior(request):
        return
    if senior_may and item.membership.line_manager_id == me.pk:
        return
    raise PermissionDenied("This record belongs to someone else.")


def _show(request, item, page: RecordPage, status: int = 200) -> HttpResponse:
    return render(request, "registers/record.html", {
        "page": page, "item": item, "history": history(item)}, status=status)


def _fmt(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime.date):  # a datetime is a date too
        return datetime_text(value)
    return str(value)


def _form_page(request, form, title: str, intro: str, button: str, status: int = 200):
    return render(request, "registers/form.html", {
        "form": form, "title": title, "intro": intro, "button": button}, status=status)


def _run(request, action, redirect_to: str, done: str):
    """Run a service call and say what happened (``done``); a refusal (``RegisterError``) is
    shown by the web's one handler (web/errors.py) on the page the person came from."""
    action()
    messages.success(request, done)
    return redirect(redirect_to)


# Overview pages -----------------------------------------------------------------------------

@school_view()
def mine(request: HttpRequest) -> HttpResponse:
    me = request.membership
    declarations = [(d, declaration_status(d)) for d in
                    SocialContactDeclaration.objects.filter(membership=me)]
    return render(request, "registers/mine.html", {
        "declarations": declarations,
        "contact_exceptions": [(e, rules.contact_exception_active(e)) for e in
                               ContactDetailsException.objects.filter(membership=me)],
        "phone_exceptions": PhoneOnDutyException.objects.filter(membership=me),
        "devices": current_devices(me),
        "notices": ProfessionalJudgementNotice.objects.filter(membership=me),
        "progress": starter_progress(me),
        "today": timezone.localdate(), "now": timezone.now(),
    })


@school_view(roles=SENIOR)
def queue(request: HttpRequest) -> HttpResponse:
    school, me = request.school, request.membership
    waiting = {
        "declarations": declarations_awaiting_acknowledgement(school).exclude(membership=me),
        "reconfirmations": declarations_due_reconfirmation(school),
        "contact_exceptions": contact_exceptions_awaiting_agreement(school).exclude(
            membership=me).select_related("membership__user"),
        "phone_exceptions": phone_exceptions_pending(school).exclude(membership=me),
        "notices": notices_awaiting_response(school) if me.has_role(Role.HEAD_TEACHER)
        else [],
    }
    if wants_csv(request):
        return csv_response(
            request, list_name="to-acknowledge", school=school,
            header=["Waiting for", "Name", "What", "Since"], rows=_queue_rows(waiting),
        )
    return render(request, "registers/queue.html", waiting)


def _queue_rows(waiting: dict) -> list[list]:
    """The queue page's items, one row each, as the page words them."""
    rows = []
    for d in waiting["declarations"]:
        rows.append(["Acknowledgement of a declaration", d.membership.user.full_name,
                     f"{d.get_kind_display()}, {d.contact_with}",
                     timezone.localtime(d.declared_at).date()])
    for d in waiting["reconfirmations"]:
        rows.append(["Reconfirmation this school year", d.membership.user.full_name,
                     d.contact_with, timezone.localtime(d.confirmed_at).date()])
    for e in waiting["contact_exceptions"]:
        needs = [part for part, done in (("senior agreement", e.senior_agreed_at),
                                         ("the parent's agreement", e.parent_agreed_on))
                 if not done]
        rows.append(["Contact-details exception: " + " and ".join(needs),
                     e.membership.user.full_name, str(e), ""])
    for e in waiting["phone_exceptions"]:
        rows.append(["Phone-on-duty request", e.membership.user.full_name, str(e), ""])
    for n in waiting["notices"]:
        rows.append(["Professional-judgement notice", n.membership.user.full_name, "",
                     timezone.localtime(n.submitted_at).date()])
    return rows


@school_view(roles=[Role.HEAD_TEACHER])
def starters(request: HttpRequest) -> HttpResponse:
    unfinished = unfinished_starters(request.school)
    if wants_csv(request):
        steps = [step.label for step in unfinished[0].steps] if unfinished else []
        return csv_response(
            request, list_name="new-starters-unfinished", school=request.school,
            header=["Name", "Started", *steps],
            rows=[[p.membership.user.full_name, p.membership.started_on,
                   *("Done" if step.done else "Not yet" for step in p.steps)]
                  for p in unfinished],
        )
    return render(request, "registers/starters.html", {"unfinished": unfinished})


@school_view()
def checklist(request: HttpRequest) -> HttpResponse:
    me = request.membership
    if request.method == "POST":
        if request.POST.get("action") == "nothing-to-declare":
            services.confirm_nothing_to_declare(me)
            messages.success(request, "Noted: you have nothing to declare.")
        else:
            form = forms.GuidedReviewForm(request.POST)
            if form.is_valid():
                services.tick_guided_review(me, form.cleaned_data["steps"])
                messages.success(request, "Your social media checklist is saved.")
        return redirect("registers:checklist", request.school.slug)
    checklist_record = getattr(me, "starter_checklist", None)
    initial = {"steps": checklist_record.guided_review_done if checklist_record else []}
    return render(request, "registers/checklist.html", {
        "progress": starter_progress(me), "guided_form": forms.GuidedReviewForm(initial=initial),
    })


# Social contact declarations ----------------------------------------------------------------

@school_view()
def declare(request: HttpRequest) -> HttpResponse:
    form = forms.SocialContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        declaration = services.declare_social_contact(request.membership, **form.cleaned_data)
        messages.success(request, "Declared. A member of the senior leadership team will "
                                  "acknowledge it.")
        return redirect("registers:declaration", request.school.slug, declaration.pk)
    return _form_page(request, form, "Declare social contact with a pupil or family",
                      "The policy asks you to make known to the senior leadership team any "
                      "contact with a pupil or their family outside school.", "Declare")


@school_view()
def declaration(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_for_school(SocialContactDeclaration.objects.select_related(
        "membership__user", "acknowledged_by__user"), request.school, pk=pk)
    _may_see(request, item)
    me, here = request.membership, request.get_full_path()
    if request.method == "POST":
        calls = {
            "acknowledge": lambda: services.acknowledge_declaration(item, me),
            "reconfirm": lambda: services.reconfirm_declaration(item, me),
            "withdraw": lambda: services.withdraw_declaration(item, me),
        }
        call = calls.get(request.POST.get("action"))
        if call is None:
            messages.error(request, "Unknown action.")
            return redirect(here)
        done = {"acknowledge": f"{item.membership.user.full_name}'s declaration is acknowledged.",
                "reconfirm": "The declaration is reconfirmed for this school year.",
                "withdraw": "The declaration is withdrawn: the contact has ended."}
        return _run(request, call, here, done[request.POST["action"]])
    status = declaration_status(item)
    page = RecordPage(f"Social contact: {item.contact_with}", [
        ("Declared by", item.membership.user.full_name),
        ("Kind", item.get_kind_display()), ("Details", item.details),
        ("Declared", _fmt(item.declared_at)), ("Status", status),
        ("Acknowledged by", item.acknowledged_by.user.full_name if item.acknowledged_by
         else "—"),
        ("Acknowledged", _fmt(item.acknowledged_at)),
        ("Last confirmed", _fmt(item.confirmed_at)),
    ])
    if item.withdrawn_at is None:
        if item.acknowledged_at is None and _is_senior(request) and item.membership_id != me.pk:
            page.actions.append(Action("acknowledge", "Acknowledge this declaration"))
        if item.membership_id == me.pk:
            if status == "reconfirmation due":
                page.actions.append(Action("reconfirm", "Reconfirm for this school year"))
            page.actions.append(Action("withdraw", "Withdraw: the contact has ended",
                                       danger=True))
    return _show(request, item, page)


# Contact-details exceptions -----------------------------------------------------------------

@school_view()
def contact_new(request: HttpRequest) -> HttpResponse:
    form = forms.ContactDetailsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.request_contact_details_exception(
                request.membership, **form.cleaned_data)
        except services.RegisterError as error:  # on the form: what was typed is kept
            form.add_error(None, str(error))
        else:
            return redirect("registers:contact", request.school.slug, item.pk)
    return _form_page(request, form, "Personal contact details given to a pupil or parent",
                      "Only allowed when agreed with senior management and the parent or "
                      "carer. It becomes active once both agreements are recorded.", "Record",
                      status=400 if form.errors else 200)


@school_view()
def contact(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_for_school(ContactDetailsException.objects.select_related(
        "membership__user", "senior_agreed_by__user"), request.school, pk=pk)
    _may_see(request, item)
    me, here = request.membership, request.get_full_path()
    parent_form = forms.ParentAgreementForm(
        request.POST if request.POST.get("action") == "parent" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "senior":
            return _run(request, lambda: services.record_senior_agreement(item, me), here,
                        "Your agreement to the contact-details exception is recorded.")
        if action == "end":
            return _run(request, lambda: services.end_contact_details_exception(item, me), here,
                        "The contact-details exception has ended.")
        if action == "parent" and parent_form.is_valid():
            return _run(request, lambda: services.record_parent_agreement(
                item, me, **parent_form.cleaned_data), here, "The parent's agreement is recorded.")
    page = RecordPage(f"Contact details given to {item.given_to}", [
        ("Member of staff", item.membership.user.full_name),
        ("Details given", item.details_given), ("Reason", item.reason),
        ("From", _fmt(item.starts_on)), ("Until", _fmt(item.ends_on)),
        ("Senior management agreed", f"{item.senior_agreed_by.user.full_name}, "
         f"{_fmt(item.senior_agreed_at)}" if item.senior_agreed_by else "Not yet"),
        ("Parent or carer agreed", f"{item.parent_name}, {_fmt(item.parent_agreed_on)} "
         f"({item.get_parent_agreed_how_display()})" if item.parent_agreed_on else "Not yet"),
        ("Status", "Active" if rules.contact_exception_active(item) else "Not active"),
    ])
    if item.ended_at is None:
        if (item.senior_agreed_at is None and _is_senior(request)
                and item.membership_id != me.pk):
            page.actions.append(Action("senior", "Agree on behalf of senior management"))
        if item.parent_agreed_on is None and (item.membership_id == me.pk or _is_senior(request)):
            page.actions.append(Action("parent", "Record the parent's agreement", parent_form))
        page.actions.append(Action("end", "End this exception now", danger=True))
    return _show(request, item, page, status=400 if parent_form.errors else 200)


# Phone on duty ------------------------------------------------------------------------------

@school_view()
def phone_new(request: HttpRequest) -> HttpResponse:
    form = forms.PhoneExceptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.request_phone_exception(request.membership, **form.cleaned_data)
        except services.RegisterError as error:  # on the form: what was typed is kept
            form.add_error(None, str(error))
        else:
            return redirect("registers:phone", request.school.slug, item.pk)
    return _form_page(request, form, "Ask to keep your phone switched on while on duty",
                      "Only in exceptional circumstances, agreed by a member of the senior "
                      "leadership team. It ends on its own at the time you give.", "Ask",
                      status=400 if form.errors else 200)


# The phone request's two buttons: the only POSTs that decide it.
AGREE, DECLINE = "agree", "decline"


@school_view()
def phone(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_for_school(PhoneOnDutyException.objects.select_related(
        "membership__user", "decided_by__user"), request.school, pk=pk)
    _may_see(request, item)
    me, here = request.membership, request.get_full_path()
    if request.method == "POST":
        # Only the two buttons decide: anything else (a stale or hand-made form) decides nothing.
        decision = request.POST.get("action")
        if decision not in (AGREE, DECLINE):
            return HttpResponseBadRequest("Choose Agree or Do not agree.")
        agree = decision == AGREE
        return _run(request, lambda: services.decide_phone_exception(item, me, agree=agree), here,
                    f"{'Agreed' if agree else 'Not agreed'}: "
                    f"{item.membership.user.full_name}'s phone on while on duty.")
    now = timezone.now()
    state = ("Active now" if rules.phone_exception_active(item, now) else
             "Ended" if item.ends_at <= now else item.get_decision_display())
    page = RecordPage("Phone switched on while on duty", [
        ("Member of staff", item.membership.user.full_name),
        ("Circumstances", item.circumstances),
        ("From", _fmt(item.starts_at)), ("Until", _fmt(item.ends_at)),
        ("Decision", item.get_decision_display()),
        ("Decided by", f"{item.decided_by.user.full_name}, {_fmt(item.decided_at)}"
         if item.decided_by else "—"),
        ("Status", state),
    ])
    if (item.decision == Decision.PENDING and item.ends_at > now and _is_senior(request)
            and item.membership_id != me.pk):
        page.actions += [Action(AGREE, "Agree"), Action(DECLINE, "Do not agree", danger=True)]
    return _show(request, item, page)


# Device register ----------------------------------------------------------------------------

@school_view()
def devices(request: HttpRequest) -> HttpResponse:
    me = request.membership
    form = forms.DeviceForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get("action") == "retire":
            device = get_for_school(Device, request.school, pk=request.POST.get("device"),
                                    membership=me)
            return _run(request, lambda: services.retire_device(device, me),
                        request.get_full_path(),
                        f"{device.make} {device.model} is recorded as no longer used.")
        if form.is_valid():
            try:
                services.record_device(me, **form.cleaned_data)
            except InvalidIMEI as error:  # the form checked already; kept for other callers
                form.add_error("imei", str(error))
            else:
                messages.success(request, "Your phone is recorded.")
                return redirect("registers:devices", request.school.slug)
    return render(request, "registers/devices.html", {
        "form": form, "devices": current_devices(me)}, status=400 if form.errors else 200)


@school_view(roles=[Role.HEAD_TEACHER])
def device_lookup(request: HttpRequest) -> HttpResponse:
    form = forms.DeviceLookupForm(request.GET or None)
    found = None
    if request.GET and form.is_valid():
        found = services.look_up_devices(request.membership, form.cleaned_data["query"],
                                         form.cleaned_data["reason"])
    return render(request, "registers/device_lookup.html", {"form": form, "found": found})


# Professional-judgement notices -------------------------------------------------------------

@school_view()
def notice_new(request: HttpRequest) -> HttpResponse:
    form = forms.JudgementNoticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = services.give_judgement_notice(request.membership, **form.cleaned_data)
        messages.success(request, "The head teacher has your notice.")
        return redirect("registers:notice", request.school.slug, item.pk)
    return _form_page(request, form, "Tell the head about a professional judgement",
                      "When you act, or propose to act, outside the policy, advise the head "
                      "teacher of the justification.", "Send to the head")


@school_view()
def notice(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_for_school(ProfessionalJudgementNotice.objects.select_related(
        "membership__user", "responded_by__user"), request.school, pk=pk)
    me, here = request.membership, request.get_full_path()
    is_head = me.has_role(Role.HEAD_TEACHER)
    if item.membership_id != me.pk and not is_head:
        raise PermissionDenied("A professional-judgement notice is between its author and "
                               "the head teacher.")
    services.record_judgement_notice_viewed(item, me)
    form = forms.JudgementResponseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        return _run(request, lambda: services.respond_to_notice(
            item, me, response=data["response"], note=data["note"],
            hr_advice_sought=data["hr_advice_sought"], hr_advice=data["hr_advice"]), here,
            f"Your response to {item.membership.user.full_name}'s notice is recorded.")
    hr = request.school.hr_advice_service or "the HR advice service"
    page = RecordPage("Professional-judgement notice", [
        ("From", item.membership.user.full_name),
        ("What", item.action), ("Already done?", "Yes" if item.already_taken else "Proposed"),
        ("Justification", item.justification), ("Sent", _fmt(item.submitted_at)),
        ("Head's response", item.get_response_display() or "Awaited"),
        ("Response note", item.response_note or "—"),
        (f"Advice sought from {hr}", {True: "Yes", False: "No", None: "—"}[
            item.hr_advice_sought]),
        ("Advice given", item.hr_advice or "—"),
    ])
    if is_head and item.responded_at is None and item.membership_id != me.pk:
        page.actions.append(Action("respond", "Record your response", form))
    return _show(request, item, page, status=400 if form.errors else 200)

