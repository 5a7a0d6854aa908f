"""`manage.py load_demo_indicators`: demo indicator values for the loaded demo strategy."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from careboard.core.audit_context import acting_as
from careboard.demo.indicator_data import load_indicator_values

ACTOR = "load_demo"


class Command(BaseCommand):
    help = (
        "Fill an empty analytics store with a synthetic council (six years), compute the "
        "indicators and add illustrative targets and manual values (safe to re-run). "
        "Run after load_demo."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        with acting_as(ACTOR), transaction.atomic():
            counts = load_indicator_values(ACTOR, progress=self.stdout.write)
        seconds = time.perf_counter() - started
        if counts:
            for (model, what), count in sorted(counts.items()):
                self.stdout.write(f"  {model}: {count} {what}")
        else:
            self.stdout.write("Demo indicator values already loaded; nothing changed.")
        self.stdout.write(f"Done in {seconds:.1f} s.")
