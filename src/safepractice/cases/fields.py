"""Form fields and widgets shared by the forms that raise a case and the action forms."""

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from safepractice.schools.models import Membership
from safepractice.schools.rules import active_member_q

from . import vault

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


def not_future(value):
    if value and value > timezone.now() + timezone.timedelta(minutes=5):
        raise forms.ValidationError("This is in the future: give the date and time it happened.")
    return value


def school_members(school) -> QuerySet[Membership]:
    return Membership.objects.filter(active_member_q(), school=school).select_related("user")


class MemberChoiceField(forms.ModelChoiceField):
    """A member of staff by name and job; the empty choice says what to do, not "---------"."""

    def __init__(self, *args, empty_label: str = "Choose a member of staff", **kwargs) -> None:
        super().__init__(*args, empty_label=empty_label, **kwargs)

    def label_from_instance(self, obj: Membership) -> str:
        return f"{obj.user.full_name} ({obj.job_title or obj.get_staff_category_display()})"


