from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from safepractice.web.formatting import count_text

from .invitations import invite
from .lockout import unlock
from .models import User


class InviteUserForm(forms.ModelForm):
    """Adding someone sets no password: they choose it from the invitation they are emailed."""

    class Meta:
        model = User
        fields = ["email", "full_name"]

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        user.email = user.email.strip().lower()
        user.set_unusable_password()
        if commit:
            user.save()
        return user


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "full_name", "password"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser"]}),
    ]
    add_form = InviteUserForm
    add_fieldsets = [(None, {"fields": ["email", "full_name"]})]
    filter_horizontal = []
    list_filter = ["is_active", "is_staff"]
    actions = ["unlock_sign_in", "send_invitation"]

    def save_model(self, request: HttpRequest, obj: User, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if not change:
            invite(obj, by=request.user)

    @admin.action(description="Send an invitation (a new password and two-factor set-up; "
                              "their old second factors stop working once they use it)")
    def send_invitation(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            invite(user, by=request.user)
        messages.success(
            request, f"Invitation emailed to {count_text(queryset.count(), 'account')}.")

    @admin.action(description="Unlock sign-in (lift paused sign-ins from every address)")
    def unlock_sign_in(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            unlock(email=user.email, by=request.user)
        messages.success(
            request, f"Sign-in unlocked for {count_text(queryset.count(), 'account')}.")
