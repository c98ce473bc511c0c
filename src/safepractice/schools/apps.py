from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "safepractice.schools"
    label = "schools"
    verbose_name = "Schools and people"

    def ready(self) -> None:
        # Inside ready(): the URLconf and models load only once the registry is ready.
        from django.urls import reverse

        from safepractice.web import navigation

        from .models import Role

        @navigation.register
        def people_nav(membership):
            if membership.has_role(Role.HEAD_TEACHER, Role.SLT):
                return [navigation.NavItem(
                    "People", reverse("schools:people", args=[membership.school.slug]), 80)]
            return []
