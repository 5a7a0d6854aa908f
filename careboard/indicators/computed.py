"""Values computed from the analytics store: run the engine, record the catalogue's figures.

`compute_results` runs `careboard.analytics.engine.compute_years` over the DuckDB store for
every loaded year (or the years asked for) in one pass, and adds the caveats of the
validation warnings kept in the store (`careboard.analytics.validation_caveats`: the
`data_quality` flag and a sentence in the note); `save_results` records them as
IndicatorValues of every catalogue entry whose code the registry knows, then refreshes those
entries' judgements.
Figures that are already recorded are left alone, so running it twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from careboard.analytics.engine import IndicatorResult, compute_years, loaded_years, stored_tables
from careboard.analytics.indicators import REGISTRY
from careboard.analytics.ssda903.store import Store, read_warnings
from careboard.analytics.validation_caveats import add_warnings
from careboard.indicators import judgements
from careboard.indicators.models import CatalogueEntry, ValueSource
from careboard.indicators.records import NewValue, record_value

Results = dict[int, dict[str, IndicatorResult]]


@dataclass
class ComputeReport:
    years: list[int] = field(default_factory=list)
    entries: int = 0
    recorded: int = 0
    unchanged: int = 0
    not_in_registry: list[str] = field(default_factory=list)
    not_in_catalogue: list[str] = field(default_factory=list)


def catalogue_codes() -> set[str]:
    return set(CatalogueEntry.objects.values_list("code", flat=True))


def compute_results(
    store_path: Path | str, years: Iterable[int] | None = None, codes: Iterable[str] | None = None
) -> Results:
    """Engine results per year; `years` defaults to every year loaded in the store."""
    store = Store(store_path)
    if not Path(store_path).exists():
        return {}
    backend = store.ibis()
    try:
        tables = stored_tables(backend)
        loaded = loaded_years(backend, tables)
        wanted = sorted(loaded if years is None else set(years) & loaded)
        chosen = sorted(set(REGISTRY) if codes is None else set(codes) & set(REGISTRY))
        results = compute_years(
            backend,
            wanted,
            tables=tables,
            codes=chosen,
            years_loaded=loaded,
            plans_dir=store.plans_dir,
        )
        warnings = read_warnings(backend.con)  # the same snapshot of the store
    finally:
        backend.disconnect()
    return add_warnings(results, warnings)


def save_results(results: Results, *, by: Any) -> ComputeReport:
    """Record the results for the catalogue entries the registry knows."""
    entries = [e for e in CatalogueEntry.objects.all() if e.code in REGISTRY]
    known = catalogue_codes()
    report = ComputeReport(
        years=sorted(results),
        entries=len(entries),
        not_in_registry=sorted(
            code
            for code in CatalogueEntry.objects.filter(source=CatalogueEntry.Source.SSDA903)
            .values_list("code", flat=True)
            .distinct()
            if code not in REGISTRY
        ),
        not_in_catalogue=sorted(set(REGISTRY) - known),
    )
    with transaction.atomic():
        for entry in entries:
            changed = False
            for year, by_code in sorted(results.items()):
                result = by_code.get(entry.code)
                if result is None:
                    continue
                row = record_value(
                    entry, year, _new_value(result), source=ValueSource.COMPUTED, by=by
                )
                if row is None:
                    report.unchanged += 1
                else:
                    report.recorded += 1
                    changed = True
            if changed or not entry.judgements.exists():
                judgements.refresh(entry)
    return report


def _new_value(result: IndicatorResult) -> NewValue:
    return NewValue(
        value=result.value,
        numerator=result.numerator,
        denominator=result.denominator,
        cohort_size=result.cohort_size,
        flags=tuple(result.flags),
        note=result.note or "",
    )


def compute_indicators(
    store_path: Path | str, years: Iterable[int] | None = None, *, by: Any = "compute_indicators"
) -> ComputeReport:
    """Compute from the store and record: what `manage.py compute_indicators` runs."""
    wanted = [e.code for e in CatalogueEntry.objects.all()]
    return save_results(compute_results(store_path, years, wanted), by=by)
