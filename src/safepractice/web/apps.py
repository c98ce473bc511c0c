from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "safepractice.web"
    label = "web"
    verbose_name = "Web pages"

    def ready(self) -> None:
        from safepractice import forking

        forking.install()
