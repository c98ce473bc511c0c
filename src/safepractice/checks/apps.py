from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "safepractice.checks"
    label = "checks"
    verbose_name = "Check before you post"

    def ready(self) -> None:
        # Inside ready(): the URLconf and the other apps' modules load only once the registry is
        # ready.
        from django.urls import reverse

        from safepractice.web import home, navigation

        from . import context

        context.connect_signals()

        @navigation.register
        def checks_nav(membership):
            slug = membership.school.slug
            return [
                navigation.NavItem("Check a post", reverse("checks:check", args=[slug]), 10),
                navigation.NavItem("Check a photo", reverse("checks:photos", args=[slug]), 11),
                navigation.NavItem("My checks", reverse("checks:saved", args=[slug]), 12),
            ]

        @home.register
        def check_before_posting(membership):
            return [home.NextStep(
                "Check before you post",
                reverse("checks:check", args=[membership.school.slug]),
                urgency=0,
                detail="Paste a post, bio, comment or message, or upload a photo, to see what "
                       "the policy says before it goes online. Nothing is kept unless you save it.",
            )]
