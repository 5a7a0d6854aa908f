"""Strategies and action plans, their priorities, actions, scrutiny recommendations and updates.

An Action's status is never stored: it is the RAG of its newest rated ProgressUpdate, or
"no progress reported" when nobody has rated it. Updates are never edited or deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.urls import reverse

from careboard.core.audit import audited
from careboard.core.models import Timestamped, Versioned
from careboard.strategy.rag import NO_PROGRESS_REPORTED, Rag, status_label


@audited
class Plan(Timestamped, Versioned):
    """A strategy or action plan for a period, e.g. the 2022-25 CLA & Care Leavers Strategy."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ACTIVE = "active", "Active"
        CLOSED = "closed", "Closed"

    title = models.CharField(max_length=300)
    short_title = models.CharField(max_length=100)
    slug = models.SlugField(unique=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    vision = models.TextField(blank=True)
    underpinning_principle = models.TextField(
        blank=True, help_text="What runs under every priority, e.g. the voice of the child."
    )
    section_label = models.CharField(
        max_length=40,
        default="Priority",
        help_text='What this plan calls its sections: "Priority" or, in older plans, "Objective".',
    )
    summary = models.TextField(blank=True)
    source = models.CharField(max_length=300, blank=True, help_text="The document it comes from.")
    previous_plan = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="next_plans"
    )

    class Meta:
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("strategy:plan", args=[self.slug])


@audited
class Principle(models.Model):
    """One of a plan's principles (e.g. the seven corporate parenting principles)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="principles")
    order = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.text[:80]


@audited
class GovernanceBody(models.Model):
    """A link in the governance chain, from the partnership down to the operational group."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="governance")
    order = models.PositiveSmallIntegerField(help_text="1 = the top of the chain.")
    name = models.CharField(max_length=200)
    role = models.TextField(blank=True)
    members = models.TextField(blank=True)

    class Meta:
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.name


@audited
class Priority(Timestamped, Versioned):
    """A priority (or objective, in older plans) of a plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="priorities")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    child_friendly = models.TextField(
        blank=True, help_text="The priority in the words young people chose."
    )
    progress_narrative = models.TextField(blank=True)
    slug = models.SlugField()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="unique_priority_number"),
            models.UniqueConstraint(fields=["plan", "slug"], name="unique_priority_slug"),
        ]
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return f"{self.plan.section_label} {self.number}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("strategy:priority", args=[self.plan.slug, self.slug])


class ActionQuerySet(models.QuerySet["Action"]):
    def with_status(self) -> ActionQuerySet:
        """Annotate `status` (newest rated update's RAG) and `last_update_on`."""
        rated = ProgressUpdate.objects.filter(action=OuterRef("pk"), rag__isnull=False).order_by(
            "-reported_on", "-id"
        )
        newest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by(
            "-reported_on", "-id"
        )
        return self.annotate(
            status_code=Subquery(rated.values("rag")[:1]),
            last_update_on=Subquery(newest.values("reported_on")[:1]),
        )

    def in_status(self, status: str) -> ActionQuerySet:
        """Items whose current status is `status` (a RAG code, or "none" for no progress
        reported). Call after `with_status()`."""
        if status == NO_PROGRESS_REPORTED:
            return self.filter(Q(status_code__isnull=True))
        return self.filter(Q(status_code=status))


@audited
class Action(Timestamped, Versioned):
    """An action in a plan, or a scrutiny recommendation the plan must report on."""

    class Kind(models.TextChoices):
        ACTION = "action", "Action"
        RECOMMENDATION = "recommendation", "Recommendation"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    priority = models.ForeignKey(
        Priority, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ACTION)
    reference = models.CharField(max_length=20, help_text='e.g. "1.3" or "R12".')
    title = models.TextField()
    aim = models.TextField(blank=True, help_text="The objective the action serves, if any.")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_actions",
        help_text="The person who updates this action.",
    )
    responsibility = models.CharField(
        max_length=300, blank=True, help_text="Who is responsible, as the plan names them."
    )
    timescale = models.CharField(max_length=100, blank=True, help_text="As the plan words it.")
    due_on = models.DateField(null=True, blank=True)
    intended_outcome = models.TextField(blank=True)
    source = models.CharField(max_length=300, blank=True)
    recommendations = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="addressed_by",
        limit_choices_to={"kind": "recommendation"},
        help_text="Scrutiny recommendations this action addresses.",
    )
    carried_from = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="carried_into",
        help_text="The same item in the previous plan, when it was carried forward.",
    )

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "priority__number", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "reference"], name="unique_action_reference"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("strategy:action", args=[self.pk])

    @property
    def status(self) -> str:
        """The current RAG code, or "none" for no progress reported."""
        annotated = getattr(self, "status_code", ...)
        if annotated is not ...:
            return annotated or NO_PROGRESS_REPORTED
        newest = self.updates.filter(rag__isnull=False).order_by("-reported_on", "-id").first()
        return newest.rag or NO_PROGRESS_REPORTED if newest else NO_PROGRESS_REPORTED

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    def history(self) -> QuerySet[ProgressUpdate]:
        """Every update of this item and of the items it was carried forward from, newest first."""
        ids = [self.pk]
        earlier = self.carried_from
        while earlier is not None:
            ids.append(earlier.pk)
            earlier = earlier.carried_from
        return (
            ProgressUpdate.objects.filter(action_id__in=ids)
            .select_related("action__plan", "author")
            .order_by("-reported_on", "-id")
        )


@audited
class ProgressUpdate(models.Model):
    """A progress report on an action: narrative and (optionally) a RAG. Never overwritten."""

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="updates")
    reported_on = models.DateField()
    narrative = models.TextField()
    # NULL, not "", means "not rated": a deliberate third state beside the RAG colours.
    rag = models.CharField(  # noqa: DJ001
        max_length=10, choices=Rag.choices, null=True, blank=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="progress_updates",
    )
    reported_by = models.CharField(
        max_length=300,
        blank=True,
        help_text="Who reported it when not a careboard user, e.g. a committee report.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reported_on", "-id"]

    def __str__(self) -> str:
        return f"{self.action.reference} on {self.reported_on}: {status_label(self.rag)}"

    @property
    def reporter(self) -> str:
        return str(self.author) if self.author else self.reported_by
