from django import forms

from safepractice.engine import ContentKind, Recipient
from safepractice.engine.content import TEXT_KINDS

from .models import MAX_TEXT_CHARS

KIND_LABELS = {
    ContentKind.POST: "A post",
    ContentKind.COMMENT: "A comment",
    ContentKind.PROFILE: "A bio or profile field",
    ContentKind.MESSAGE: "A message",
}
# Every kind of text the engine reads, and only those (a new one without a label fails here).
KIND_CHOICES = [(kind.value, KIND_LABELS[kind]) for kind in ContentKind if kind in TEXT_KINDS]
RECIPIENT_CHOICES = [
    ("", "Not a message"),
    (Recipient.PUPIL.value, "A pupil"),
    (Recipient.PARENT.value, "A parent or carer"),
    (Recipient.COLLEAGUE.value, "A colleague"),
    (Recipient.PUBLIC.value, "The public"),
]
MAX_PHOTOS = 10


class CheckForm(forms.Form):
    kind = forms.ChoiceField(
        label="What is it?", choices=KIND_CHOICES, initial="post", required=False,
        error_messages={"invalid_choice": "“%(value)s” is not a kind we check: choose one of "
                        + ", ".join(value for value, _ in KIND_CHOICES) + "."},
    )
    recipient = forms.ChoiceField(
        label="Who is the message to?", choices=RECIPIENT_CHOICES, required=False,
        help_text="Only for messages.",
        error_messages={"invalid_choice": "“%(value)s” is not a recipient we know: choose one "
                        "of " + ", ".join(v for v, _ in RECIPIENT_CHOICES if v) + "."},
    )
    text = forms.CharField(
        label="Your text",
        max_length=MAX_TEXT_CHARS,
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "true",
                                     "aria-describedby": "text-help"}),
        error_messages={"max_length": f"The limit is {MAX_TEXT_CHARS:,} characters "
                                      "(this text has %(show_value)d)."},
    )

    def clean_kind(self) -> str:
        return self.cleaned_data.get("kind") or "post"
