"""A test-only URLconf with one view that creates a plan, to see who the audit trail names."""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.urls import path

from careboard.strategy.models import Plan


def make_plan(request: HttpRequest) -> HttpResponse:
    Plan.objects.create(
        title="Plan made in a request",
        short_title="Request plan",
        slug="request-plan",
        starts_on=datetime.date(2016, 4, 1),
        ends_on=datetime.date(2018, 3, 31),
    )
    return HttpResponse(status=201)


urlpatterns = [path("make-plan/", make_plan)]
