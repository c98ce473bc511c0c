"""One form per case action: what the person taking it must say. The API validates through
the same forms. Each action (``actions.py``) names its form.
"""

from django import forms
from django.utils import timezone

from safepractice.schools.models import Membership

from . import access
from .evidence import Upload
from .fields import (
    DATE_WIDGET,
    DATETIME_WIDGET,
    EvidenceFilesField,
    MemberChoiceField,
    not_future,
    school_members,
)
from .models import (
    DESCRIPTION_CHARS,
    EVIDENCE_DESCRIPTION_CHARS,
    RECORD_CHARS,
    AdviceSource,
    Body,
    Case,
    CaseTask,
    EvidenceItem,
    Outcome,
    PoliceWish,
    Route,
)


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
                field.validators.append(not_future)
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
                                        empty_label="No: this is a new item",
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
    task = forms.ModelChoiceField(CaseTask.objects.none(), empty_label="Choose a task")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["task"].queryset = self.case.tasks.filter(done_at__isnull=True)
