"""The admin shows case metadata only (reference, route, state), never content: a system
administrator is not on any route's need-to-know list. Evidence cannot be deleted or changed
here, and a file added here goes through the same route rules as everywhere else (route 2
refuses it)."""

from django import forms
from django.contrib import admin, messages

from . import services
from .models import Case, DisposedCase, EvidenceItem


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["reference", "school", "route", "state", "raised_at", "closed_at"]
    list_filter = ["route", "state", "school"]
    fields = ["school", "route", "state", "version", "raised_at", "closed_at", "review_on"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class EvidenceAdminForm(forms.ModelForm):
    file = forms.FileField()

    class Meta:
        model = EvidenceItem
        fields = ["case", "description", "added_by"]

    def clean(self):
        cleaned = super().clean()
        case, actor = cleaned.get("case"), cleaned.get("added_by")
        if case is not None and actor is not None:
            try:
                services.available_action(case, "add-evidence", actor)
            except services.CaseError as refused:
                raise forms.ValidationError(str(refused)) from refused
        return cleaned


@admin.register(EvidenceItem)
class EvidenceItemAdmin(admin.ModelAdmin):
    form = EvidenceAdminForm
    list_display = ["original_name", "case", "content_type", "size", "sha256", "added_at"]
    readonly_fields = ["original_name", "content_type", "size", "sha256", "added_at"]

    def has_change_permission(self, request, obj=None) -> bool:
        return obj is None

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change) -> None:
        upload = form.cleaned_data["file"]
        try:
            services.add_evidence(
                form.cleaned_data["case"], form.cleaned_data["added_by"],
                [services.Upload(upload.name, upload.read(), form.cleaned_data["description"])],
            )
        except (services.CaseError, services.vault.EvidenceRejected) as refused:
            messages.error(request, f"Refused: {refused}")

    def log_addition(self, request, obj, message):
        return None  # the item is recorded in the case's chronology and the audit log

    def response_add(self, request, obj, post_url_continue=None):
        from django.http import HttpResponseRedirect
        from django.urls import reverse

        return HttpResponseRedirect(reverse("admin:cases_evidenceitem_changelist"))


@admin.register(DisposedCase)
class DisposedCaseAdmin(admin.ModelAdmin):
    list_display = ["reference", "school", "route", "disposed_at", "disposed_by", "reason"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
