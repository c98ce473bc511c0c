from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "safepractice.cases"
    label = "cases"
    verbose_name = "Cases and escalation routes"

    def ready(self) -> None:
        from . import home  # noqa: F401  (registers home-page steps and navigation)
