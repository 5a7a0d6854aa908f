"""`manage.py export_actions --format csv|xlsx [--plan SLUG] [--output FILE]`.

Writes the action tracker with the same exporter as the tracker page's download links.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careboard.strategy import exports, services
from careboard.strategy.models import Plan


class Command(BaseCommand):
    help = "Export every action and recommendation (or one plan's) as CSV or XLSX."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=sorted(exports.FORMATS), default="csv")
        parser.add_argument("--plan", help="Only this plan (its slug).")
        parser.add_argument(
            "--output", type=Path, help="File to write; CSV goes to standard output if omitted."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        fmt: str = options["format"]
        output: Path | None = options["output"]
        filters: dict[str, Any] = {}
        if options["plan"]:
            plan = Plan.objects.filter(slug=options["plan"]).first()
            if plan is None:
                raise CommandError(f"No plan with the slug {options['plan']!r}.")
            filters["plan"] = plan
        if output is None and fmt == "xlsx":
            raise CommandError("An XLSX export needs --output FILE.")
        actions = services.tracker_actions(filters)
        content = exports.export(actions, fmt)
        if output is None:
            self.stdout.write(content.decode("utf-8"), ending="")
            return
        output.write_bytes(content)
        self.stderr.write(f"Wrote {len(actions)} items to {output}.")
