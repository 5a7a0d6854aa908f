"""Values every template can use."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def service(request: HttpRequest) -> dict[str, object]:
    return {"council_name": settings.CAREBOARD_COUNCIL_NAME, "service_name": "careboard"}
