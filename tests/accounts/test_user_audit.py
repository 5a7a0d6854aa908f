"""Account changes go into the audit trail; password hashes never do (security.md, Integrity)."""

from __future__ import annotations

import json

import pytest

from careboard.accounts.models import Role, User
from careboard.core.audit import REDACTED, verify_chain
from careboard.core.audit_context import acting_as
from careboard.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def user_events() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(model="accounts.User").order_by("id"))


def test_making_someone_an_administrator_is_recorded_with_who_did_it() -> None:
    with acting_as("create_user"):
        member = User.objects.create_user("b.member", password="a long passphrase 1")
    with acting_as("j.admin"):
        member.role = Role.ADMINISTRATOR
        member.save()

    created, promoted = user_events()
    assert created.actor_label == "create_user"
    assert promoted.actor_label == "j.admin"
    assert promoted.before is not None
    assert promoted.after is not None
    assert (promoted.before["role"], promoted.after["role"]) == ("board_member", "administrator")
    assert verify_chain() == []


def test_the_password_hash_is_never_copied_into_the_trail() -> None:
    member = User.objects.create_user("b.member", password="a long passphrase 1")
    member.set_password("another long passphrase 2")
    member.save()

    events = user_events()
    assert len(events) == 1  # changing only the password leaves nothing to compare
    assert events[0].after is not None
    assert events[0].after["password"] == REDACTED
    everything_recorded = json.dumps([[e.before, e.after] for e in AuditEvent.objects.all()])
    assert "argon2" not in everything_recorded
