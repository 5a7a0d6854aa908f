"""API tokens: created by administrators, stored hashed, read-only, revocable."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from careboard.core.audit import audited

PREFIX_LENGTH = 8
# Writing last_used_at on every call would turn reads into writes; once a minute is enough.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@audited
class ApiToken(models.Model):
    name = models.CharField(max_length=100, help_text="Who uses it, e.g. 'Power BI, D&I team'.")
    prefix = models.CharField(max_length=PREFIX_LENGTH, unique=True)
    key_hash = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, name: str, created_by: object) -> tuple[ApiToken, str]:
        """Create a token; the full key is returned once and never stored."""
        prefix = secrets.token_hex(PREFIX_LENGTH // 2)
        secret = secrets.token_urlsafe(32)
        token = cls.objects.create(
            name=name, prefix=prefix, key_hash=_digest(secret), created_by=created_by
        )
        return token, f"cb_{prefix}_{secret}"

    @classmethod
    def authenticate(cls, key: str) -> ApiToken | None:
        try:
            marker, prefix, secret = key.split("_", 2)
        except ValueError:
            return None
        if marker != "cb":
            return None
        token = cls.objects.filter(prefix=prefix, revoked_at__isnull=True).first()
        if token is None or not secrets.compare_digest(token.key_hash, _digest(secret)):
            return None
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
            cls.objects.filter(pk=token.pk).update(last_used_at=now)
        return token

    def revoke(self) -> None:
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])
