"""Signing in: Argon2 hashes, lockout after repeated failures, CSRF (security.md, Accounts)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from careboard.accounts.models import Role, User

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"
SIGN_IN = "/accounts/sign-in/"


@pytest.fixture
def member() -> User:
    return User.objects.create_user("b.member", password=PASSWORD, role=Role.BOARD_MEMBER)


def sign_in(client: Client, password: str, username: str = "b.member") -> int:
    return client.post(SIGN_IN, {"username": username, "password": password}).status_code


def test_passwords_are_stored_as_argon2_hashes(member: User) -> None:
    assert member.password.startswith("argon2$argon2id$")
    assert PASSWORD not in member.password


def test_the_right_password_signs_in(client: Client, member: User) -> None:
    response = client.post(SIGN_IN, {"username": "b.member", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse(settings.LOGIN_REDIRECT_URL)
    assert client.session["_auth_user_id"] == str(member.pk)


def test_a_wrong_password_shows_the_error_summary(client: Client, member: User) -> None:
    response = client.post(SIGN_IN, {"username": "b.member", "password": "wrong"})

    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_five_failures_lock_the_account_even_against_the_right_password(
    client: Client, member: User
) -> None:
    assert settings.AXES_FAILURE_LIMIT == 5
    assert [sign_in(client, "wrong") for _ in range(4)] == [200, 200, 200, 200]
    locked = client.post(SIGN_IN, {"username": "b.member", "password": "wrong"})

    assert locked.status_code == 429
    assert "This account is locked for now" in locked.content.decode()
    assert sign_in(client, PASSWORD) == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_follows_the_username_to_another_address(member: User) -> None:
    for _ in range(5):
        sign_in(Client(REMOTE_ADDR="203.0.113.7"), "wrong")

    elsewhere = Client(REMOTE_ADDR="198.51.100.20")
    assert sign_in(elsewhere, PASSWORD) == 429


def test_four_failures_then_success_signs_in_and_resets_the_count(
    client: Client, member: User
) -> None:
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD) == 302
    client.logout()

    # The count starts again: four more failures do not lock the account.
    assert [sign_in(client, "wrong") for _ in range(4)] == [200, 200, 200, 200]
    assert sign_in(client, PASSWORD) == 302


def test_posting_without_a_csrf_token_is_refused(member: User) -> None:
    client = Client(enforce_csrf_checks=True)

    response = client.post(SIGN_IN, {"username": "b.member", "password": PASSWORD})

    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_posting_with_the_forms_csrf_token_is_accepted(member: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.get(SIGN_IN)
    token = client.cookies[settings.CSRF_COOKIE_NAME].value

    response = client.post(
        SIGN_IN, {"username": "b.member", "password": PASSWORD, "csrfmiddlewaretoken": token}
    )

    assert response.status_code == 302
