"""The admin shows case metadata only (reference, route, state), never content: a system
administrator is not on any route's need-to-know list. Evidence is read-only here: it is added
only through the case's own step, by the person adding it, and never changed or deleted."""

from django.contrib import admin

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


@admin.register(EvidenceItem)
class EvidenceItemAdmin(admin.ModelAdmin):
    """Read-only: evidence is added through the case's own step (services.add_evidence), in the
    name of the person adding it, never here in anyone's name; nothing here changes or deletes
    it."""

    list_display = ["original_name", "case", "content_type", "size", "sha256", "added_at"]
    fields = ["case", "original_name", "content_type", "size", "sha256", "description",
              "added_by", "added_at", "supersedes"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(DisposedCase)
class DisposedCaseAdmin(admin.ModelAdmin):
    list_display = ["reference", "school", "route", "disposed_at", "disposed_by", "reason"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
