"""Load the demo data into the database, safely again and again.

Every row is found by its natural key (a plan's slug, an item's reference within its plan, an
indicator's code, a username) and only written when something differs, so a second run
creates nothing, changes nothing and adds nothing to the audit trail. Progress updates are
never edited: one is added only if no update with the same date and reporter exists.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models, transaction

from careboard.accounts.models import User
from careboard.core.audit_context import acting_as
from careboard.demo.data import (
    action_plan_2014_16,
    catalogue,
    scrutiny_2013_recommendations,
    scrutiny_report_2016,
    strategy_2022_25,
    users,
)
from careboard.demo.data.records import (
    ActionRecord,
    PlanRecord,
    PriorityRecord,
    UpdateRecord,
    UserRecord,
)
from careboard.demo.timescales import due_date_from_timescale
from careboard.demo.voice import load_voice
from careboard.governance.demo_meetings import create_demo_meetings
from careboard.indicators.models import CatalogueEntry
from careboard.strategy.models import (
    Action,
    GovernanceBody,
    Plan,
    Principle,
    Priority,
    ProgressUpdate,
)
from careboard.strategy.services import carry_forward

ACTOR = "load_demo"

M = TypeVar("M", bound=models.Model)


@dataclass
class LoadSummary:
    """What one run wrote: (model name, "created" or "updated") -> count."""

    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    logins: list[tuple[str, str, str]] = field(default_factory=list)

    def note(self, model: type[models.Model], what: str) -> None:
        self.counts[(model.__name__, what)] += 1

    @property
    def changed(self) -> int:
        return sum(self.counts.values())


def demo_password() -> str:
    return os.environ.get(users.PASSWORD_ENV) or users.DEFAULT_PASSWORD


def load_demo() -> LoadSummary:
    """Load everything in one transaction, recorded in the audit trail as load_demo."""
    summary = LoadSummary()
    with acting_as(ACTOR), transaction.atomic():
        loader = _Loader(summary)
        loader.load_users(users.USERS, demo_password())
        loader.load_action_plan_2014_16()
        loader.load_scrutiny_report_2016()
        loader.load_plan_2016_18()
        loader.load_strategy_2022_25()
        if written := load_voice():
            summary.counts[("Voice of the child demo rows", "created")] += written
        create_demo_meetings(Plan.objects.get(slug=strategy_2022_25.PLAN.slug))
    return summary


class _Loader:
    def __init__(self, summary: LoadSummary) -> None:
        self.summary = summary

    # -- generic upsert -------------------------------------------------------------------
    def upsert(self, model: type[M], key: dict[str, Any], values: dict[str, Any]) -> M:
        """Find the row by `key`; create it, or save it only if a value differs."""
        obj = model._default_manager.filter(**key).first()
        if obj is None:
            obj = model._default_manager.create(**key, **values)
            self.summary.note(model, "created")
            return obj
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.save()
            self.summary.note(model, "updated")
        return obj

    # -- pieces ---------------------------------------------------------------------------
    def load_users(self, records: tuple[UserRecord, ...], password: str) -> None:
        for record in records:
            user = self.upsert(
                User,
                {"username": record.username},
                {
                    "role": record.role,
                    "first_name": record.first_name,
                    "last_name": record.last_name,
                    "job_title": record.job_title,
                    "team": record.team,
                    "is_staff": record.is_staff,
                    "is_superuser": record.is_superuser,
                    "is_active": True,
                },
            )
            if not user.has_usable_password() or not user.check_password(password):
                user.set_password(password)
                user.save(update_fields=["password"])
                self.summary.counts[("User password", "set")] += 1
            self.summary.logins.append((record.username, user.get_role_display(), password))

    def plan(self, record: PlanRecord) -> Plan:
        previous = (
            Plan.objects.get(slug=record.previous_plan_slug) if record.previous_plan_slug else None
        )
        return self.upsert(
            Plan,
            {"slug": record.slug},
            {
                "title": record.title,
                "short_title": record.short_title,
                "starts_on": record.starts_on,
                "ends_on": record.ends_on,
                "status": record.status,
                "section_label": record.section_label,
                "source": record.source,
                "vision": record.vision,
                "underpinning_principle": record.underpinning_principle,
                "summary": record.summary,
                "previous_plan": previous,
            },
        )

    def priorities(self, plan: Plan, records: tuple[PriorityRecord, ...]) -> dict[int, Priority]:
        return {
            record.number: self.upsert(
                Priority,
                {"plan": plan, "number": record.number},
                {
                    "slug": record.slug,
                    "title": record.title,
                    "child_friendly": record.child_friendly,
                    "progress_narrative": record.progress_narrative,
                },
            )
            for record in records
        }

    def action(self, plan: Plan, priorities: dict[int, Priority], record: ActionRecord) -> Action:
        due_on = record.due_on or due_date_from_timescale(record.timescale)
        owner = User.objects.get(username=record.owner_username) if record.owner_username else None
        action = self.upsert(
            Action,
            {"plan": plan, "reference": record.reference},
            {
                "priority": priorities[record.priority],
                "kind": record.kind,
                "title": record.title,
                "aim": record.aim,
                "owner": owner,
                "responsibility": record.responsibility,
                "timescale": record.timescale,
                "due_on": due_on,
                "intended_outcome": record.intended_outcome,
                "source": record.source,
            },
        )
        if record.recommendations:
            wanted = set(Action.objects.filter(plan=plan, reference__in=record.recommendations))
            if set(action.recommendations.all()) != wanted:
                action.recommendations.set(wanted)
                self.summary.counts[("Recommendation links", "set")] += 1
        for update in record.updates:
            self.update(action, update)
        return action

    def update(self, action: Action, record: UpdateRecord) -> ProgressUpdate:
        """Add the update unless the same reporter already reported on that date."""
        author = (
            User.objects.get(username=record.author_username) if record.author_username else None
        )
        key = {
            "action": action,
            "reported_on": record.reported_on,
            "reported_by": record.reported_by,
            "author": author,
        }
        existing = ProgressUpdate.objects.filter(**key).first()
        if existing is not None:
            return existing
        self.summary.note(ProgressUpdate, "created")
        return ProgressUpdate.objects.create(**key, narrative=record.narrative, rag=record.rag)

    # -- the documents --------------------------------------------------------------------
    def load_action_plan_2014_16(self) -> None:
        data = action_plan_2014_16
        plan = self.plan(data.PLAN)
        objectives = self.priorities(plan, data.OBJECTIVES)
        for rec in scrutiny_2013_recommendations.RECOMMENDATIONS:
            self.upsert(
                Action,
                {"plan": plan, "reference": rec.reference},
                {
                    "priority": objectives[rec.objective],
                    "kind": Action.Kind.RECOMMENDATION,
                    "title": rec.title,
                    "responsibility": rec.responsibility,
                    "source": scrutiny_2013_recommendations.SOURCE,
                },
            )
        for record in data.ACTIONS:
            self.action(plan, objectives, record)

    def load_scrutiny_report_2016(self) -> None:
        report = scrutiny_report_2016
        plan = Plan.objects.get(slug=action_plan_2014_16.SLUG)
        for status in report.STATUSES:
            for number in status.numbers:
                recommendation = Action.objects.get(plan=plan, reference=f"R{number}")
                self.update(
                    recommendation,
                    UpdateRecord(
                        report.REPORTED_ON,
                        status.narrative,
                        status.rag,
                        reported_by=report.REPORTED_BY,
                    ),
                )

    def load_plan_2016_18(self) -> None:
        """The 2016-18 plan, into which the recommendations rated Amber in 2016 are carried.

        Uses the strategy app's carry-forward, which skips items already carried.
        """
        earlier = Plan.objects.get(slug=action_plan_2014_16.SLUG)
        plan = self.plan(scrutiny_report_2016.NEXT_PLAN)
        self.priorities(plan, action_plan_2014_16.OBJECTIVES)
        carried = carry_forward(earlier, plan, ACTOR)
        for _ in carried.to_carry:
            self.summary.note(Action, "created")

    def load_strategy_2022_25(self) -> None:
        data = strategy_2022_25
        plan = self.plan(data.PLAN)
        for order, text in enumerate(data.PRINCIPLES, start=1):
            self.upsert(Principle, {"plan": plan, "order": order}, {"text": text})
        for body in data.GOVERNANCE:
            self.upsert(
                GovernanceBody,
                {"plan": plan, "order": body.order},
                {
                    "name": body.name,
                    "role": body.role,
                    "members": body.members,
                },
            )
        priorities = self.priorities(plan, data.PRIORITIES)
        for section, entries in catalogue.SECTIONS:
            for order, entry in enumerate(entries, start=1):
                self.upsert(
                    CatalogueEntry,
                    {"plan": plan, "code": entry.code},
                    {
                        "priority": priorities.get(section),
                        "order": order,
                        "strategy_wording": entry.strategy_wording,
                        "source": entry.source,
                        "unit": entry.unit,
                        "polarity": entry.polarity,
                        "owner": entry.owner,
                        "period": entry.period,
                        "definition": entry.definition,
                        "note": entry.note,
                    },
                )
        for record in data.ILLUSTRATIVE_ACTIONS:
            self.action(plan, priorities, record)
