from django import forms


class PolicyUploadForm(forms.Form):
    file = forms.FileField(
        label="Policy file",
        help_text="Plain text (.txt), Markdown (.md) or Word (.docx). "
        "If the text is unchanged, no new version is made.",
    )


class ReviewDateForm(forms.Form):
    review_on = forms.DateField(
        label="Next review date", widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Set by the governing board.",
    )


class AcknowledgeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
