from django import forms


class PolicyUploadForm(forms.Form):
    file = forms.FileField(
        label="Policy file",
        help_text="Plain text (.txt), Markdown (.md) or Word (.docx). "
        "If the text is unchanged, no new version is made.",
    )


class ReviewDateForm(forms.Form):
    # A date input takes and gives ISO dates whatever the locale: rendered as 01/09/2018 (the
    # en-GB format) the browser shows it blank, and the date is lost on the next save.
    review_on = forms.DateField(
        label="Next review date",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        help_text="Set by the governing board.",
        error_messages={"required": "Enter the next review date (the governing board sets it)."},
    )


class AcknowledgeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
