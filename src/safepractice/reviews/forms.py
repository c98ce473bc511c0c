from django import forms
from django.conf import settings

from safepractice.exports.limits import GB, human_size

MAX_FILES = 10


def max_upload() -> int:
    return getattr(settings, "REVIEW_MAX_UPLOAD_BYTES", 4 * GB)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".zip,.json,.txt,.csv"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        files = data if isinstance(data, list | tuple) else [data]
        return [single(item, initial) for item in files if item] or [single(None, initial)]


class UploadForm(forms.Form):
    archives = MultipleFileField(
        label="Your downloaded archives",
        help_text="The zip file each platform sends you (Facebook and Instagram: JSON format, "
                  "all time), or a WhatsApp chat export. You can choose several.",
    )

    def clean_archives(self):
        files = self.cleaned_data["archives"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"Upload at most {MAX_FILES} archives at a time.")
        for upload in files:
            if upload.size > max_upload():
                raise forms.ValidationError(
                    f"'{upload.name}' is {human_size(upload.size)}; the most one archive can be "
                    f"is {human_size(max_upload())}."
                )
        return files
