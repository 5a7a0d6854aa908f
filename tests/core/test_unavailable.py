"""/healthz and the pages shown when the database is down (security.md, Reliability).

"Database down: clear 503 page, recovery without restart."
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import OperationalError, connections
from django.test import Client

from careboard.accounts.models import Role, User

pytestmark = pytest.mark.django_db


def _refuse(*args: Any, **kwargs: Any) -> None:
    raise OperationalError("could not connect to server: Connection refused")


def take_the_database_down(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on every query fails as it does when PostgreSQL has gone away."""
    monkeypatch.setattr(connections["default"], "cursor", _refuse)


@pytest.fixture
def database_down(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    take_the_database_down(monkeypatch)
    yield
    monkeypatch.undo()


def test_healthz_is_200_when_the_database_answers(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")


def test_healthz_is_503_with_a_clear_page_when_the_database_is_down(
    client: Client, database_down: None
) -> None:
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Sorry, the service is unavailable" in response.content.decode()


def test_healthz_recovers_without_a_restart(
    client: Client, monkeypatch: pytest.MonkeyPatch, database_down: None
) -> None:
    assert client.get("/healthz").status_code == 503
    monkeypatch.undo()  # the database comes back
    assert client.get("/healthz").status_code == 200


def test_a_signed_in_page_shows_the_503_page_when_the_database_goes_down(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    user = User.objects.create_user("auditor", password="not-used-here-1", role=Role.AUDITOR)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    # The session and the user are loaded from the database: that is where it fails.
    take_the_database_down(monkeypatch)

    response = client.get("/audit/")

    assert response.status_code == 503
    assert "cannot reach its database" in response.content.decode()


@pytest.fixture
def failing_urls(settings: Any) -> Client:
    settings.ROOT_URLCONF = "tests.core.urls_that_fail"
    return Client(raise_request_exception=False)


def test_a_lost_connection_inside_a_view_gets_the_503_page(failing_urls: Client) -> None:
    response = failing_urls.get("/database-gone/")
    assert response.status_code == 503
    assert "Sorry, the service is unavailable" in response.content.decode()


def test_any_other_error_gets_the_500_page(failing_urls: Client) -> None:
    response = failing_urls.get("/bug/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_healthz_answers_over_plain_http_when_https_is_enforced(settings: Any) -> None:
    settings.SECURE_SSL_REDIRECT = True
    client = Client()

    assert client.get("/healthz").status_code == 200
    assert client.get("/accounts/sign-in/").status_code == 301
