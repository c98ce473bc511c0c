from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "safepractice.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from . import lockout  # noqa: F401  (connects the "tell the person" receiver)
