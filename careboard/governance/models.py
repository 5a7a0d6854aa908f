"""Board meetings: who came, the agenda built from the meeting's theme, decisions, minutes.

Governance depends on strategy, never the reverse: a board action is an ordinary strategy
Action, created for a Decision and linked from it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from careboard.core.audit import audited
from careboard.core.models import Timestamped, Versioned
from careboard.strategy.models import Action, Plan, Priority

DEFAULT_BOARD = "Corporate Parenting Board"


@audited
class Meeting(Timestamped, Versioned):
    """One meeting of the board, themed on one priority of a plan (its deep-dive)."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    date = models.DateField()
    board = models.CharField(max_length=200, default=DEFAULT_BOARD)
    plan = models.ForeignKey(
        Plan,
        on_delete=models.PROTECT,
        related_name="meetings",
        help_text="The strategy or action plan this meeting reviews.",
    )
    theme = models.ForeignKey(
        Priority,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="themed_meetings",
        help_text="The priority this meeting looks at in depth.",
    )
    venue = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    minutes = models.TextField(blank=True)

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.board}, {self.date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting", args=[self.pk])

    def previous(self) -> Meeting | None:
        """The same board's meeting before this one (not cancelled), if any."""
        return (
            Meeting.objects.filter(board=self.board, date__lt=self.date)
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("-date", "-id")
            .first()
        )

    def next(self) -> Meeting | None:
        return (
            Meeting.objects.filter(board=self.board, date__gt=self.date)
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("date", "id")
            .first()
        )


@audited
class Participant(models.Model):
    """Someone expected at a meeting: there, or sending apologies."""

    class Kind(models.TextChoices):
        MEMBER = "member", "Board member"
        OFFICER = "officer", "Officer"
        PARTNER = "partner", "Partner"
        CARE_COUNCIL = "care_council", "Care council representative"

    class Attendance(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    role = models.CharField(
        max_length=200, blank=True, help_text='e.g. "Chair, Lead Member" or "NHS Wirral".'
    )
    attendance = models.CharField(
        max_length=10, choices=Attendance.choices, default=Attendance.PRESENT
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["meeting", "attendance", "kind", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()}, {self.get_attendance_display()})"


@audited
class AgendaItem(models.Model):
    """An item on a meeting's agenda; the standard items come from the theme (agenda.py)."""

    class Kind(models.TextChoices):
        OPENING = "opening", "Welcome, apologies and minutes"
        DEEP_DIVE = "deep_dive", "Themed deep-dive"
        PERFORMANCE = "performance", "Performance report"
        OVERDUE = "overdue", "Overdue actions"
        VOICE = "voice", "Voice of the child"
        CARE_COUNCIL = "care_council", "Care council item"
        DECISIONS = "decisions", "Decisions and any other business"
        OTHER = "other", "Other"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    order = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(max_length=300)
    lead = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["meeting", "order", "id"]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


@audited
class Decision(Timestamped, Versioned):
    """Something the board is asked to decide, or decided; a board action tracks any work."""

    class Status(models.TextChoices):
        NEEDED = "needed", "Decision needed"
        AGREED = "agreed", "Agreed"
        DEFERRED = "deferred", "Deferred"
        NOTED = "noted", "Noted"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    order = models.PositiveSmallIntegerField(default=1)
    text = models.TextField(help_text='What the board is asked to do, e.g. "Endorse the ...".')
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEEDED)
    action = models.OneToOneField(
        Action,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="board_decision",
        help_text="The board action created for this decision.",
    )

    class Meta:
        ordering = ["meeting", "order", "id"]

    def __str__(self) -> str:
        return f"({self.order}) {self.text[:80]}"
