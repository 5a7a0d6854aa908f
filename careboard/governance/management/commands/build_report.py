"""Build a report from the command line.

python manage.py build_report scrutiny --plan action-plan-2014-16 --format docx --output r.docx
python manage.py build_report board-pack --meeting 3 --format pdf --output pack.pdf [--public]
python manage.py build_report progress-12-month --plan strategy-2022-25 --since 2022-04-01
python manage.py build_report child-friendly --plan strategy-2022-25 --format pdf --output s.pdf
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careboard.governance.models import Meeting
from careboard.governance.reports.board_pack import build_board_pack
from careboard.governance.reports.child_friendly import build_child_friendly
from careboard.governance.reports.kinds import (
    BOARD_PACK,
    CHILD_FRIENDLY,
    FORMATS,
    KINDS,
    PROGRESS,
    SCRUTINY,
    render,
)
from careboard.governance.reports.model import Report
from careboard.governance.reports.progress import build_progress_report
from careboard.governance.reports.scrutiny import build_scrutiny_report
from careboard.strategy.models import Plan


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"Write dates as YYYY-MM-DD, not {text!r}.") from error


class Command(BaseCommand):
    help = (
        "Build a board pack, scrutiny progress report, 12-month progress report or "
        "child-friendly summary as HTML, DOCX or tagged PDF."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=KINDS)
        parser.add_argument("--meeting", type=int, help="The meeting's id (board-pack).")
        parser.add_argument("--plan", help="The plan's slug (the other kinds).")
        parser.add_argument("--since", help="Start of a progress report, YYYY-MM-DD.")
        parser.add_argument("--until", help="End of a progress report, YYYY-MM-DD.")
        parser.add_argument(
            "--public",
            action="store_true",
            help="Mark for publication: disclosure control, people by role only.",
        )
        parser.add_argument("--format", dest="fmt", choices=list(FORMATS), default="docx")
        parser.add_argument("--output", type=Path, required=True, help="File to write.")

    def handle(self, *args: Any, **options: Any) -> None:
        report = self._build(options)
        data = render(report, options["fmt"])
        options["output"].write_bytes(data)
        self.stdout.write(f"Wrote {report.title} ({len(data):,} bytes) to {options['output']}")

    def _build(self, options: dict[str, Any]) -> Report:
        kind, public = options["kind"], options["public"]
        if kind == BOARD_PACK:
            meeting_id = options["meeting"]
            if meeting_id is None:
                raise CommandError("A board pack needs --meeting ID.")
            meeting = Meeting.objects.select_related("plan", "theme").filter(pk=meeting_id).first()
            if meeting is None:
                raise CommandError(f"There is no meeting with id {meeting_id}.")
            return build_board_pack(meeting, public=public)
        plan_slug = options["plan"]
        if not plan_slug:
            raise CommandError(f"A {kind} report needs --plan SLUG.")
        plan = Plan.objects.filter(slug=plan_slug).first()
        if plan is None:
            raise CommandError(f"There is no plan {plan_slug!r}.")
        if kind == PROGRESS:
            since = _day(options["since"]) if options["since"] else None
            until = _day(options["until"]) if options["until"] else None
            return build_progress_report(plan, since, until, public=public)
        if kind == CHILD_FRIENDLY:
            return build_child_friendly(plan)
        assert kind == SCRUTINY
        return build_scrutiny_report(plan)
