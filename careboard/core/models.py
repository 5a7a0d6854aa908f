"""Shared model pieces: timestamps, optimistic locking and the tamper-evident audit trail."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.conf import settings
from django.db import models


class Timestamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Versioned(models.Model):
    """A record edited by people: every save bumps `version` (see core.locking)."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class AuditEvent(models.Model):
    """One create, update or delete of an audited record, chained by hash to the one before.

    Changing, inserting or removing an event breaks the chain from that point on, which
    `manage.py check_audit_chain` reports.
    """

    class Action(models.TextChoices):
        CREATE = "create", "Created"
        UPDATE = "update", "Updated"
        DELETE = "delete", "Deleted"

    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(max_length=200)
    action = models.CharField(max_length=6, choices=Action.choices)
    model = models.CharField(max_length=100)
    object_pk = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=300)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["model", "object_pk"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.model} {self.object_pk} by {self.actor_label}"

    def payload(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "actor": self.actor_label,
            "action": self.action,
            "model": self.model,
            "object_pk": self.object_pk,
            "object_repr": self.object_repr,
            "before": self.before,
            "after": self.after,
        }

    def compute_hash(self) -> str:
        canonical = json.dumps(self.payload(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256((self.previous_hash + canonical).encode()).hexdigest()


class AuditChainHead(models.Model):
    """A single row holding the newest hash; locking it serialises writers to the chain."""

    hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return self.hash
