from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "careboard.api"
    label = "api"
    verbose_name = "Data feed"
