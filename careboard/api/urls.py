"""Token management for administrators (the feed itself is mounted at /api/v1/)."""

from django.urls import path

from careboard.api import views

app_name = "api"
urlpatterns = [
    path("", views.tokens, name="tokens"),
    path("<int:pk>/revoke/", views.revoke, name="revoke"),
]
