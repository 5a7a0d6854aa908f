from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "careboard.dashboard"
    label = "dashboard"
    verbose_name = "Board dashboard"
