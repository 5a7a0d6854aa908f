"""What the strategy pages do, kept out of the views: overviews, the tracker's filters and
sorting, recording progress (with optimistic locking), the register's counts, carry-forward.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from careboard.accounts.models import Role
from careboard.accounts.permissions import has_permission
from careboard.core.audit_context import acting_as
from careboard.core.locking import save_if_unchanged
from careboard.strategy.models import Action, ActionQuerySet, Plan, Priority, ProgressUpdate
from careboard.strategy.rag import NO_PROGRESS_REPORTED, STATUS_CHOICES, Rag

# Worst first: the order the tracker sorts statuses in.
STATUS_ORDER = [Rag.RED.value, Rag.AMBER.value, NO_PROGRESS_REPORTED, Rag.GREEN.value]
# The order counts are reported in, as the scrutiny report does (seed 003).
COUNT_ORDER = [Rag.GREEN.value, Rag.AMBER.value, Rag.RED.value, NO_PROGRESS_REPORTED]


def today() -> datetime.date:
    return timezone.localdate()


# --- Plans -------------------------------------------------------------------------------


def current_plan() -> Plan | None:
    """The plan the board works to now: the newest active one, else the newest of all."""
    return Plan.objects.filter(status=Plan.Status.ACTIVE).first() or Plan.objects.first()


@dataclass(frozen=True)
class StatusCounts:
    """How many items have each status (Green, Amber, Red, none), with a total."""

    counts: dict[str, int]

    @classmethod
    def of(cls, statuses: Iterable[str]) -> StatusCounts:
        tally = Counter(statuses)
        return cls({code: tally.get(code, 0) for code in COUNT_ORDER})

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def rows(self) -> list[tuple[str, str, int]]:
        """(status code, label, count) for each status, for templates."""
        labels = dict(STATUS_CHOICES)
        return [(code, labels[code], self.counts[code]) for code in COUNT_ORDER]


@dataclass(frozen=True)
class PrioritySummary:
    priority: Priority
    counts: StatusCounts


def priority_summaries(plan: Plan) -> list[PrioritySummary]:
    """Each priority of the plan with the status counts of its actions and recommendations."""
    statuses: dict[int | None, list[str]] = {}
    for action in Action.objects.filter(plan=plan).with_status():
        statuses.setdefault(action.priority_id, []).append(action.status)
    return [
        PrioritySummary(priority, StatusCounts.of(statuses.get(priority.pk, [])))
        for priority in plan.priorities.all()
    ]


# --- Tracker -----------------------------------------------------------------------------


def reference_key(reference: str) -> tuple[Any, ...]:
    """Sort references as people read them: "R2" before "R12", "1.2" before "1.10"."""
    parts = re.split(r"(\d+)", reference)
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.lower()) for part in parts)


def overdue_q(on: datetime.date) -> Q:
    """Past its due date, not completed, and not carried into a later plan."""
    return (
        Q(due_on__lt=on)
        & (Q(status_code__isnull=True) | ~Q(status_code=Rag.GREEN))
        & Q(carried_into__isnull=True)
    )


def is_overdue(action: Action, on: datetime.date | None = None) -> bool:
    on = on or today()
    return bool(
        action.due_on
        and action.due_on < on
        and action.status != Rag.GREEN
        and not was_carried_forward(action)
    )


def was_carried_forward(action: Action) -> bool:
    try:
        action.carried_into  # noqa: B018 - the reverse one-to-one raises when empty
    except Action.DoesNotExist:
        return False
    return True


def tracker_queryset() -> ActionQuerySet:
    return Action.objects.with_status().select_related(
        "plan", "priority", "owner", "carried_into__plan", "carried_from__plan"
    )


def filter_actions(queryset: ActionQuerySet, filters: dict[str, Any]) -> ActionQuerySet:
    """Apply the tracker's filters (already validated by TrackerFilterForm)."""
    if filters.get("plan"):
        queryset = queryset.filter(plan=filters["plan"])
    if filters.get("priority"):
        queryset = queryset.filter(priority=filters["priority"])
    if filters.get("owner"):
        queryset = queryset.filter(owner=filters["owner"])
    if filters.get("kind"):
        queryset = queryset.filter(kind=filters["kind"])
    if filters.get("status"):
        queryset = queryset.in_status(filters["status"])
    if filters.get("overdue"):
        queryset = queryset.filter(overdue_q(today()))
    return queryset


def _owner_name(action: Action) -> str:
    return str(action.owner) if action.owner else action.responsibility


SORT_KEYS: dict[str, Any] = {
    "plan": lambda a: (a.plan.starts_on, a.plan.title),
    "priority": lambda a: a.priority.number if a.priority else 10_000,
    "reference": lambda a: reference_key(a.reference),
    "kind": lambda a: a.kind,
    "title": lambda a: a.title.lower(),
    "owner": lambda a: _owner_name(a).lower(),
    "due": lambda a: a.due_on or datetime.date.min,
    "status": lambda a: STATUS_ORDER.index(a.status),
    "updated": lambda a: a.last_update_on or datetime.date.min,
}
# Items without a value for these columns go last whichever way the column is sorted.
MISSING_LAST: dict[str, Any] = {
    "due": lambda a: a.due_on is None,
    "updated": lambda a: a.last_update_on is None,
}
SORTABLE = tuple(SORT_KEYS)


def default_order(action: Action) -> tuple[Any, ...]:
    """Newest plan first, then by priority and reference."""
    return (
        -action.plan.starts_on.toordinal(),
        action.plan_id,
        SORT_KEYS["priority"](action),
        reference_key(action.reference),
    )


def sort_actions(actions: Iterable[Action], sort: str) -> list[Action]:
    """Sort by a column name, "-name" for descending; unknown names keep the default order.

    Sorting happens in Python so references sort naturally; a tracker holds hundreds of
    items, not millions.
    """
    ordered = sorted(actions, key=default_order)
    name = sort.removeprefix("-")
    if name in SORT_KEYS:
        ordered.sort(key=SORT_KEYS[name], reverse=sort.startswith("-"))
        if name in MISSING_LAST:
            ordered.sort(key=MISSING_LAST[name])
    return ordered


def tracker_actions(filters: dict[str, Any], sort: str = "") -> list[Action]:
    return sort_actions(filter_actions(tracker_queryset(), filters), sort)


# --- Progress updates --------------------------------------------------------------------


def can_update(user: Any, action: Action) -> bool:
    """Owners update their own actions; administrators update any (security.md)."""
    if not has_permission(user, "strategy.update_action"):
        return False
    return bool(user.role == Role.ADMINISTRATOR or action.owner_id == user.pk)


def record_progress(
    action: Action,
    *,
    expected_version: int,
    reported_on: datetime.date,
    narrative: str,
    rag: str | None,
    author: Any,
) -> ProgressUpdate:
    """Add a progress update, refusing it (EditConflict) if the action changed meanwhile.

    The action's version is bumped in the same transaction, so two people who opened the
    same form cannot both add an update without one of them seeing the other's first.
    """
    with transaction.atomic():
        save_if_unchanged(action, expected_version)
        return ProgressUpdate.objects.create(
            action=action,
            reported_on=reported_on,
            narrative=narrative,
            rag=rag or None,
            author=author,
        )


# --- Recommendation register -------------------------------------------------------------


@dataclass(frozen=True)
class RegisterSection:
    priority: Priority | None
    recommendations: list[Action]
    counts: StatusCounts


@dataclass(frozen=True)
class PlanRegister:
    plan: Plan
    sections: list[RegisterSection]
    counts: StatusCounts


def recommendation_register(plans: Sequence[Plan] | None = None) -> list[PlanRegister]:
    """Recommendations grouped by plan and priority/objective, with status counts.

    Every section of a plan is listed, including those with no recommendations, as the
    scrutiny report does ("There are no Scrutiny Recommendations within this Objective").
    """
    recommendations = (
        Action.objects.filter(kind=Action.Kind.RECOMMENDATION)
        .with_status()
        .select_related("plan", "priority")
        .prefetch_related("addressed_by")
    )
    if plans is not None:
        recommendations = recommendations.filter(plan__in=plans)
    by_plan: dict[int, list[Action]] = {}
    for item in recommendations:
        by_plan.setdefault(item.plan_id, []).append(item)
    registers = []
    for plan in Plan.objects.filter(pk__in=by_plan).prefetch_related("priorities"):
        items = sorted(by_plan[plan.pk], key=lambda a: reference_key(a.reference))
        sections = [
            _section(priority, [a for a in items if a.priority_id == priority.pk])
            for priority in plan.priorities.all()
        ]
        unplaced = [a for a in items if a.priority_id is None]
        if unplaced:
            sections.append(_section(None, unplaced))
        registers.append(PlanRegister(plan, sections, StatusCounts.of(a.status for a in items)))
    return registers


def _section(priority: Priority | None, items: list[Action]) -> RegisterSection:
    return RegisterSection(priority, items, StatusCounts.of(a.status for a in items))


# --- Carry-forward -----------------------------------------------------------------------


class CarryForwardError(Exception):
    """Carry-forward was refused; nothing was copied."""


@dataclass
class CarryForwardPlan:
    """What carrying Amber items from one plan into another would do."""

    source: Plan
    target: Plan
    to_carry: list[Action] = field(default_factory=list)
    already_carried: list[Action] = field(default_factory=list)
    clashes: list[Action] = field(default_factory=list)
    unmapped: list[Action] = field(default_factory=list)


def amber_items(plan: Plan) -> list[Action]:
    items = Action.objects.filter(plan=plan).with_status().filter(Q(status_code=Rag.AMBER))
    return sorted(items.select_related("priority", "owner"), key=default_order)


def plan_carry_forward(source: Plan, target: Plan) -> CarryForwardPlan:
    """Which Amber items would move, which already have, and which cannot."""
    if source.pk == target.pk:
        raise CarryForwardError("Choose a different plan to carry items into.")
    plan = CarryForwardPlan(source, target)
    taken = set(target.actions.values_list("reference", flat=True))
    numbers = set(target.priorities.values_list("number", flat=True))
    for item in amber_items(source):
        if was_carried_forward(item):
            plan.already_carried.append(item)
        elif item.reference in taken:
            plan.clashes.append(item)
        else:
            plan.to_carry.append(item)
            if item.priority and item.priority.number not in numbers:
                plan.unmapped.append(item)
    return plan


def carry_forward(source: Plan, target: Plan, actor: Any) -> CarryForwardPlan:
    """Copy every Amber item of `source` into `target`, linked by `carried_from`.

    One transaction; items already carried are skipped, so running it twice is safe. Refused
    (nothing copied) if the target already uses a reference for a different item.
    """
    with acting_as(actor), transaction.atomic():
        plan = plan_carry_forward(source, target)
        if plan.clashes:
            references = ", ".join(item.reference for item in plan.clashes)
            raise CarryForwardError(
                f"{target.short_title} already has items with the references {references}."
            )
        priorities = {p.number: p for p in target.priorities.all()}
        copies: dict[int, Action] = {}
        for item in plan.to_carry:
            copies[item.pk] = Action.objects.create(
                plan=target,
                priority=priorities.get(item.priority.number) if item.priority else None,
                kind=item.kind,
                reference=item.reference,
                title=item.title,
                aim=item.aim,
                owner=item.owner,
                responsibility=item.responsibility,
                intended_outcome=item.intended_outcome,
                source=f"Carried forward from {source.short_title}",
                carried_from=item,
            )
        for item in plan.to_carry:
            linked = [copies.get(r.pk, r) for r in item.recommendations.all()]
            if linked:
                copies[item.pk].recommendations.set(linked)
    return plan
