from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "safepractice.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # Connect their receivers: "tell the person" on a lockout, the session clocks at sign-in.
        from . import lockout, sessions  # noqa: F401
