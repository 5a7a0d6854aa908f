"""The audit trail records every change with its actor, and any tampering breaks the hash chain.

security.md (Integrity): an audit trail of every change (who, when, before/after) that cannot
be edited from the app and whose tampering is detectable.
"""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from careboard.accounts.models import Role, User
from careboard.core.audit import verify_chain
from careboard.core.audit_context import acting_as
from careboard.core.models import AuditEvent
from careboard.strategy.models import Plan, Principle

pytestmark = pytest.mark.django_db


def make_plan(title: str = "Action plan 2014-16", slug: str = "plan-2014-16") -> Plan:
    return Plan.objects.create(
        title=title,
        short_title=title,
        slug=slug,
        starts_on=datetime.date(2014, 4, 1),
        ends_on=datetime.date(2016, 3, 31),
    )


def three_changes() -> list[AuditEvent]:
    """Create, rename and delete one plan: three events in the chain."""
    with acting_as("load_demo"):
        plan = make_plan()
        plan.title = "Corporate parenting action plan 2014-16"
        plan.save()
        plan.delete()
    return list(AuditEvent.objects.order_by("id"))


def test_create_update_and_delete_are_recorded_with_before_after_and_actor() -> None:
    created, updated, deleted = three_changes()

    assert [created.action, updated.action, deleted.action] == ["create", "update", "delete"]
    assert {created.model, updated.model, deleted.model} == {"strategy.Plan"}
    assert {created.actor_label, updated.actor_label, deleted.actor_label} == {"load_demo"}

    assert created.before is None
    assert created.after is not None
    assert created.after["title"] == "Action plan 2014-16"
    assert created.after["starts_on"] == "2014-04-01"

    assert updated.before is not None
    assert updated.after is not None
    assert updated.before["title"] == "Action plan 2014-16"
    assert updated.after["title"] == "Corporate parenting action plan 2014-16"

    assert deleted.before is not None
    assert deleted.before["title"] == "Corporate parenting action plan 2014-16"
    assert deleted.after is None
    assert verify_chain() == []


def test_a_save_that_changes_nothing_writes_no_event() -> None:
    # Principle has no updated_at timestamp, so saving it unchanged changes no field.
    principle = Principle.objects.create(plan=make_plan(), order=1, text="Act in their interests")
    principle.save()
    assert AuditEvent.objects.filter(model="strategy.Principle").count() == 1


def test_the_actor_is_the_signed_in_user_of_the_request(client, settings) -> None:
    settings.ROOT_URLCONF = "tests.core.urls_that_change_a_plan"
    officer = User.objects.create_user(
        "a.owner",
        password="not-used-here-1",
        role=Role.ADMINISTRATOR,
        first_name="Ada",
        last_name="Owner",
    )
    client.force_login(officer)

    response = client.post("/make-plan/")

    assert response.status_code == 201
    event = AuditEvent.objects.get(model="strategy.Plan")
    assert event.actor == officer
    assert event.actor_label == "Ada Owner (a.owner)"


def test_changes_with_nobody_acting_are_recorded_as_system() -> None:
    make_plan()
    assert AuditEvent.objects.get().actor_label == "system"


# Tampering: each of these is done behind careboard's back, straight in the database.


def test_changing_an_events_after_with_queryset_update_is_detected() -> None:
    _, updated, _ = three_changes()
    assert updated.after is not None
    forged = {**updated.after, "title": "A kinder title"}

    AuditEvent.objects.filter(pk=updated.pk).update(after=forged)

    assert [(b.event_id, b.reason) for b in verify_chain()] == [
        (updated.pk, "content does not match its hash")
    ]


def test_changing_an_events_actor_with_raw_sql_is_detected() -> None:
    created, _, _ = three_changes()
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET actor_label = %s WHERE id = %s",  # noqa: S608
            ["someone else", created.pk],
        )

    assert [b.event_id for b in verify_chain()] == [created.pk]


def test_deleting_an_event_from_the_middle_is_detected() -> None:
    _, updated, deleted = three_changes()

    AuditEvent.objects.filter(pk=updated.pk).delete()

    assert [(b.event_id, b.reason) for b in verify_chain()] == [
        (deleted.pk, "does not follow the event before it")
    ]


def test_deleting_the_newest_event_is_detected() -> None:
    _, _, deleted = three_changes()

    AuditEvent.objects.filter(pk=deleted.pk).delete()

    assert [b.event_id for b in verify_chain()] == [0]


def forged_event(previous_hash: str) -> AuditEvent:
    """An event an intruder writes with a correctly computed hash of its own."""
    event = AuditEvent(
        at=datetime.datetime(2016, 1, 1, tzinfo=datetime.UTC),
        actor_label="system",
        action=AuditEvent.Action.DELETE,
        model="strategy.Plan",
        object_pk="99",
        object_repr="A plan that never existed",
        before={"title": "A plan that never existed"},
        after=None,
        previous_hash=previous_hash,
    )
    event.hash = event.compute_hash()
    event.save()
    return event


def test_inserting_an_event_after_the_newest_is_detected() -> None:
    *_, newest = three_changes()

    forged_event(previous_hash=newest.hash)

    assert [b.event_id for b in verify_chain()] == [0]


def test_inserting_an_event_that_forks_from_an_older_one_is_detected() -> None:
    created, _, _ = three_changes()

    forged = forged_event(previous_hash=created.hash)

    breaks = [b.event_id for b in verify_chain()]
    assert forged.pk in breaks


def test_check_audit_chain_command_reports_an_intact_chain() -> None:
    three_changes()
    out = StringIO()

    call_command("check_audit_chain", stdout=out)

    assert "Checked 3 audit events: chain intact." in out.getvalue()


def test_check_audit_chain_command_exits_1_and_names_the_broken_event() -> None:
    _, updated, _ = three_changes()
    AuditEvent.objects.filter(pk=updated.pk).update(object_repr="Something else")
    err = StringIO()

    with pytest.raises(CommandError) as raised:
        call_command("check_audit_chain", stderr=err)

    assert raised.value.returncode == 1
    assert f"Broken at event {updated.pk}: content does not match its hash." in err.getvalue()
