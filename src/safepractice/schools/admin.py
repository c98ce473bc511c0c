from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest

from . import rules, services
from .models import Membership, Pupil, Role, School, Trust, TrustAdministrator


@admin.register(Trust)
class TrustAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "trust", "local_authority"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
    # Who is the ICT coordinator opens cases (cases.access): not a field to change in passing.
    readonly_fields = ["ict_coordinator"]


class MembershipAdminForm(forms.ModelForm):
    """Duty roles as ticks; each one changed is granted or revoked through the audited step."""

    duty_roles = forms.MultipleChoiceField(
        choices=Role.choices, required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Each role ticked or unticked is granted or revoked as its own audited step "
                  "(an audit entry, an email to the person), under the same rules as "
                  "People › Duty roles and `safepractice roles`.",
    )
    acting_user = None  # set per request by MembershipAdmin.get_form

    class Meta:
        model = Membership
        fields = ["user", "school", "staff_category", "job_title", "line_manager",
                  "external_id", "started_on", "left_on"]  # not ``roles``: see duty_roles

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["duty_roles"].initial = sorted(self.instance.role_set)

    def role_changes(self) -> tuple[set[str], set[str]]:
        """(granted, revoked): the roles ticked and unticked."""
        wanted, held = set(self.cleaned_data.get("duty_roles", ())), set(self.instance.role_set)
        return wanted - held, held - wanted

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned  # a new membership: the roles are granted once it is saved
        granted, revoked = self.role_changes()
        for role in sorted(granted | revoked):
            reason = rules.why_not_change_role(self.acting_user, self.instance, role)
            if reason is None and role in revoked:
                reason = rules.why_not_revoke(self.instance, role)
            if reason:
                self.add_error("duty_roles", reason)
        return cleaned


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """A membership's duty roles change only through services.grant_duty_role/revoke_duty_role
    (audited, the person told), a new one's once it is saved. Its person and school are fixed
    once it exists: moving it would carry its roles to another school unaudited."""

    form = MembershipAdminForm
    list_display = ["user", "school", "staff_category", "roles", "left_on"]
    list_filter = ["school", "staff_category"]
    search_fields = ["user__email", "user__full_name"]
    raw_id_fields = ["user", "line_manager"]

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        return ["user", "school"] if obj is not None else []

    def get_form(self, request: HttpRequest, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.acting_user = request.user
        return form

    def save_model(self, request: HttpRequest, obj: Membership, form, change: bool) -> None:
        granted, revoked = form.role_changes()
        super().save_model(request, obj, form, change)
        for role, change_role in [*((r, services.grant_duty_role) for r in sorted(granted)),
                                  *((r, services.revoke_duty_role) for r in sorted(revoked))]:
            try:
                change_role(obj, role, by=request.user)
            except services.RoleChangeRefused as refused:
                messages.error(request, f"{Role(role).label}: {refused}")
        obj.refresh_from_db(fields=["roles"])


@admin.register(Pupil)
class PupilAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "year_group", "status", "school"]
    list_filter = ["school", "status"]
    search_fields = ["last_name", "first_name", "external_id"]


admin.site.register(TrustAdministrator)
admin.site.site_header = "safepractice administration"
