from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "careboard.governance"
    verbose_name = "Board governance: meetings and reports"
    default_auto_field = "django.db.models.BigAutoField"
