"""Forms: one to raise each route, and the form of any action (each action names its own, in
``action_forms.py``). The API validates through the same forms.
"""

from django import forms
from django.utils import timezone

from safepractice.schools.models import Membership

from . import workflow
from .action_forms import ActionForm
from .evidence import Upload
from .fields import (
    DATE_WIDGET,
    DATETIME_WIDGET,
    EvidenceFilesField,
    HttpsURLField,
    MemberChoiceField,
    not_future,
    school_members,
)
from .models import (
    EVIDENCE_DESCRIPTION_CHARS,
    Case,
    ConductConcern,
    CyberbullyingReport,
    IndecentImagesReport,
    PupilExposureReport,
    Route,
    UnsuitableMaterialReport,
)


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
                not_future(value)
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
            empty_label="Nobody else: it happened to me",
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


def action_form(case: Case, name: str, actor: Membership, data=None, files=None,
                prefixed: bool = True) -> ActionForm:
    """The form of action ``name`` as the case's route offers it; web forms are prefixed so
    several share one page. Ask ``services.available_action`` first: a name the route does not
    have is a ``KeyError`` here."""
    form_class = workflow.machine_for(case.route).actions[name].action.form
    return form_class(data, files, case=case, actor=actor, prefix=name if prefixed else None)
