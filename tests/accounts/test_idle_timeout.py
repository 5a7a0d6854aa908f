"""Sessions end after a period without activity (security.md: session idle timeout)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.test import Client

from careboard.accounts.middleware import LAST_SEEN_KEY
from careboard.accounts.models import Role, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def auditor_client(client: Client, settings: Any) -> Client:
    settings.SESSION_IDLE_TIMEOUT_SECONDS = 60
    client.force_login(User.objects.create_user("r.auditor", role=Role.AUDITOR))
    client.get("/healthz")  # any request marks the session as active now
    return client


def last_seen(client: Client, seconds_ago: float) -> None:
    session = client.session
    session[LAST_SEEN_KEY] = time.time() - seconds_ago
    session.save()


def test_a_session_active_within_the_timeout_stays_signed_in(auditor_client: Client) -> None:
    last_seen(auditor_client, seconds_ago=50)

    auditor_client.get("/healthz")

    assert "_auth_user_id" in auditor_client.session


def test_a_session_idle_for_longer_than_the_timeout_is_signed_out(auditor_client: Client) -> None:
    last_seen(auditor_client, seconds_ago=61)

    response = auditor_client.get("/audit/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")
    assert "_auth_user_id" not in auditor_client.session
    sign_in_page = auditor_client.get(response["Location"])
    assert "You were signed out because you were inactive." in sign_in_page.content.decode()


def test_the_idle_clock_is_written_at_most_once_a_minute(client: Client, settings: Any) -> None:
    settings.SESSION_IDLE_TIMEOUT_SECONDS = 30 * 60
    client.force_login(User.objects.create_user("b.member", role=Role.BOARD_MEMBER))
    last_seen(client, seconds_ago=10)
    recent = client.session[LAST_SEEN_KEY]
    client.get("/healthz")
    assert client.session[LAST_SEEN_KEY] == recent  # no session write for this request

    last_seen(client, seconds_ago=90)
    client.get("/healthz")
    assert client.session[LAST_SEEN_KEY] > time.time() - 5
