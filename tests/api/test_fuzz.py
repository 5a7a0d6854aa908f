"""Schemathesis generates requests from the OpenAPI document: no request may cause a 5xx."""

import datetime as dt

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

from careboard.accounts.models import Role, User
from careboard.api.models import ApiToken
from careboard.strategy.models import Action, Plan, Priority

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def key(django_db_blocker):
    with django_db_blocker.unblock():
        plan, _ = Plan.objects.get_or_create(
            slug="2014-16",
            defaults={
                "title": "Plan",
                "short_title": "2014-16",
                "starts_on": dt.date(2014, 4, 1),
                "ends_on": dt.date(2016, 3, 31),
            },
        )
        priority, _ = Priority.objects.get_or_create(
            plan=plan, number=1, defaults={"title": "One", "slug": "one"}
        )
        Action.objects.get_or_create(
            plan=plan, reference="R1", defaults={"priority": priority, "title": "=cmd|x"}
        )
        admin, _ = User.objects.get_or_create(username="fuzz-admin", role=Role.ADMINISTRATOR)
        return ApiToken.issue("fuzz", admin)[1]


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_generated_request_causes_a_server_error(case, key):
    response = case.call(headers={"Authorization": f"Bearer {key}"})
    assert response.status_code < 500, response.text[:500]
    case.validate_response(response, checks=[schemathesis.checks.not_a_server_error])
