from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "safepractice.oversight"
    label = "oversight"
    verbose_name = "Oversight"

    def ready(self) -> None:
        from . import home  # noqa: F401  (registers home and navigation providers)
