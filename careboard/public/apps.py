from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "careboard.public"
    label = "public"
    verbose_name = "The Right Side of Care (public site)"
