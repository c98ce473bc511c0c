from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from .models import AuditEntry
from .selectors import current_name, entries_with_action


class ActionFilter(admin.SimpleListFilter):
    """Filters by an action's current name; entries written under an older name are found too
    (``audit.actions.FORMER_NAMES``)."""

    title = "action"
    parameter_name = "action"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin):
        stored = AuditEntry.objects.values_list("action", flat=True).distinct()
        return [(name, name) for name in sorted({current_name(action) for action in stored})]

    def queryset(self, request: HttpRequest, queryset: QuerySet[AuditEntry]):
        if self.value() is None:
            return queryset
        return queryset.filter(pk__in=entries_with_action(self.value()).values("pk"))


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["sequence", "at", "actor_label", "action", "object_type", "object_id"]
    list_filter = [ActionFilter]
    search_fields = ["actor_label", "object_type", "object_id"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
