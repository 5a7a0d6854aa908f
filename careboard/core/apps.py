from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "careboard.core"
    label = "core"
