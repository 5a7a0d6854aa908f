"""Build a report from the command line.

python manage.py build_report scrutiny --plan action-plan-2014-16 --format docx --output r.docx
python manage.py build_report board-pack --meeting 3 --format pdf --output pack.pdf
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careboard.governance.models import Meeting
from careboard.governance.reports.board_pack import build_board_pack
from careboard.governance.reports.kinds import BOARD_PACK, FORMATS, KINDS, SCRUTINY, render
from careboard.governance.reports.model import Report
from careboard.governance.reports.scrutiny import build_scrutiny_report
from careboard.strategy.models import Plan


class Command(BaseCommand):
    help = "Build a board pack or a scrutiny progress report as HTML, DOCX or tagged PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=KINDS)
        parser.add_argument("--meeting", type=int, help="The meeting's id (board-pack).")
        parser.add_argument("--plan", help="The plan's slug (scrutiny).")
        parser.add_argument("--format", dest="fmt", choices=list(FORMATS), default="docx")
        parser.add_argument("--output", type=Path, required=True, help="File to write.")

    def handle(self, *args: Any, **options: Any) -> None:
        report = self._build(options["kind"], options["meeting"], options["plan"])
        data = render(report, options["fmt"])
        options["output"].write_bytes(data)
        self.stdout.write(f"Wrote {report.title} ({len(data):,} bytes) to {options['output']}")

    def _build(self, kind: str, meeting_id: int | None, plan_slug: str | None) -> Report:
        if kind == BOARD_PACK:
            if meeting_id is None:
                raise CommandError("A board pack needs --meeting ID.")
            meeting = Meeting.objects.select_related("plan", "theme").filter(pk=meeting_id).first()
            if meeting is None:
                raise CommandError(f"There is no meeting with id {meeting_id}.")
            return build_board_pack(meeting)
        assert kind == SCRUTINY
        if not plan_slug:
            raise CommandError("A scrutiny report needs --plan SLUG.")
        plan = Plan.objects.filter(slug=plan_slug).first()
        if plan is None:
            raise CommandError(f"There is no plan {plan_slug!r}.")
        return build_scrutiny_report(plan)
