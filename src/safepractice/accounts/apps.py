from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "safepractice.accounts"
    label = "accounts"
    verbose_name = "Accounts"
