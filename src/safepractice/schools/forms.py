from django import forms

from .models import Membership, Role, School
from .roster import MAX_ROSTER_BYTES
from .rules import GOVERNED_ROLES
from .selectors import staff_of


class RosterUploadForm(forms.Form):
    kind = forms.ChoiceField(
        label="What the file lists",
        choices=[("pupils", "Pupils (current and past)"), ("staff", "Staff")],
    )
    file = forms.FileField(
        label="CSV file exported from your MIS",
        help_text="UTF-8 or Windows-1252, with a header row. Up to 20 MB.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_ROSTER_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size / 1_048_576:.1f} MB; the limit is 20 MB."
            )
        if upload.size == 0:
            raise forms.ValidationError("The file is empty.")
        return upload


class DutyRoleForm(forms.Form):
    """Grant or revoke one duty role that only the audited step changes (see rules.py)."""

    member = forms.ModelChoiceField(queryset=Membership.objects.none(), label="Member of staff",
                                    empty_label="Choose a member of staff")
    role = forms.ChoiceField(
        label="Duty role",
        choices=[(r.value, r.label) for r in Role if r in GOVERNED_ROLES - {Role.HEAD_TEACHER}],
    )
    change = forms.ChoiceField(choices=[("grant", "Grant"), ("revoke", "Revoke")])

    def __init__(self, *args, school: School, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["member"]
        field.queryset = staff_of(school)
        field.label_from_instance = lambda m: f"{m.user.full_name} ({m.user.email})"
