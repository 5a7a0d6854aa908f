"""A test-only URLconf whose views fail, to see which error page careboard's handler500 picks."""

from __future__ import annotations

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import path


def lose_the_database(request: HttpRequest) -> HttpResponse:
    raise OperationalError("could not connect to server: Connection refused")


def divide_by_zero(request: HttpRequest) -> HttpResponse:
    return HttpResponse(str(1 / 0))


urlpatterns = [
    path("database-gone/", lose_the_database),
    path("bug/", divide_by_zero),
]
handler500 = "careboard.core.views.server_error"
