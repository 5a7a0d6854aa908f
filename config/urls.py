"""URLs: the staff site, by app."""

from django.urls import include, path

from careboard.api.feed import api
from careboard.core.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("careboard.accounts.urls")),
    path("audit/", include("careboard.core.urls")),
    path("indicators/", include("careboard.indicators.urls")),
    path("dashboard/", include("careboard.dashboard.urls")),
    path("voice/", include("careboard.voice.urls")),
    path("public/", include("careboard.public.urls")),
    path("api/v1/", api.urls),
    path("api-tokens/", include("careboard.api.urls")),
    path("meetings/", include("careboard.governance.urls")),
    path("imports/", include("careboard.ingest.urls")),
    path("", include("careboard.strategy.urls")),
]

handler500 = "careboard.core.views.server_error"
