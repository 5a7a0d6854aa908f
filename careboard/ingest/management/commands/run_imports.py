"""Work through the import queue: check uploaded returns, store confirmed ones.

    manage.py run_imports            # keep watching, every few seconds (a worker process)
    manage.py run_imports --once     # do what is queued now, then stop (cron, tests)

Runs that a killed worker left half-done (checking or storing for longer than --stale
minutes) are marked failed, so nobody waits for them forever; the store itself keeps the
previous data live when a load is killed.
"""

from __future__ import annotations

import datetime
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Q
from django.utils import timezone

from careboard.ingest import services
from careboard.ingest.models import ImportRun, Status


class Command(BaseCommand):
    help = "Check uploaded 903 returns and store confirmed ones (the import worker)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="process the queue and stop")
        parser.add_argument("--every", type=float, default=3.0, help="seconds between looks")
        parser.add_argument(
            "--stale", type=int, default=120, help="minutes after which a started step failed"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            failed = fail_stale_runs(datetime.timedelta(minutes=options["stale"]))
            done = services.process_queue()
            if done or failed:
                self.stdout.write(f"{done} step(s) done, {failed} stale run(s) marked failed")
            if options["once"]:
                return
            time.sleep(options["every"])


def fail_stale_runs(age: datetime.timedelta) -> int:
    cutoff = timezone.now() - age
    stale = ImportRun.objects.filter(
        Q(status=Status.CHECKING, started_at__lt=cutoff)
        | Q(status=Status.IMPORTING, confirmed_at__lt=cutoff)
    )
    count = 0
    for run in stale:
        run.status = Status.FAILED
        run.finished_at = timezone.now()
        run.message = (
            "The import stopped part-way (the worker was stopped or the machine restarted). "
            "The data stored before is still in use; upload the return again."
        )
        run.save()
        count += 1
    return count
