from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "safepractice.api"
    label = "api"
    verbose_name = "HTTP API"

    def ready(self) -> None:
        from django.urls import reverse

        from safepractice.web import navigation

        @navigation.register
        def tokens_nav(membership):
            return [navigation.NavItem(
                "API tokens", reverse("api_tokens:tokens", args=[membership.school.slug]), 90
            )]
