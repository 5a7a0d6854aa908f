"""What children and young people tell the board, and what the board does about it.

Nothing a child writes is ever published as written: public pages and the API show only
staff-written "you said, we did" entries and suppressed counts.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from careboard.core.audit import audited
from careboard.core.models import Timestamped, Versioned


class About(models.TextChoices):
    """What feedback is about, in the words young people chose for the priorities."""

    HEALTH = "health", "Being happy and healthy"
    INDEPENDENCE = "independence", "Learning life skills and getting ready for 18"
    HOMES = "homes", "Having a good home with the right people"
    EDUCATION = "education", "School, college and work"
    OTHER = "other", "Something else"


ABOUT_PRIORITY_NUMBER = {
    About.HEALTH: 1,
    About.INDEPENDENCE: 2,
    About.HOMES: 3,
    About.EDUCATION: 4,
}


class AgeBand(models.TextChoices):
    UNDER_11 = "under_11", "10 or under"
    AGE_11_15 = "11_15", "11 to 15"
    AGE_16_17 = "16_17", "16 or 17"
    AGE_18_21 = "18_21", "18 to 21"
    AGE_22_25 = "22_25", "22 to 25"


@audited
class Feedback(Timestamped, Versioned):
    """One anonymous piece of feedback from the public form, or entered for a group."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        TRIAGED = "triaged", "Triaged"
        RESPONDED = "responded", "Responded"
        CLOSED = "closed", "Closed"

    class Sentiment(models.TextChoices):
        POSITIVE = "positive", "Positive"
        MIXED = "mixed", "Mixed"
        NEGATIVE = "negative", "Negative"

    about = models.CharField(max_length=20, choices=About.choices)
    whats_good = models.TextField(blank=True)
    whats_not_good = models.TextField(blank=True)
    ideas = models.TextField(blank=True)
    age_band = models.CharField(max_length=10, choices=AgeBand.choices, blank=True)
    wants_contact = models.BooleanField(default=False)

    urgent = models.BooleanField(default=False)
    signals = models.JSONField(default=list, blank=True)
    alert_sent_at = models.DateTimeField(null=True, blank=True)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    theme = models.CharField(max_length=100, blank=True)
    priority = models.ForeignKey(
        "strategy.Priority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    sentiment = models.CharField(max_length=10, choices=Sentiment.choices, blank=True)
    staff_notes = models.TextField(blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    # The audit trail records what staff did, never what the child wrote.
    audit_redact = ("whats_good", "whats_not_good", "ideas")

    class Meta:
        ordering = ["-urgent", "created_at"]
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return f"Feedback #{self.pk} ({self.get_status_display()})"


class ContactRequest(models.Model):
    """How to reach a young person who asked to be contacted. Kept apart from what they said
    and shown only to participation workers and safeguarding leads."""

    feedback = models.OneToOneField(Feedback, on_delete=models.CASCADE, related_name="contact")
    name = models.CharField(max_length=100)
    how = models.CharField(max_length=300, help_text="Phone, email or a trusted adult.")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Contact request for feedback #{self.feedback_id}"


class SubmissionCount(models.Model):
    """How many times one (hashed) address used the public form in a time window.

    Flood protection without cookies or accounts; the address itself is never stored.
    """

    key = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="unique_window"),
        ]

    def __str__(self) -> str:
        return f"{self.count} since {self.window_start}"


@audited
class YouSaidWeDid(Timestamped, Versioned):
    """A staff-written answer to what young people said, published once approved."""

    priority = models.ForeignKey(
        "strategy.Priority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="you_said_we_did",
    )
    action = models.ForeignKey(
        "strategy.Action",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="you_said_we_did",
        help_text="The action this led to, if any.",
    )
    you_said = models.TextField(help_text="What young people told us, in staff's words.")
    we_did = models.TextField(help_text="What changed because of it.")
    approved = models.BooleanField(default=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = "you said, we did"
        verbose_name_plural = "you said, we did"

    def __str__(self) -> str:
        return self.you_said[:80]
