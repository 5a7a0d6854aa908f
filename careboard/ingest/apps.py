from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "careboard.ingest"
    verbose_name = "903 imports"
    default_auto_field = "django.db.models.BigAutoField"
