from django.contrib import admin

from .models import ScheduledRun


@admin.register(ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin):
    """Read only: the runs are the scheduler's record of what it queued and how it went."""

    list_display = ["job", "slot", "enqueued_at", "started_at", "finished_at", "failed"]
    list_filter = ["job"]
    readonly_fields = ["job", "slot", "enqueued_at", "started_at", "finished_at", "error"]

    @admin.display(boolean=True)
    def failed(self, run: ScheduledRun) -> bool:
        return run.failed

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
