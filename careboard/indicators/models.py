"""The indicator catalogue: the strategy's "Measuring Success" list, linked to priorities."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from careboard.core.audit import audited
from careboard.core.models import Timestamped


@audited
class CatalogueEntry(Timestamped):
    """One indicator the strategy measures success by, as the strategy words it.

    `code` links it to the analytics registry when 903 data can give it; otherwise the
    indicator is entered by hand (`source` = manual).
    """

    class Source(models.TextChoices):
        SSDA903 = "ssda903", "Computed from the SSDA903 return"
        MANUAL = "manual", "Entered by hand"

    class Polarity(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"
        CONTEXTUAL = "contextual", "Contextual (no target)"

    plan = models.ForeignKey("strategy.Plan", on_delete=models.CASCADE, related_name="indicators")
    priority = models.ForeignKey(
        "strategy.Priority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
        help_text="Empty for the vision indicators.",
    )
    order = models.PositiveSmallIntegerField()
    strategy_wording = models.CharField(max_length=300)
    code = models.SlugField(max_length=80)
    source = models.CharField(max_length=10, choices=Source.choices)
    unit = models.CharField(max_length=30, blank=True)
    polarity = models.CharField(max_length=12, choices=Polarity.choices)
    owner = models.CharField(max_length=200, blank=True)
    period = models.CharField(max_length=60, blank=True)
    definition = models.TextField(blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["plan", "priority__number", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="unique_catalogue_code"),
        ]
        verbose_name_plural = "catalogue entries"

    def __str__(self) -> str:
        return self.strategy_wording


class ValueSource(models.TextChoices):
    """Where an indicator value came from."""

    COMPUTED = "computed", "Computed from the SSDA903 return"
    MANUAL = "manual", "Entered by hand"
    UPLOAD = "upload", "Uploaded in the template"


class RagStatus(models.TextChoices):
    GREEN = "green", "Green"
    AMBER = "amber", "Amber"
    RED = "red", "Red"


class Recorded(models.Model):
    """Who recorded a row and when; `is_current` marks the row in force for its period.

    Rows are never edited in place: a new row for the same entry and year supersedes the
    current one (which keeps its values, with `superseded_at` set), so the history stays.
    """

    year = models.PositiveSmallIntegerField(
        help_text="The calendar year the period ends in: 2025 for 2024-25 or 2024/25."
    )
    period_label = models.CharField(max_length=20)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by_label = models.CharField(max_length=200)
    recorded_at = models.DateTimeField(default=timezone.now)
    is_current = models.BooleanField(default=True)
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


@audited
class IndicatorValue(Recorded):
    """One figure for a catalogue entry and period, computed, typed in or uploaded."""

    entry = models.ForeignKey(CatalogueEntry, on_delete=models.CASCADE, related_name="values")
    period_end = models.DateField()
    value = models.FloatField(null=True, blank=True, help_text="Empty when not derivable.")
    numerator = models.PositiveIntegerField(null=True, blank=True)
    denominator = models.PositiveIntegerField(null=True, blank=True)
    cohort_size = models.PositiveIntegerField(null=True, blank=True)
    flags = models.JSONField(default=list, blank=True)
    source = models.CharField(max_length=10, choices=ValueSource.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["entry", "-year", "-recorded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "year"],
                condition=models.Q(is_current=True),
                name="one_current_value_per_period",
            ),
        ]
        indexes = [models.Index(fields=["entry", "year", "is_current"])]

    def __str__(self) -> str:
        return f"{self.entry.code} {self.period_label}: {self.value}"


@audited
class Target(Recorded):
    """The value aimed at for a period, with the tolerance that still counts as Amber."""

    entry = models.ForeignKey(CatalogueEntry, on_delete=models.CASCADE, related_name="targets")
    value = models.FloatField()
    tolerance = models.FloatField(default=0)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["entry", "-year", "-recorded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "year"],
                condition=models.Q(is_current=True),
                name="one_current_target_per_period",
            ),
            models.CheckConstraint(
                condition=models.Q(tolerance__gte=0), name="target_tolerance_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entry.code} {self.period_label}: target {self.value} ± {self.tolerance}"


@audited
class StatusOverride(Recorded):
    """A RAG status set by hand for a period, always with the reason; a cleared override
    stays in the history with `is_current` false."""

    entry = models.ForeignKey(CatalogueEntry, on_delete=models.CASCADE, related_name="overrides")
    status = models.CharField(max_length=5, choices=RagStatus.choices)
    reason = models.TextField()

    class Meta:
        ordering = ["entry", "-year", "-recorded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "year"],
                condition=models.Q(is_current=True),
                name="one_current_override_per_period",
            ),
            models.CheckConstraint(condition=~models.Q(reason=""), name="override_needs_a_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.entry.code} {self.period_label}: set to {self.status} by hand"


class Judgement(models.Model):
    """The stored RAG judgement of one entry and period, with its benchmarks and sentence.

    Derived data, rebuilt by `careboard.indicators.judgements.refresh` whenever a value,
    target or override of the entry changes (the changes themselves are audited), so pages
    and the data feed read it without recomputing. `status` is empty when there is no RAG
    (contextual, no target, no value).
    """

    entry = models.ForeignKey(CatalogueEntry, on_delete=models.CASCADE, related_name="judgements")
    year = models.PositiveSmallIntegerField()
    period_label = models.CharField(max_length=20)
    value = models.FloatField(null=True, blank=True)
    status = models.CharField(max_length=5, choices=RagStatus.choices, blank=True)
    calculated_status = models.CharField(max_length=5, choices=RagStatus.choices, blank=True)
    sentence = models.TextField()
    override_reason = models.TextField(blank=True)
    target_value = models.FloatField(null=True, blank=True)
    target_tolerance = models.FloatField(null=True, blank=True)
    previous_value = models.FloatField(null=True, blank=True)
    england = models.FloatField(null=True, blank=True)
    region = models.FloatField(null=True, blank=True, help_text="North West, as DfE publishes.")
    neighbours = models.FloatField(
        null=True, blank=True, help_text="Statistical-neighbour average."
    )
    neighbours_counted = models.PositiveSmallIntegerField(default=0)
    quartile = models.CharField(max_length=1, blank=True)
    published_value = models.FloatField(
        null=True, blank=True, help_text="The council's own figure as DfE published it."
    )
    refreshed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["entry", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "year"], name="one_judgement_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.entry.code} {self.period_label}: {self.status or 'no RAG'}"

    @property
    def overridden(self) -> bool:
        return bool(self.override_reason)
