from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "safepractice.registers"
    label = "registers"
    verbose_name = "Declarations, exceptions and registers"

    def ready(self) -> None:
        from . import home  # noqa: F401  (registers the home page and navigation providers)
