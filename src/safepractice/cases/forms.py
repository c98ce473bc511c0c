"""Forms: one to raise each route, one per action. The API validates through the same forms."""

from django import forms
from django.utils import timezone

from safepractice.schools.models import Membership
from safepractice.schools.rules import active_member_q

from . import access, vault
from .models import (
    DESCRIPTION_CHARS,
    EVIDENCE_DESCRIPTION_CHARS,
    RECORD_CHARS,
    AdviceSource,
    Body,
    Case,
    CaseTask,
    ConductConcern,
    CyberbullyingReport,
    EvidenceItem,
    IndecentImagesReport,
    Outcome,
    PoliceWish,
    PupilExposureReport,
    Route,
    UnsuitableMaterialReport,
)
from .services import Upload

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_FILES = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceFilesField(forms.FileField):
    """Several files at once; each checked by content and size before anything is stored."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("help_text", f"{vault.ALLOWED_LABELS}; up to "
                                       f"{vault.max_bytes() // 1_048_576} MB each.")
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if not files:
            return single(None, initial)  # raises "required" when required
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"At most {MAX_FILES} files at a time.")
        cleaned = []
        for upload in files:
            single(upload, initial)
            if upload.size > vault.max_bytes():
                raise forms.ValidationError(
                    f"“{upload.name}” is {upload.size / 1_048_576:.1f} MB; the limit is "
                    f"{vault.max_bytes() // 1_048_576} MB per file."
                )
            data = upload.read()
            try:
                vault.check(data)
            except vault.EvidenceRejected as rejected:
                raise forms.ValidationError(f"“{upload.name}”: {rejected}") from rejected
            cleaned.append((upload.name, data))
        return cleaned


class HttpsURLField(forms.URLField):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(*args, **kwargs)


def _not_future(value):
    if value and value > timezone.now() + timezone.timedelta(minutes=5):
        raise forms.ValidationError("This is in the future: give the date and time it happened.")
    return value


def school_members(school) -> "forms.models.QuerySet[Membership]":
    return Membership.objects.filter(active_member_q(), school=school).select_related("user")


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Membership) -> str:
        return f"{obj.user.full_name} ({obj.job_title or obj.get_staff_category_display()})"


class RaiseForm(forms.ModelForm):
    """Base for raising a case: the route's detail model, plus evidence where allowed."""

    has_subject = False
    allows_files = False

    def __init__(self, *args, school=None, actor=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.school, self.actor = school, actor
        for name, field in self.fields.items():
            if isinstance(field, forms.DateTimeField):
                field.widget = DATETIME_WIDGET
                field.initial = field.initial or timezone.localtime().replace(second=0,
                                                                               microsecond=0)
            elif isinstance(field, forms.DateField):
                field.widget = DATE_WIDGET
            if name in {"police_wish", "report_to", "kind"}:
                field.widget = forms.RadioSelect(choices=field.choices[1:])
        if self.has_subject:
            self.fields["subject"] = MemberChoiceField(
                school_members(school).exclude(pk=getattr(actor, "pk", None)),
                label="The member of staff this is about",
            )
            self.order_fields(["subject"])
        if self.allows_files:
            self.fields["files"] = EvidenceFilesField(label="Evidence files", required=False)
            self.fields["files_description"] = forms.CharField(
                label="What the files show (time, date and place of the site)",
                max_length=EVIDENCE_DESCRIPTION_CHARS, required=False,
            )

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if name.endswith("_at"):
                _not_future(value)
        return cleaned

    def details(self) -> dict:
        skip = {"subject", "concerns", "files", "files_description"}
        return {k: v for k, v in self.cleaned_data.items() if k not in skip}

    def uploads(self) -> list[Upload]:
        description = self.cleaned_data.get("files_description", "")
        return [Upload(name, data, description)
                for name, data in self.cleaned_data.get("files") or []]

    def concerns(self) -> Membership | None:
        return self.cleaned_data.get("subject")


class CyberbullyingForm(RaiseForm):
    allows_files = True

    class Meta:
        model = CyberbullyingReport
        fields = ["site", "link", "seen_at", "what_happened", "police_wish", "report_to",
                  "wants_confidentiality", "support_union", "support_colleague",
                  "support_notes"]
        field_classes = {"link": HttpsURLField}
        help_texts = {
            "link": "If there is one (a text message or email has none).",
            "what_happened": "Keep everything: do not delete the messages or posts.",
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on_behalf_of"] = MemberChoiceField(
            school_members(self.school), required=False,
            label="Recording this for someone else? The person it happened to",
            help_text="Leave empty if it happened to you. The ICT coordinator or a colleague "
                      "can help record it; the person named decides what happens.",
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("site"):
            self.add_error("site", "Say where it happened: the site or app.")
        return cleaned

    def details(self) -> dict:
        return {k: v for k, v in super().details().items() if k != "on_behalf_of"}

    def concerns(self) -> Membership | None:
        return self.cleaned_data.get("on_behalf_of") or self.actor


class IndecentImagesForm(RaiseForm):
    class Meta:
        model = IndecentImagesReport
        fields = ["found_at", "device", "location", "account", "others_aware"]
        help_texts = {
            "device": "Do not open, copy, forward or delete anything on it.",
            "others_aware": "Names only.",
        }


class UnsuitableMaterialForm(RaiseForm):
    has_subject = True

    class Meta:
        model = UnsuitableMaterialReport
        fields = ["found_at", "where_found", "concern"]
        help_texts = {"concern": "Facts only. Do not investigate or look further: advice "
                                 "will be sought first."}


class ConductForm(RaiseForm):
    has_subject = True
    allows_files = True

    class Meta:
        model = ConductConcern
        fields = ["kind", "occurred_on", "concern"]


class PupilExposureForm(RaiseForm):
    allows_files = True

    class Meta:
        model = PupilExposureReport
        fields = ["occurred_at", "where", "pupils_involved", "what_happened"]
        help_texts = {"what_happened": "Describe the link or site, not the images."}


RAISE_FORMS: dict[str, type[RaiseForm]] = {
    Route.CYBERBULLYING: CyberbullyingForm,
    Route.INDECENT_IMAGES: IndecentImagesForm,
    Route.UNSUITABLE_MATERIAL: UnsuitableMaterialForm,
    Route.CONDUCT: ConductForm,
    Route.PUPIL_EXPOSURE: PupilExposureForm,
}


# --- action forms -------------------------------------------------------------------------


class ActionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, case: Case, actor: Membership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.case, self.actor = case, actor
        self.fields["version"].initial = case.version
        for field in self.fields.values():
            if isinstance(field, forms.DateTimeField):
                field.widget = DATETIME_WIDGET
                field.initial = timezone.localtime().replace(second=0, microsecond=0)
                field.validators.append(_not_future)
            elif isinstance(field, forms.DateField):
                field.widget = DATE_WIDGET

    def uploads(self) -> list[Upload]:
        return []


def _text(
    label: str, required: bool = True, max_length: int = DESCRIPTION_CHARS
) -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=max_length,
                           widget=forms.Textarea(attrs={"rows": 3}))


class NoteOptionalForm(ActionForm):
    note = _text("Note (optional)", required=False)


class AgreeActionForm(ActionForm):
    action_agreed = _text("The action agreed with the person who reported it")


class CloseForm(ActionForm):
    pass


class CloseWithOutcomeForm(ActionForm):
    outcome_detail = _text("Outcome")


class CloseWithChangesForm(ActionForm):
    outcome_detail = _text("What changed (internet controls, passwords, supervision)")


class ReopenForm(ActionForm):
    reason = _text("Why it is reopened")


class WishesForm(ActionForm):
    police_wish = forms.ChoiceField(label="Do you want the police involved?",
                                    choices=PoliceWish.choices, widget=forms.RadioSelect)
    wants_confidentiality = forms.BooleanField(
        label="Keep this confidential to the people handling it", required=False)
    support_union = forms.BooleanField(label="Support from my union or association",
                                       required=False)
    support_colleague = forms.BooleanField(label="A colleague to support me", required=False)
    support_notes = forms.CharField(label="Who supports you (optional)", max_length=200,
                                    required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        report = self.case.cyberbullying
        for name in ("police_wish", "wants_confidentiality", "support_union",
                     "support_colleague", "support_notes"):
            self.fields[name].initial = getattr(report, name)


class NotificationFieldsForm(ActionForm):
    at = forms.DateTimeField(label="When")
    contact = forms.CharField(label="Whom (name, desk or officer)", max_length=200)
    reference = forms.CharField(label="Their reference", max_length=100, required=False)


class PoliceReferralForm(NotificationFieldsForm):
    pass


class RecordNotificationForm(NotificationFieldsForm):
    body = forms.ChoiceField(label="Who was notified", widget=forms.RadioSelect, choices=[
        (Body.POLICE.value, "Police"), (Body.SAFEGUARDING_UNIT.value, "Safeguarding unit")])
    notified_by = MemberChoiceField(Membership.objects.none(), label="Who notified them")
    reference = forms.CharField(label="Their reference", max_length=100)
    field_order = ["body", "notified_by", "at", "contact", "reference"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["notified_by"].queryset = school_members(self.case.school)
        self.fields["notified_by"].initial = self.actor.pk
        done = set(self.case.notifications.values_list("body", flat=True))
        remaining = [c for c in self.fields["body"].choices if c[0] not in done]
        if remaining:
            self.fields["body"].choices = remaining
            self.fields["body"].initial = remaining[0][0]


class HandOverForm(ActionForm):
    at = forms.DateTimeField(label="When")
    handed_over_to = forms.CharField(label="Handed over to (officer or unit)", max_length=200)
    handover_reference = forms.CharField(label="Reference", max_length=100, required=False)


class AdviceRequestForm(NotificationFieldsForm):
    source = forms.ChoiceField(label="Advice sought from", choices=AdviceSource.choices,
                               widget=forms.RadioSelect)
    field_order = ["source", "at", "contact", "reference"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.case.route == Route.CONDUCT:
            self.fields["source"].choices = [(AdviceSource.HR.value, AdviceSource.HR.label)]
            self.fields["source"].initial = AdviceSource.HR.value


class AdviceReceivedForm(AdviceRequestForm):
    substance = _text("The advice given (its substance)", max_length=RECORD_CHARS)


class NoteForm(ActionForm):
    body = _text("Note")


class InterviewNoteForm(ActionForm):
    interviewee = forms.CharField(label="Who was interviewed", max_length=200)
    body = _text("Notes of the interview", max_length=RECORD_CHARS)


class OutcomeForm(ActionForm):
    outcome = forms.ChoiceField(choices=Outcome.choices, widget=forms.RadioSelect)
    outcome_detail = _text("Details of the outcome")


class ControlActionForm(ActionForm):
    control = forms.ChoiceField(label="What was changed", choices=[
        ("web filter", "Web filter or blocked sites"), ("passwords", "Passwords reset"),
        ("device settings", "Device settings or accounts"), ("supervision", "Supervision"),
        ("other", "Other")])
    body = _text("What was done")


class EvidenceForm(ActionForm):
    files = EvidenceFilesField(label="Evidence files")
    description = forms.CharField(label="What it shows (time, date and place of the site)",
                                  max_length=EVIDENCE_DESCRIPTION_CHARS, required=False)
    supersedes = forms.ModelChoiceField(EvidenceItem.objects.none(), required=False,
                                        label="Corrects an earlier item (optional)")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["supersedes"].queryset = self.case.evidence.all()

    def uploads(self) -> list[Upload]:
        return [Upload(name, data, self.cleaned_data.get("description", ""))
                for name, data in self.cleaned_data["files"]]


class TaskForm(ActionForm):
    title = forms.CharField(max_length=200)
    owner = MemberChoiceField(Membership.objects.none(), label="Who does it")
    due_on = forms.DateField(label="Due")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        allowed = [m.pk for m in school_members(self.case.school).select_related("school")
                   if access.can(m, self.case, access.VIEW)]
        self.fields["owner"].queryset = school_members(self.case.school).filter(pk__in=allowed)
        self.fields["owner"].initial = self.actor.pk


class CompleteTaskForm(ActionForm):
    task = forms.ModelChoiceField(CaseTask.objects.none())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["task"].queryset = self.case.tasks.filter(done_at__isnull=True)


ACTION_FORMS: dict[str, type[ActionForm]] = {
    "acknowledge": NoteOptionalForm, "agree-action": AgreeActionForm, "close": CloseForm,
    "reopen": ReopenForm, "update-wishes": WishesForm, "refer-to-police": PoliceReferralForm,
    "record-notification": RecordNotificationForm, "hand-over": HandOverForm,
    "request-advice": AdviceRequestForm, "record-advice": AdviceReceivedForm,
    "start-investigation": NoteOptionalForm, "add-note": NoteForm,
    "add-interview-note": InterviewNoteForm, "record-outcome": OutcomeForm,
    "inform-subject": NoteOptionalForm, "record-control-action": ControlActionForm,
    "add-evidence": EvidenceForm, "add-task": TaskForm, "complete-task": CompleteTaskForm,
}
CLOSE_FORMS = {Route.CYBERBULLYING: CloseWithOutcomeForm,
               Route.PUPIL_EXPOSURE: CloseWithChangesForm}


def action_form(case: Case, name: str, actor: Membership, data=None, files=None,
                prefixed: bool = True) -> ActionForm:
    """The form for ``name``; web forms are prefixed so several share one page."""
    form_class = ACTION_FORMS[name]
    if name == "close":
        form_class = CLOSE_FORMS.get(Route(case.route), CloseForm)
    return form_class(data, files, case=case, actor=actor, prefix=name if prefixed else None)
