from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "careboard.accounts"
    label = "accounts"
