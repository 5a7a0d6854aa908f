from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "careboard.indicators"
    label = "indicators"
