"""`manage.py check_audit_chain`: recompute the audit trail's hash chain; exit 1 if it is broken."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from careboard.core.audit import verify_chain
from careboard.core.models import AuditEvent


class Command(BaseCommand):
    help = "Verify that no audit event was changed, removed or inserted outside careboard."

    def handle(self, *args: Any, **options: Any) -> None:
        checked = AuditEvent.objects.count()
        breaks = verify_chain()
        if not breaks:
            self.stdout.write(self.style.SUCCESS(f"Checked {checked} audit events: chain intact."))
            return
        for problem in breaks:
            where = f"event {problem.event_id}" if problem.event_id else "chain head"
            self.stderr.write(f"Broken at {where}: {problem.reason}.")
        raise CommandError(
            f"Checked {checked} audit events: the chain is broken "
            f"({len(breaks)} problem{'s' if len(breaks) != 1 else ''}).",
            returncode=1,
        )
