"""URLs of the core app (mounted at /audit/; the health check is routed in config.urls)."""

from django.urls import path

from careboard.core import views

app_name = "core"
urlpatterns = [
    path("", views.audit_trail, name="audit"),
]
