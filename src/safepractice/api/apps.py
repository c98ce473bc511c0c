from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "safepractice.api"
    label = "api"
    verbose_name = "HTTP API"

    def ready(self) -> None:
        # Inside ready(): models, signals and the URLconf load only once the app registry is ready.
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save
        from django.urls import reverse
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from safepractice.schools.models import Membership, School, TrustAdministrator

        from .models import ApiToken
        from .tokens import forget_accepted_tokens

        # Anything an accepted token carries (owner, membership, school) or depends on (the
        # owner's authenticator app, trust roles: see rules.may_use) changing drops the
        # per-process copies, so this process never acts on the old version.
        for model in (ApiToken, Membership, School, get_user_model(), TOTPDevice,
                      TrustAdministrator):
            for signal in (post_save, post_delete):
                signal.connect(forget_accepted_tokens, sender=model,
                               dispatch_uid=f"api.tokens.{model.__name__}.{id(signal)}")

        # Inside ready(): see above.
        from safepractice.web import navigation

        @navigation.register
        def tokens_nav(membership):
            return [navigation.NavItem(
                "API tokens", reverse("api_tokens:tokens", args=[membership.school.slug]), 90
            )]
