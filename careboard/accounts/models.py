"""People who use the staff site, each with one role (security.md)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from careboard.core.audit import audited


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", "Administrator"
    BOARD_MEMBER = "board_member", "Board member"
    ACTION_OWNER = "action_owner", "Action owner"
    PERFORMANCE_ANALYST = "performance_analyst", "Performance analyst"
    PARTICIPATION_WORKER = "participation_worker", "Participation worker"
    SAFEGUARDING_LEAD = "safeguarding_lead", "Safeguarding lead"
    AUDITOR = "auditor", "Read-only auditor"


@audited
class User(AbstractUser):
    """A member of staff. Changes to accounts (role, active, names) go into the audit trail;
    the password hash and sign-in times are kept out of it."""

    audit_redact = ("password", "last_login")

    role = models.CharField(max_length=32, choices=Role.choices, default=Role.BOARD_MEMBER)
    job_title = models.CharField(max_length=200, blank=True)
    team = models.CharField(
        max_length=200, blank=True, help_text="Team or service, for actions owned by a team."
    )

    def __str__(self) -> str:
        return self.get_full_name() or self.username
