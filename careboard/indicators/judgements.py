"""The stored RAG judgements: one row per entry and period, rebuilt when its inputs change.

`refresh(entry)` judges every period that has a current value or target with
`careboard.analytics.rag.judge`: the value against the target and tolerance in the entry's
polarity, the change on the previous period's value, and the DfE benchmark snapshot's
England and statistical-neighbour average for the council, and the quartile the value would
have among all councils' published figures (where the snapshot has the indicator and
year). A status set by hand replaces the calculated one and the sentence says so. The
snapshot is loaded once per process.
"""

from __future__ import annotations

import math

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from careboard.analytics.benchmarks.snapshot import WIRRAL, Comparison, shipped_snapshot
from careboard.analytics.rag import Benchmarks, Previous, Status, judge
from careboard.analytics.rag import Target as RagTarget
from careboard.indicators.models import (
    CatalogueEntry,
    IndicatorValue,
    Judgement,
    StatusOverride,
    Target,
)
from careboard.indicators.periods import period_kind, rag_unit

STATUS_CODES = {Status.GREEN: "green", Status.AMBER: "amber", Status.RED: "red"}
STATUS_BY_CODE = {code: status for status, code in STATUS_CODES.items()}


def council_code() -> str:
    """The council's ONS code in the benchmark snapshot (setting CAREBOARD_LA_CODE)."""
    return str(getattr(settings, "CAREBOARD_LA_CODE", WIRRAL))


def comparison(code: str, year: int) -> Comparison | None:
    """The snapshot's comparison for the council, or None if DfE published nothing for it."""
    snapshot = shipped_snapshot()
    la = council_code()
    if la not in snapshot.areas or year not in snapshot.years(code):
        return None
    return snapshot.compare(code, year, la)


def quartile_of(value: float | None, code: str, year: int, polarity: str) -> str:
    """Where `value` would rank among the councils' published figures for the year: "A" (the
    best quarter) to "D", ranked as the snapshot ranks (ties share the better rank);
    empty for contextual indicators or when nothing is published."""
    if value is None or polarity not in ("higher", "lower"):
        return ""
    published = [
        figure.value
        for figure in shipped_snapshot().la_values(code, year).values()
        if figure.value is not None
    ]
    if not published:
        return ""
    if polarity == "higher":
        better = sum(1 for number in published if number > value)
    else:
        better = sum(1 for number in published if number < value)
    band = min(4, math.ceil(4 * (better + 1) / len(published)))
    return "ABCD"[band - 1]


def refresh(entry: CatalogueEntry) -> list[Judgement]:
    """Rebuild the entry's stored judgements from its current values, targets and overrides."""
    values = {v.year: v for v in IndicatorValue.objects.filter(entry=entry, is_current=True)}
    targets = {t.year: t for t in Target.objects.filter(entry=entry, is_current=True)}
    overrides = {o.year: o for o in StatusOverride.objects.filter(entry=entry, is_current=True)}
    years = sorted(set(values) | set(targets))
    kind = period_kind(entry)
    unit = rag_unit(entry)
    rows: list[Judgement] = []
    with transaction.atomic():
        Judgement.objects.filter(entry=entry).exclude(year__in=years).delete()
        for year in years:
            value = values[year].value if year in values else None
            earlier = values.get(year - 1)
            target = targets.get(year)
            override = overrides.get(year)
            benchmarks = comparison(entry.code, year)
            quartile = quartile_of(value, entry.code, year, entry.polarity)
            rag_benchmarks = Benchmarks(
                england=benchmarks.england.value if benchmarks else None,
                neighbours=benchmarks.neighbour_average if benchmarks else None,
                quartile=quartile or None,
            )
            result = judge(
                value,
                year=year,
                unit=unit,
                polarity=entry.polarity,
                target=RagTarget(target.value, target.tolerance) if target else None,
                previous=Previous(year - 1, earlier.value) if earlier is not None else None,
                benchmarks=rag_benchmarks,
                override=STATUS_BY_CODE[override.status] if override else None,
                override_reason=override.reason if override else None,
            )
            judgement, _ = Judgement.objects.update_or_create(
                entry=entry,
                year=year,
                defaults={
                    "period_label": kind.label(year),
                    "value": value,
                    "status": STATUS_CODES.get(result.status, "") if result.status else "",
                    "calculated_status": (
                        STATUS_CODES[result.calculated] if result.calculated else ""
                    ),
                    "sentence": result.sentence,
                    "override_reason": result.override_reason or "",
                    "target_value": target.value if target else None,
                    "target_tolerance": target.tolerance if target else None,
                    "previous_value": earlier.value if earlier is not None else None,
                    "england": benchmarks.england.value if benchmarks else None,
                    "region": benchmarks.region_value.value if benchmarks else None,
                    "neighbours": benchmarks.neighbour_average if benchmarks else None,
                    "neighbours_counted": benchmarks.neighbours_with_value if benchmarks else 0,
                    "quartile": quartile,
                    "published_value": benchmarks.value.value if benchmarks else None,
                    "refreshed_at": timezone.now(),
                },
            )
            rows.append(judgement)
    return rows
