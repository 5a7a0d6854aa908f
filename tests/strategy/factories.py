"""Tiny synthetic strategy data for tests: plain functions, one line each to call."""

from __future__ import annotations

import datetime
from typing import Any

from careboard.accounts.models import Role, User
from careboard.strategy.models import Action, Plan, Priority, ProgressUpdate


def make_user(username: str, role: Role = Role.BOARD_MEMBER, **fields: Any) -> User:
    user = User(username=username, role=role, first_name=username.title(), **fields)
    user.set_unusable_password()  # tests sign in with force_login: no slow Argon2 hashing
    user.save()
    return user


def make_plan(slug: str = "cpp-2014-16", **fields: Any) -> Plan:
    defaults: dict[str, Any] = {
        "title": f"Plan {slug}",
        "short_title": slug,
        "starts_on": datetime.date(2014, 4, 1),
        "ends_on": datetime.date(2016, 3, 31),
        "status": Plan.Status.ACTIVE,
        "section_label": "Objective",
    }
    return Plan.objects.create(slug=slug, **{**defaults, **fields})


def make_priority(plan: Plan, number: int, title: str = "", **fields: Any) -> Priority:
    title = title or f"Section {number}"
    return Priority.objects.create(
        plan=plan, number=number, title=title, slug=f"section-{number}", **fields
    )


def make_action(
    plan: Plan, reference: str, title: str = "", priority: Priority | None = None, **fields: Any
) -> Action:
    return Action.objects.create(
        plan=plan,
        reference=reference,
        title=title or f"Item {reference}",
        priority=priority,
        **fields,
    )


def report(
    action: Action, rag: str | None, on: datetime.date, narrative: str = "Progress noted."
) -> ProgressUpdate:
    return ProgressUpdate.objects.create(
        action=action, rag=rag, reported_on=on, narrative=narrative, reported_by="Committee"
    )
