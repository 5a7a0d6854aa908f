from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "careboard.strategy"
    label = "strategy"
