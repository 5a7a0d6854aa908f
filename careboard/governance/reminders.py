"""Reminders: each owner hears about their actions overdue or due before the next meeting;
the board's officer gets a weekly digest of the same (product.md, journey 2).

Sent through Django's email backend, so tests use the locmem backend and production SMTP.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection

from careboard.governance.models import Meeting
from careboard.governance.services import NOT_COMPLETE
from careboard.strategy.models import Action

# Without a next meeting in the diary, remind about what falls due in the next four weeks.
DEFAULT_HORIZON = datetime.timedelta(days=28)


@dataclass
class ReminderRun:
    """What one run sent: to whom, about which actions; and whom it could not reach."""

    on: datetime.date
    horizon: datetime.date
    next_meeting: Meeting | None
    sent: dict[str, list[Action]] = field(default_factory=dict)  # email -> actions
    owners_without_email: list[str] = field(default_factory=list)
    digest_to: str = ""


def next_meeting(on: datetime.date) -> Meeting | None:
    return (
        Meeting.objects.filter(date__gte=on)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("date", "id")
        .first()
    )


def actions_to_remind(on: datetime.date, horizon: datetime.date) -> list[Action]:
    """Owned, open items (not Green, not carried on) due on or before `horizon`."""
    items = (
        Action.objects.filter(
            owner__isnull=False,
            owner__is_active=True,
            due_on__isnull=False,
            due_on__lte=horizon,
            carried_into__isnull=True,
        )
        .with_status()
        .filter(NOT_COMPLETE)
        .select_related("owner", "plan")
        .order_by("due_on", "reference")
    )
    return list(items)


def link(action: Action) -> str:
    return settings.CAREBOARD_SITE_URL.rstrip("/") + action.get_absolute_url()


def _line(action: Action, on: datetime.date) -> str:
    assert action.due_on is not None
    when = "overdue since" if action.due_on < on else "due"
    return (
        f"- {action.reference} {action.title[:120]}\n"
        f"  {when} {action.due_on:%-d %B %Y}; status: {action.status_label}\n"
        f"  Update it here: {link(action)}"
    )


def _owner_message(owner_name: str, actions: list[Action], run: ReminderRun) -> tuple[str, str]:
    overdue = [a for a in actions if a.due_on and a.due_on < run.on]
    due = [a for a in actions if a not in overdue]
    meeting = (
        f"before the board meets on {run.next_meeting.date:%-d %B %Y}"
        if run.next_meeting
        else f"by {run.horizon:%-d %B %Y}"
    )
    subject = (
        f"careboard: {len(overdue)} overdue, {len(due)} due {meeting}"
        if overdue
        else f"careboard: {len(due)} action update(s) due {meeting}"
    )
    parts = [f"Dear {owner_name},", ""]
    parts.append(
        "Please record progress on these actions. It takes two sentences and a RAG rating."
    )
    if overdue:
        parts += ["", "Overdue:", *(_line(a, run.on) for a in overdue)]
    if due:
        parts += ["", f"Due {meeting}:", *(_line(a, run.on) for a in due)]
    parts += ["", "Thank you,", "careboard"]
    return subject, "\n".join(parts)


def _digest(actions: list[Action], run: ReminderRun) -> tuple[str, str]:
    overdue = [a for a in actions if a.due_on and a.due_on < run.on]
    due = [a for a in actions if a not in overdue]
    subject = f"careboard weekly digest: {len(overdue)} overdue, {len(due)} due soon"
    parts = [f"Week of {run.on:%-d %B %Y}."]
    if run.next_meeting:
        theme = run.next_meeting.theme
        parts.append(
            f"Next meeting: {run.next_meeting.date:%-d %B %Y}"
            + (f", theme: {theme.title}." if theme else ", no theme chosen yet.")
        )
    else:
        parts.append("No meeting is in the diary: add the next one to the forward plan.")
    parts.append(f"Reminders sent to {len(run.sent)} owner(s).")
    if run.owners_without_email:
        parts.append(
            "Owners with no email address (remind them another way): "
            + ", ".join(sorted(run.owners_without_email))
            + "."
        )
    for heading, group in (("Overdue", overdue), ("Due soon", due)):
        parts += ["", f"{heading} ({len(group)}):"]
        parts += [f"{_line(a, run.on)}\n  Owner: {a.owner}" for a in group] or ["- none"]
    return subject, "\n".join(parts)


def send_reminders(on: datetime.date, *, digest: bool = True) -> ReminderRun:
    """Email every owner their overdue and due items; then the officer's digest."""
    meeting = next_meeting(on)
    horizon = meeting.date if meeting else on + DEFAULT_HORIZON
    run = ReminderRun(on, horizon, meeting)
    actions = actions_to_remind(on, horizon)
    by_owner: dict[int, list[Action]] = defaultdict(list)
    for action in actions:
        assert action.owner_id is not None
        by_owner[action.owner_id].append(action)

    messages = []
    for owned in by_owner.values():
        owner = owned[0].owner
        assert owner is not None
        if not owner.email:
            run.owners_without_email.append(str(owner))
            continue
        subject, body = _owner_message(str(owner), owned, run)
        messages.append(EmailMessage(subject, body, to=[owner.email]))
        run.sent[owner.email] = owned

    officer = getattr(settings, "CAREBOARD_BOARD_OFFICER_EMAIL", "")
    if digest and officer:
        subject, body = _digest(actions, run)
        messages.append(EmailMessage(subject, body, to=[officer]))
        run.digest_to = officer
    if messages:
        get_connection().send_messages(messages)
    return run
