"""What the governance pages and reports need, kept out of views: the forward plan, the
actions a meeting should look at, what young people said (counts only), board actions.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q, QuerySet

from careboard.accounts.models import User
from careboard.governance.models import Decision, Meeting
from careboard.strategy.models import Action, Plan, Priority
from careboard.strategy.rag import Rag
from careboard.voice.models import Feedback

# --- The forward plan ------------------------------------------------------------------


def municipal_year(on: datetime.date) -> int:
    """The council year (1 April to 31 March) `on` falls in, named by the year it starts."""
    return on.year if on.month >= 4 else on.year - 1


def year_bounds(start_year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(start_year, 4, 1), datetime.date(start_year + 1, 3, 31)


@dataclass
class ForwardPlan:
    """The year's meetings with their themes, and the priorities no meeting looks at yet."""

    start_year: int
    meetings: list[Meeting]
    priorities: list[Priority]
    themed: dict[int, list[Meeting]] = field(default_factory=dict)  # priority pk -> meetings

    @property
    def label(self) -> str:
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    @property
    def without_deep_dive(self) -> list[Priority]:
        return [p for p in self.priorities if not self.themed.get(p.pk)]


def forward_plan(start_year: int) -> ForwardPlan:
    starts, ends = year_bounds(start_year)
    meetings = list(
        Meeting.objects.filter(date__range=(starts, ends))
        .select_related("plan", "theme")
        .order_by("date", "id")
    )
    plans = Plan.objects.filter(starts_on__lte=ends, ends_on__gte=starts)
    priorities = list(
        Priority.objects.filter(plan__in=plans)
        .select_related("plan")
        .order_by("plan__starts_on", "number")
    )
    themed: dict[int, list[Meeting]] = {}
    for meeting in meetings:
        if meeting.theme_id and meeting.status != Meeting.Status.CANCELLED:
            themed.setdefault(meeting.theme_id, []).append(meeting)
    return ForwardPlan(start_year, meetings, priorities, themed)


# --- Actions a meeting looks at ---------------------------------------------------------


@dataclass
class MeetingActions:
    """The themed priority's actions, split the way the board pack reports them."""

    overdue: list[Action]
    due_before_next: list[Action]
    changed_since_last: list[Action]


# Not rated Green. Spelled out because SQL's NOT (status = 'green') drops unrated rows too.
NOT_COMPLETE = Q(status_code__isnull=True) | ~Q(status_code=Rag.GREEN)


def open_actions(plan: Plan) -> QuerySet[Action]:
    """A plan's actions (not recommendations) that are not complete and not carried on."""
    return (
        Action.objects.filter(plan=plan, kind=Action.Kind.ACTION, carried_into__isnull=True)
        .with_status()
        .filter(NOT_COMPLETE)
        .select_related("priority", "owner")
    )


def meeting_actions(meeting: Meeting) -> MeetingActions:
    """The theme's actions overdue at the meeting, due before the next one, and changed since
    the last one (a progress update reported after the previous meeting's date)."""
    themed = Action.objects.filter(plan=meeting.plan, priority=meeting.theme)
    following = meeting.next()
    horizon = following.date if following else meeting.date + datetime.timedelta(days=91)
    open_themed = open_actions(meeting.plan).filter(priority=meeting.theme)
    overdue = open_themed.filter(due_on__lt=meeting.date)
    due_soon = open_themed.filter(due_on__gte=meeting.date, due_on__lte=horizon)
    previous = meeting.previous()
    since = previous.date if previous else meeting.date - datetime.timedelta(days=91)
    changed = (
        themed.filter(updates__reported_on__gt=since, updates__reported_on__lte=meeting.date)
        .distinct()
        .with_status()
        .select_related("priority", "owner")
    )
    return MeetingActions(
        overdue=sorted(overdue, key=_by_due_then_reference),
        due_before_next=sorted(due_soon, key=_by_due_then_reference),
        changed_since_last=sorted(changed, key=_by_due_then_reference),
    )


def _by_due_then_reference(action: Action) -> tuple[datetime.date, str]:
    return (action.due_on or datetime.date.max, action.reference)


# --- What young people said ------------------------------------------------------------


def feedback_counts(since: datetime.date, until: datetime.date) -> list[tuple[str, int]]:
    """Triaged feedback received in the window, counted by what it is about.

    Only counts: what a young person wrote never goes into a board pack. Items still in the
    triage queue are left out until staff have looked at them.
    """
    triaged = Feedback.objects.filter(
        created_at__date__gt=since, created_at__date__lte=until
    ).exclude(status=Feedback.Status.NEW)
    labels = dict(Feedback._meta.get_field("about").choices or [])
    tally = Counter(triaged.values_list("about", flat=True))
    return [(str(labels.get(code, code)), count) for code, count in tally.most_common()]


# --- Board actions ------------------------------------------------------------------------


@transaction.atomic
def create_board_action(
    decision: Decision, title: str, owner: User | None, due_on: datetime.date | None
) -> Action:
    """Track the work a decision asks for as an ordinary action in the meeting's plan."""
    meeting = decision.meeting
    taken = set(meeting.plan.actions.values_list("reference", flat=True))
    number = 1
    while f"B{meeting.pk}.{number}" in taken:
        number += 1
    action = Action.objects.create(
        plan=meeting.plan,
        priority=meeting.theme,
        reference=f"B{meeting.pk}.{number}",
        title=title,
        owner=owner,
        due_on=due_on,
        source=f"Board decision, {meeting}",
    )
    decision.action = action
    decision.save()
    return action
