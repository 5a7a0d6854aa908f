"""Delete the files and findings of imports that ended more than --days days ago.

Uploaded returns hold children's records, and findings quote masked values from them, so
neither is kept longer than needed; the ImportRun itself (who, when, counts, outcome) stays.

    manage.py clean_imports              # CAREBOARD_IMPORT_KEEP_DAYS (default 30)
    manage.py clean_imports --days 7
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from careboard.ingest import conf, services
from careboard.ingest.models import FINISHED, ImportRun, Status


class Command(BaseCommand):
    help = "Delete uploaded 903 files and findings of imports that ended long ago."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=None, help="keep this many days")

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"] if options["days"] is not None else conf.keep_days()
        cutoff = timezone.now() - datetime.timedelta(days=days)
        old = ImportRun.objects.filter(
            status__in=FINISHED, finished_at__lt=cutoff, files_removed_at__isnull=True
        )
        count = 0
        for run in ImportRun.objects.filter(status=Status.CHECKED, checked_at__lt=cutoff):
            count += services.cancel(run)  # checked but never confirmed: abandoned
        for run in old:
            services.remove_files(run)
            count += 1
        self.stdout.write(
            f"Removed the files of {count} import(s) that ended before {cutoff:%d %B %Y}."
        )
