"""`manage.py load_demo`: load the seed-based demo data and print the demo sign-ins."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from careboard.demo.data.users import PASSWORD_ENV
from careboard.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo plans, recommendations, indicator catalogue and users (safe to re-run)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--with-indicators",
            action="store_true",
            help="Also build a synthetic council's 903 store and its indicator values "
            "(load_demo_indicators; about 30 s the first time). `make demo` uses this.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        summary = load_demo()
        if summary.changed:
            for (model, what), count in sorted(summary.counts.items()):
                self.stdout.write(f"  {model}: {count} {what}")
        else:
            self.stdout.write("Demo data already loaded; nothing changed.")
        if options["with_indicators"]:
            call_command("load_demo_indicators", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo sign-ins (demo only, never use in production):"))
        width = max(len(username) for username, _, _ in summary.logins)
        for username, role, password in summary.logins:
            self.stdout.write(f"  {username:<{width}}  {password}  ({role})")
        self.stdout.write(f"Set {PASSWORD_ENV} to choose the demo password.")
