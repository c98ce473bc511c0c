from django import forms

from .roster import MAX_ROSTER_BYTES


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
