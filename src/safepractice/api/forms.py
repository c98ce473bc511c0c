from django import forms

from .models import DEFAULT_LIFETIME_DAYS, MAX_LIFETIME_DAYS

LIFETIME_CHOICES = [
    (7, "7 days"),
    (30, "30 days"),
    (DEFAULT_LIFETIME_DAYS, "90 days"),
    (180, "180 days"),
    (MAX_LIFETIME_DAYS, "1 year"),
]


class NewTokenForm(forms.Form):
    name = forms.CharField(label="Name (what will use it)", max_length=100)
    days = forms.TypedChoiceField(
        label="Expires after",
        choices=LIFETIME_CHOICES,
        coerce=int,
        initial=DEFAULT_LIFETIME_DAYS,
        required=False,
        empty_value=DEFAULT_LIFETIME_DAYS,
    )
    cases = forms.BooleanField(
        label="Case access: let it read and act on the cases you may open", required=False
    )
    code = forms.CharField(
        label="For case access: the current code from your authenticator app",
        required=False,
        max_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]{6}"}
        ),
    )
