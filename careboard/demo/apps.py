from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "careboard.demo"
    label = "demo"
    verbose_name = "Demo data"
