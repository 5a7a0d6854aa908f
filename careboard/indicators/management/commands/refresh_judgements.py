"""`manage.py refresh_judgements`: rebuild every stored judgement (after a new benchmark
snapshot, or a change to an entry's polarity or unit in the admin)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from careboard.indicators import judgements
from careboard.indicators.models import CatalogueEntry


class Command(BaseCommand):
    help = "Rebuild the stored RAG judgements of every catalogue entry from its values."

    def handle(self, *args: Any, **options: Any) -> None:
        count = 0
        for entry in CatalogueEntry.objects.all():
            count += len(judgements.refresh(entry))
        self.stdout.write(f"{count} judgement(s) rebuilt.")
