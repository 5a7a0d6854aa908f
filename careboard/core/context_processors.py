"""Values every template can use: the council's name and the staff navigation."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from careboard.accounts.permissions import has_permission

# (label, URL name, permission): the staff site's main sections.
NAVIGATION = [
    ("Strategy", "strategy:home", "strategy.view"),
    ("Dashboard", "dashboard:overview", "indicators.view"),
    ("Actions", "strategy:tracker", "strategy.view"),
    ("Recommendations", "strategy:register", "strategy.view"),
    ("Indicators", "indicators:catalogue", "indicators.view"),
    ("Voice", "voice:queue", "voice.triage"),
    ("Meetings", "governance:forward_plan", "governance.view"),
    ("Imports", "ingest:history", "ingest.view"),
    ("Audit trail", "core:audit", "audit.view"),
    ("Data feed", "api:tokens", "api.manage_tokens"),
]


def service(request: HttpRequest) -> dict[str, object]:
    items = []
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        for label, name, permission in NAVIGATION:
            if has_permission(user, permission):
                url = reverse(name)
                current = request.path == url if url == "/" else request.path.startswith(url)
                items.append({"label": label, "url": url, "current": current})
    return {"council_name": settings.CAREBOARD_COUNCIL_NAME, "nav_items": items}
