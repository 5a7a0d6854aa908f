"""`manage.py create_user` adds a person with one role and a validated Argon2 password."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from careboard.accounts.management.commands.create_user import PASSWORD_VARIABLE
from careboard.accounts.models import Role, User

pytestmark = pytest.mark.django_db


def test_creates_an_administrator_with_an_argon2_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_VARIABLE, "a long passphrase nobody guesses")
    out = StringIO()

    call_command("create_user", "j.admin", "--role", "administrator", stdout=out)

    user = User.objects.get(username="j.admin")
    assert user.role == Role.ADMINISTRATOR
    assert user.password.startswith("argon2$")
    assert user.check_password("a long passphrase nobody guesses")
    assert "Created j.admin as administrator." in out.getvalue()


def test_refuses_a_password_the_validators_reject(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_VARIABLE, "password123")  # common, and under 12 characters

    with pytest.raises(CommandError, match="too short"):
        call_command("create_user", "j.admin", "--role", "administrator")

    assert not User.objects.filter(username="j.admin").exists()


def test_refuses_a_username_that_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    User.objects.create_user("j.admin", role=Role.AUDITOR)
    monkeypatch.setenv(PASSWORD_VARIABLE, "a long passphrase nobody guesses")

    with pytest.raises(CommandError, match=r"already a user called j\.admin"):
        call_command("create_user", "j.admin", "--role", "administrator")
