"""`manage.py compute_indicators`: compute the 903 indicators from the analytics store."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from careboard.analytics.ssda903.store import Store
from careboard.core.audit_context import acting_as
from careboard.indicators.computed import compute_indicators

ACTOR = "compute_indicators"


class Command(BaseCommand):
    help = (
        "Compute every catalogue indicator the 903 data gives, for each year in the analytics "
        "store, and record the values (safe to re-run: unchanged figures are left alone)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--store",
            type=Path,
            default=None,
            help="DuckDB analytics store (default: the CAREBOARD_ANALYTICS_STORE setting)",
        )
        parser.add_argument(
            "--years",
            type=int,
            nargs="+",
            default=None,
            help="collection years by the year they end, e.g. 2024 2025 (default: all loaded)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["store"] or settings.CAREBOARD_ANALYTICS_STORE)
        if not path.exists():
            raise CommandError(f"No analytics store at {path}: import a 903 return first.")
        loaded = Store(path).years()
        asked = options["years"]
        if asked:
            missing = sorted(set(asked) - set(loaded))
            if missing:
                raise CommandError(
                    f"Not in the store: {', '.join(map(str, missing))} "
                    f"(loaded: {', '.join(map(str, loaded)) or 'none'})."
                )
        started = time.perf_counter()
        with acting_as(ACTOR):
            report = compute_indicators(path, asked)
        seconds = time.perf_counter() - started
        years = ", ".join(map(str, report.years)) or "none"
        self.stdout.write(
            f"Years {years}: {report.entries} catalogue entries, {report.recorded} value(s) "
            f"recorded, {report.unchanged} unchanged ({seconds:.1f} s)."
        )
        if report.not_in_registry:
            self.stdout.write(
                "Catalogue entries marked as 903 that the registry cannot compute: "
                + ", ".join(report.not_in_registry)
            )
        if report.not_in_catalogue:
            self.stdout.write(
                "Computed indicators not in any catalogue (not recorded): "
                + ", ".join(report.not_in_catalogue)
            )
