"""The indicator catalogue: the strategy's "Measuring Success" list, linked to priorities."""

from __future__ import annotations

from django.db import models

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
        "strategy.Priority", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="indicators", help_text="Empty for the vision indicators.",
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
