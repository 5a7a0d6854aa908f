"""What children and young people tell the board, and what the board does about it.

Nothing a child writes is ever published as written: public pages and the API show only
staff-written "you said, we did" entries and suppressed counts.
"""

from __future__ import annotations

from datetime import date

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
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
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


@audited
class Consultation(Timestamped, Versioned):
    """A question put to young people, e.g. the care councils' consultation on the priorities.

    Questions are multiple choice: anything young people want to say in their own words goes
    through the feedback form, so that one triage path reads every free-text answer.
    """

    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    purpose = models.TextField(help_text="Shown to young people: why we ask, in plain words.")
    opens_on = models.DateField()
    closes_on = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-opens_on"]

    def __str__(self) -> str:
        return self.title

    def is_open(self, today: date) -> bool:
        return self.opens_on <= today <= self.closes_on


class ConsultationQuestion(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="questions"
    )
    order = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=300)
    choices = models.JSONField(help_text="The answers to choose from, in order.")

    class Meta:
        ordering = ["consultation", "order"]

    def __str__(self) -> str:
        return self.text


class ConsultationResponse(models.Model):
    """One young person's answers, online or entered by staff on behalf of a group."""

    class Channel(models.TextChoices):
        ONLINE = "online", "Online"
        ON_BEHALF = "on_behalf", "Entered by staff for a group session"

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="responses"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    session_note = models.CharField(max_length=200, blank=True)
    answers = models.JSONField(help_text="Question id (text) -> index of the chosen answer.")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Response {self.pk} to {self.consultation}"


class Council(models.TextChoices):
    CLA = "cla", "Children Looked After Council"
    CARE_LEAVERS = "care_leavers", "Care Leavers Council"


@audited
class CareCouncilVerdict(Timestamped):
    """What a care council told the board: has this got better, stayed the same or worse?"""

    class Verdict(models.TextChoices):
        BETTER = "better", "Better"
        SAME = "same", "The same"
        WORSE = "worse", "Worse"

    council = models.CharField(max_length=20, choices=Council.choices)
    heard_on = models.DateField(help_text="The board meeting where the council gave its view.")
    priority = models.ForeignKey(
        "strategy.Priority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="verdicts",
    )
    action = models.ForeignKey(
        "strategy.Action",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="verdicts",
    )
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    what_they_said = models.TextField(help_text="The council's view, as agreed with them.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-heard_on", "council"]

    def __str__(self) -> str:
        return f"{self.get_council_display()}, {self.heard_on}: {self.get_verdict_display()}"
