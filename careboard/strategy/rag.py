"""RAG statuses for actions and recommendations: always a word as well as a colour."""

from __future__ import annotations

from django.db import models


class Rag(models.TextChoices):
    GREEN = "green", "Green"
    AMBER = "amber", "Amber"
    RED = "red", "Red"


# What each status means for an action (seed 003's own definitions).
RAG_MEANINGS = {
    Rag.GREEN: "Completed",
    Rag.AMBER: "In progress: further work needed, carried forward",
    Rag.RED: "No progress",
}

NO_PROGRESS_REPORTED = "none"
NO_PROGRESS_REPORTED_LABEL = "No progress reported"

STATUS_CHOICES = [*Rag.choices, (NO_PROGRESS_REPORTED, NO_PROGRESS_REPORTED_LABEL)]
STATUS_LABELS = dict(STATUS_CHOICES)


def status_label(status: str | None) -> str:
    return STATUS_LABELS[status or NO_PROGRESS_REPORTED]
