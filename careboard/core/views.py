"""Core pages: the audit trail, the health check and the server error page."""

from __future__ import annotations

import sys

from django.core.paginator import Paginator
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from careboard.accounts.permissions import requires
from careboard.core.audit import verify_chain
from careboard.core.audit_trail import (
    AuditFilterForm,
    field_changes,
    filtered_events,
    record_type,
)

EVENTS_PER_PAGE = 25

# Errors that mean "the database cannot be reached", as opposed to a bug in a query.
DATABASE_DOWN = (OperationalError, InterfaceError)


@requires("audit.view")
@require_safe
def audit_trail(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    page = Paginator(filtered_events(form), EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "chain_breaks": verify_chain(),
        "page": page,
        "events": [
            (event, record_type(event.model), field_changes(event)) for event in page.object_list
        ],
        "filter_query": query.urlencode(),
    }
    return HttpResponse(loader.render_to_string("core/audit_trail.html", context, request))


def database_unavailable(request: HttpRequest | None = None) -> HttpResponse:
    """The 503 page. It renders without the database: no user, no session, no navigation."""
    body = loader.render_to_string("503.html")
    return HttpResponse(body, status=503, headers={"Retry-After": "60"})


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 with a clear page when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except (DatabaseError, *DATABASE_DOWN):
        return database_unavailable(request)
    return HttpResponse("OK: the database is answering.\n", content_type="text/plain")


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a lost database connection gets the 503 page, anything else the 500 page."""
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return database_unavailable(request)
    return HttpResponse(loader.render_to_string("500.html"), status=500)
