"""send_reminders: each owner hears about their own overdue items and those due before the
next meeting, once; the board's officer gets the digest; nobody else gets anything."""

from __future__ import annotations

import datetime
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from careboard.accounts.models import Role
from careboard.governance.models import Meeting
from careboard.governance.reminders import send_reminders
from careboard.strategy.models import Action
from careboard.strategy.rag import Rag
from tests.strategy.factories import make_action, make_plan, make_priority, make_user, report

ON = datetime.date(2026, 6, 1)
NEXT_MEETING = datetime.date(2026, 6, 10)
OFFICER = "board.officer@example.org"


@pytest.fixture
def diary(db: None, settings: Any) -> dict[str, Action]:
    """Olive: 3.1 overdue, 3.2 due before the meeting. Oscar: 3.3 due after the meeting,
    3.4 overdue but Green (done). Pat has no email; Ivy's account is switched off."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CAREBOARD_BOARD_OFFICER_EMAIL = OFFICER
    plan = make_plan("strategy-2022-25", section_label="Priority")
    homes = make_priority(plan, 3, "Positive lived experiences")
    olive = make_user("olive", Role.ACTION_OWNER, email="olive@example.org")
    oscar = make_user("oscar", Role.ACTION_OWNER, email="oscar@example.org")
    pat = make_user("pat", Role.ACTION_OWNER)
    ivy = make_user("ivy", Role.ACTION_OWNER, email="ivy@example.org", is_active=False)
    make_user("bella", Role.BOARD_MEMBER, email="bella@example.org")

    def action(reference: str, owner: Any, due: datetime.date) -> Action:
        return make_action(plan, reference, f"Action {reference}", homes, owner=owner, due_on=due)

    items = {
        "3.1": action("3.1", olive, datetime.date(2026, 5, 1)),
        "3.2": action("3.2", olive, datetime.date(2026, 6, 5)),
        "3.3": action("3.3", oscar, datetime.date(2026, 7, 1)),
        "3.4": action("3.4", oscar, datetime.date(2026, 5, 1)),
        "3.5": action("3.5", pat, datetime.date(2026, 5, 20)),
        "3.6": action("3.6", ivy, datetime.date(2026, 5, 20)),
    }
    report(items["3.2"], Rag.AMBER, datetime.date(2026, 4, 1))
    report(items["3.4"], Rag.GREEN, datetime.date(2026, 4, 1))
    Meeting.objects.create(date=NEXT_MEETING, plan=plan, theme=homes)
    return items


def test_owner_and_officer_get_one_email_each_and_nobody_else(diary: dict[str, Action]) -> None:
    run = send_reminders(ON)
    assert sorted(tuple(m.to) for m in mail.outbox) == [(OFFICER,), ("olive@example.org",)]
    assert {email: [a.reference for a in items] for email, items in run.sent.items()} == {
        "olive@example.org": ["3.1", "3.2"]
    }
    assert run.owners_without_email == ["Pat"]
    assert run.horizon == NEXT_MEETING


def test_owner_email_says_what_is_overdue_and_what_is_due(diary: dict[str, Action]) -> None:
    send_reminders(ON)
    [olive] = [m for m in mail.outbox if m.to == ["olive@example.org"]]
    assert olive.subject == "careboard: 1 overdue, 1 due before the board meets on 10 June 2026"
    overdue, due = olive.body.split("Due before the board meets")
    assert "3.1 Action 3.1" in overdue
    assert "overdue since 1 May 2026" in overdue
    assert "3.2 Action 3.2" in due
    assert "status: Amber" in due
    assert f"http://127.0.0.1:8000/actions/{diary['3.1'].pk}/" in olive.body
    assert "3.3" not in olive.body


def test_digest_lists_everything_due_and_who_cannot_be_emailed(diary: dict[str, Action]) -> None:
    send_reminders(ON)
    [digest] = [m for m in mail.outbox if m.to == [OFFICER]]
    assert digest.subject == "careboard weekly digest: 2 overdue, 1 due soon"
    assert "Owners with no email address (remind them another way): Pat." in digest.body
    assert "Next meeting: 10 June 2026, theme: Positive lived experiences." in digest.body
    for reference in ("3.1", "3.2", "3.5"):
        assert f"- {reference} " in digest.body
    for reference in ("3.3", "3.4", "3.6"):
        assert f"- {reference} " not in digest.body


def test_without_an_officer_address_only_owners_are_emailed(
    diary: dict[str, Action], settings: Any
) -> None:
    settings.CAREBOARD_BOARD_OFFICER_EMAIL = ""
    call_command("send_reminders", "--on", ON.isoformat(), stdout=StringIO())
    assert [m.to for m in mail.outbox] == [["olive@example.org"]]


def test_without_a_next_meeting_the_horizon_is_four_weeks(diary: dict[str, Action]) -> None:
    Meeting.objects.all().delete()
    run = send_reminders(ON, digest=False)
    assert run.horizon == datetime.date(2026, 6, 29)
    assert [a.reference for a in run.sent["olive@example.org"]] == ["3.1", "3.2"]
    assert "oscar@example.org" not in run.sent  # 3.3 is due 1 July, after the horizon


def test_command_reports_what_it_sent(diary: dict[str, Action]) -> None:
    out = StringIO()
    call_command("send_reminders", "--on", ON.isoformat(), stdout=out)
    assert "2 items to 1 owners" in out.getvalue()
    assert "No email address for: Pat" in out.getvalue()
    assert f"Digest sent to {OFFICER}." in out.getvalue()
