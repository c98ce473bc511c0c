from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "safepractice.reviews"
    label = "reviews"
    verbose_name = "Review my social media"

    def ready(self) -> None:
        # Lazy, as Django asks: ready() runs once the app registry is loaded.
        from safepractice.web import home, navigation

        from . import web_hooks

        navigation.register(web_hooks.nav_items)
        home.register(web_hooks.next_steps)
