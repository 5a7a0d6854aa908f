"""URLs: the staff site, by app."""

from django.urls import include, path

urlpatterns = [
    path("accounts/", include("careboard.accounts.urls")),
    path("audit/", include("careboard.core.urls")),
    path("indicators/", include("careboard.indicators.urls")),
    path("", include("careboard.strategy.urls")),
]
