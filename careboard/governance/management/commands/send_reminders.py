"""Email owners about overdue actions and those due before the next meeting, and send the
board's officer a digest. Run it weekly from cron or a systemd timer (docs/operations.md).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from careboard.governance.reminders import send_reminders


class Command(BaseCommand):
    help = "Send action reminders to owners and the weekly digest to the board's officer."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--on", type=datetime.date.fromisoformat, help="Run as if today were this date."
        )
        parser.add_argument(
            "--no-digest", action="store_true", help="Remind owners only; no officer digest."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        on = options["on"] or timezone.localdate()
        run = send_reminders(on, digest=not options["no_digest"])
        self.stdout.write(
            f"Reminders for {on:%Y-%m-%d} (items due by {run.horizon:%Y-%m-%d}): "
            f"{sum(len(items) for items in run.sent.values())} items to {len(run.sent)} owners."
        )
        if run.owners_without_email:
            self.stdout.write(
                "No email address for: " + ", ".join(sorted(run.owners_without_email))
            )
        if run.digest_to:
            self.stdout.write(f"Digest sent to {run.digest_to}.")
        else:
            self.stdout.write("No digest: set CAREBOARD_BOARD_OFFICER_EMAIL to send one.")
