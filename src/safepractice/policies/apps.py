from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "safepractice.policies"
    label = "policies"
    verbose_name = "Policies and acknowledgements"

    def ready(self) -> None:
        from . import home  # noqa: F401  (registers the home page and navigation providers)
