from django import forms

from .imei import InvalidIMEI, normalise_imei
from .models import ContactDetailsException, JudgementResponse, SocialContactKind
from .rules import GUIDED_REVIEW_STEPS

# The longest free text, in characters: a declaration's or an exception's explanation (about
# a page), and the parts of a professional-judgement notice and the head's response (two).
DECLARATION_CHARS = 2_000
NOTICE_CHARS = 5_000

DATE = forms.DateInput(attrs={"type": "date"})
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class OrderedDatesMixin:
    """Dates in the wrong order are named on the end field, in words."""

    start_field = "starts_on"
    end_field = "ends_on"

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get(self.start_field), cleaned.get(self.end_field)
        if start and end and end <= start:
            self.add_error(self.end_field, "The end must be after the start: the dates are in "
                                           "the wrong order.")
        return cleaned


class SocialContactForm(forms.Form):
    kind = forms.ChoiceField(label="Kind of contact", choices=SocialContactKind.choices)
    contact_with = forms.CharField(label="Pupil or family", max_length=200)
    details = forms.CharField(label="How the contact arises", max_length=DECLARATION_CHARS,
                              widget=forms.Textarea(attrs={"rows": 4}))


class ContactDetailsForm(OrderedDatesMixin, forms.Form):
    given_to = forms.CharField(label="Given to (pupil or parent/carer)", max_length=200)
    details_given = forms.CharField(label="Which personal contact details",
                                    max_length=200, help_text="e.g. personal mobile number")
    reason = forms.CharField(max_length=DECLARATION_CHARS,
                             widget=forms.Textarea(attrs={"rows": 3}))
    starts_on = forms.DateField(label="From", widget=DATE)
    ends_on = forms.DateField(label="Until", widget=DATE)


class ParentAgreementForm(forms.Form):
    parent_name = forms.CharField(label="Parent or carer who agreed", max_length=200)
    agreed_on = forms.DateField(label="Date they agreed", widget=DATE)
    how = forms.ChoiceField(label="How they agreed",
                            choices=ContactDetailsException.HowAgreed.choices)


class PhoneExceptionForm(OrderedDatesMixin, forms.Form):
    start_field, end_field = "starts_at", "ends_at"
    circumstances = forms.CharField(label="The exceptional circumstances",
                                    max_length=DECLARATION_CHARS,
                                    widget=forms.Textarea(attrs={"rows": 3}))
    starts_at = forms.DateTimeField(label="From", widget=DATETIME)
    ends_at = forms.DateTimeField(label="Until", widget=DATETIME)


class DeviceForm(forms.Form):
    make = forms.CharField(max_length=80)
    model = forms.CharField(max_length=80)
    imei = forms.CharField(label="IMEI", max_length=40,
                           help_text="Dial *#06# on the phone to show it. 15 digits; spaces "
                                     "and dashes are fine.")

    def clean_imei(self) -> str:
        try:
            return normalise_imei(self.cleaned_data["imei"])
        except InvalidIMEI as error:
            raise forms.ValidationError(str(error)) from error


class DeviceLookupForm(forms.Form):
    query = forms.CharField(label="IMEI or member of staff's name", max_length=100)
    reason = forms.CharField(label="Why (e.g. phone reported stolen)", max_length=200)


class JudgementNoticeForm(forms.Form):
    action = forms.CharField(label="What you did, or propose to do", max_length=NOTICE_CHARS,
                             widget=forms.Textarea(attrs={"rows": 3}))
    already_taken = forms.TypedChoiceField(
        label="Is this already done?", coerce=lambda v: v == "yes",
        choices=[("no", "No, I propose to do it"), ("yes", "Yes, already done")])
    justification = forms.CharField(label="Why (your justification)", max_length=NOTICE_CHARS,
                                     widget=forms.Textarea(attrs={"rows": 4}))


class JudgementResponseForm(forms.Form):
    response = forms.ChoiceField(choices=JudgementResponse.choices)
    note = forms.CharField(label="Response to the member of staff", required=False,
                           max_length=NOTICE_CHARS, widget=forms.Textarea(attrs={"rows": 3}))
    hr_advice_sought = forms.TypedChoiceField(
        label="Was advice sought from the HR advice service?", coerce=lambda v: v == "yes",
        choices=[("no", "No"), ("yes", "Yes")])
    hr_advice = forms.CharField(label="The advice given", required=False,
                                max_length=NOTICE_CHARS, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hr_advice_sought") and not cleaned.get("hr_advice", "").strip():
            self.add_error("hr_advice", "Record the advice given (or that it is awaited).")
        return cleaned


class GuidedReviewForm(forms.Form):
    steps = forms.MultipleChoiceField(
        label="I have checked", choices=GUIDED_REVIEW_STEPS,
        widget=forms.CheckboxSelectMultiple, required=False)
