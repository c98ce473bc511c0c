from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "safepractice.web"
    label = "web"
    verbose_name = "Web pages"

    def ready(self) -> None:
        # Inside ready(): the fork guard is installed once, when the web app is ready.
        from safepractice import forking

        forking.install()
