"""An import of one 903 return: its files, how checking went, what was found, what was stored.

A run moves through: uploaded -> checking -> checked (no errors; waits for someone to
confirm) or refused (errors block it) -> confirmed -> importing -> imported. Anything that
goes wrong on the way ends in failed; someone may cancel a checked or refused run, which
discards its files. Progress counts are written with queryset updates, so the audit trail
records each change of status, not every few thousand rows read.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from careboard.core.audit import audited


class Status(models.TextChoices):
    UPLOADED = "uploaded", "Waiting to be checked"
    CHECKING = "checking", "Checking"
    CHECKED = "checked", "Ready to confirm"
    REFUSED = "refused", "Refused"
    CONFIRMED = "confirmed", "Waiting to be stored"
    IMPORTING = "importing", "Storing"
    IMPORTED = "imported", "Imported"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"


WORKING = frozenset({Status.UPLOADED, Status.CHECKING, Status.CONFIRMED, Status.IMPORTING})
FINISHED = frozenset({Status.IMPORTED, Status.REFUSED, Status.FAILED, Status.CANCELLED})


def collection_year_label(year: int) -> str:
    """2025 -> "2024-25 (ending March 2025)"."""
    return f"{year - 1}-{str(year)[2:]} (ending March {year})"


@audited
class ImportRun(models.Model):
    year = models.PositiveSmallIntegerField("collection year (the year it ends)")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.UPLOADED)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # [{"name": "episodes.csv", "size": 12345}, ...] as they were uploaded.
    files = models.JSONField(default=list)
    folder = models.CharField(max_length=64, help_text="under CAREBOARD_IMPORT_DIR")
    files_removed_at = models.DateTimeField(null=True, blank=True)

    rows_read = models.PositiveIntegerField(default=0)
    rows_checked = models.PositiveIntegerField(default=0)
    rows_by_table = models.JSONField(default=dict)
    errors = models.PositiveIntegerField(default=0)
    warnings = models.PositiveIntegerField(default=0)
    stored_rows = models.JSONField(default=dict)

    started_at = models.DateTimeField(null=True, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    check_seconds = models.FloatField(null=True, blank=True)
    store_seconds = models.FloatField(null=True, blank=True)
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"Import {self.pk}: {self.year_label} ({self.get_status_display()})"

    @property
    def year_label(self) -> str:
        return collection_year_label(self.year)

    @property
    def file_names(self) -> str:
        return ", ".join(str(f["name"]) for f in self.files)

    @property
    def total_size(self) -> int:
        return sum(int(f["size"]) for f in self.files)

    @property
    def is_working(self) -> bool:
        return self.status in WORKING

    @property
    def can_confirm(self) -> bool:
        return self.status == Status.CHECKED and self.errors == 0

    @property
    def can_cancel(self) -> bool:
        return self.status in (Status.CHECKED, Status.REFUSED)

    @property
    def rows_stored(self) -> int:
        return sum(int(n) for n in self.stored_rows.values())


class ImportFinding(models.Model):
    """One finding of the reader or the validator; `value` is already masked (findings.mask)."""

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="findings")
    rule_id = models.CharField(max_length=40)
    severity = models.CharField(max_length=7)
    table = models.CharField(max_length=40, blank=True)
    file = models.CharField(max_length=255, blank=True)
    row = models.PositiveIntegerField(null=True, blank=True)
    column = models.CharField(max_length=64, blank=True)
    value = models.CharField(max_length=200, blank=True)
    message = models.TextField()

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["run", "severity", "table"])]

    def __str__(self) -> str:
        return f"{self.severity} {self.rule_id} at {self.table or 'return'} row {self.row}"


@audited
class ReportView(models.Model):
    """Someone looked at (or downloaded) a run's findings, which hold masked personal values."""

    class How(models.TextChoices):
        PAGE = "page", "Read the report"
        CSV = "csv", "Downloaded the findings"

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="views")
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    how = models.CharField(max_length=4, choices=How.choices)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.viewer} - {self.get_how_display()} - import {self.run_id}"
