"""`manage.py load_demo`: load the seed-based demo data and print the demo sign-ins."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from careboard.demo.data.users import PASSWORD_ENV
from careboard.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo plans, recommendations, indicator catalogue and users (safe to re-run)."

    def handle(self, *args: Any, **options: Any) -> None:
        summary = load_demo()
        if summary.changed:
            for (model, what), count in sorted(summary.counts.items()):
                self.stdout.write(f"  {model}: {count} {what}")
        else:
            self.stdout.write("Demo data already loaded; nothing changed.")
        self.stdout.write(self.style.SUCCESS("Demo sign-ins (demo only, never use in production):"))
        width = max(len(username) for username, _, _ in summary.logins)
        for username, role, password in summary.logins:
            self.stdout.write(f"  {username:<{width}}  {password}  ({role})")
        self.stdout.write(f"Set {PASSWORD_ENV} to choose the demo password.")
