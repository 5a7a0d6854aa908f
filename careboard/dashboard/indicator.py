"""One indicator for the board: "why is this red?" answered on one page.

The definition (catalogue and analytics registry), the chosen period's figure and reason,
the trend against the target band, the benchmark chart, the data tables, data-quality
notes, the target history and the priority's actions, all read from stored rows and the
shipped DfE benchmark snapshot (loaded once per process)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from careboard.analytics.indicators import REGISTRY
from careboard.analytics.indicators.registry import Indicator
from careboard.charts import Bar, Chart, TargetBand, benchmark_chart, trend_chart
from careboard.dashboard.figures import YearFigure, year_figure
from careboard.dashboard.years import YearChoice, choose
from careboard.indicators.judgements import comparison
from careboard.indicators.models import CatalogueEntry, Target
from careboard.indicators.periods import period_kind
from careboard.strategy.models import Action
from careboard.strategy.services import is_overdue, tracker_queryset


@dataclass(frozen=True)
class RelatedAction:
    action: Action
    overdue: bool


@dataclass
class IndicatorPage:
    entry: CatalogueEntry
    choice: YearChoice
    figures: list[YearFigure]
    current: YearFigure | None
    compared: YearFigure | None
    trend: Chart | None
    benchmark: Chart | None
    benchmark_label: str
    registry: Indicator | None
    quality_notes: list[str]
    targets: list[Target]
    actions: list[RelatedAction] = field(default_factory=list)


def trend_of(entry: CatalogueEntry, figures: list[YearFigure], council: str) -> Chart:
    targets = {
        f.label: TargetBand(f.target, f.tolerance or 0.0, entry.polarity)
        for f in figures
        if f.target is not None and entry.polarity in ("higher", "lower")
    }
    return trend_chart(
        [f.point() for f in figures],
        unit=entry.unit,
        title=f"{entry.strategy_wording}: trend",
        chart_id=f"trend-{entry.code}",
        targets=targets,
        england={f.label: f.england for f in figures},
        neighbours={f.label: f.neighbours for f in figures},
        council_name=council,
    )


def benchmark_of(
    entry: CatalogueEntry, year: int, figures: Mapping[int, YearFigure]
) -> tuple[Chart | None, str]:
    """The bar chart for the chosen period, or the latest earlier one DfE has published."""
    for candidate in range(year, year - 10, -1):
        compared = comparison(entry.code, candidate)
        if compared is not None:
            break
    else:
        return None, ""
    label = period_kind(entry).label(candidate)
    own = figures.get(candidate)
    council_value = own.value if own is not None else compared.value.value
    council_symbol = "" if council_value is not None else (compared.value.symbol or "")
    bars = [
        Bar(compared.council.name, council_value, "council", council_symbol),
        Bar("England", compared.england.value, "england", compared.england.symbol or ""),
        Bar(
            f"Statistical neighbours (average of {compared.neighbours_with_value})",
            compared.neighbour_average,
            "average",
        ),
        *(
            Bar(n.area.name, n.figure.value, "neighbour", n.figure.symbol or "")
            for n in compared.neighbours
        ),
    ]
    chart = benchmark_chart(
        bars,
        unit=entry.unit,
        title=f"{entry.strategy_wording}: compared with England and statistical neighbours",
        chart_id=f"benchmark-{entry.code}",
        period=label,
    )
    return chart, label


def quality_notes(
    entry: CatalogueEntry, figures: list[YearFigure], registry: Indicator | None
) -> list[str]:
    notes = []
    for figure in figures:
        if figure.state in ("not_derivable", "empty_cohort"):
            why = f": {figure.note}" if figure.note else ""
            notes.append(f"{figure.label}: {figure.state_words.lower()}{why}")
        if figure.caveat:
            notes.append(f"{figure.label}: data-quality caveat: {figure.caveat}")
        if figure.publication_note:
            notes.append(f"{figure.label}: if published, {figure.publication_note}")
    if registry is not None and registry.caveat:
        notes.append(f"About this indicator: {registry.caveat}")
    if entry.note:
        notes.append(entry.note)
    return notes


def related_actions(entry: CatalogueEntry) -> list[RelatedAction]:
    if entry.priority_id is None:
        return []
    actions = tracker_queryset().filter(plan=entry.plan_id, priority=entry.priority_id)
    return [RelatedAction(a, is_overdue(a)) for a in actions]


def indicator_page(entry: CatalogueEntry, query: Mapping[str, str], council: str) -> IndicatorPage:
    rows = {v.year: v for v in entry.values.filter(is_current=True)}
    judged = {j.year: j for j in entry.judgements.all()}
    choice = choose(set(rows) | set(judged), query)
    registry = REGISTRY.get(entry.code)
    targets = list(Target.objects.filter(entry=entry).order_by("-year", "-recorded_at"))
    if choice.year is None:
        return IndicatorPage(entry, choice, [], None, None, None, None, "", registry, [], targets)
    years = choice.window(min(rows) if rows else None)
    figures = [year_figure(entry, y, rows.get(y), judged.get(y)) for y in years]
    by_year = {f.year: f for f in figures}
    compared = None
    if choice.compare is not None:
        compared = by_year.get(choice.compare) or year_figure(
            entry, choice.compare, rows.get(choice.compare), judged.get(choice.compare)
        )
    benchmark, benchmark_label = benchmark_of(entry, choice.year, by_year)
    return IndicatorPage(
        entry=entry,
        choice=choice,
        figures=figures,
        current=figures[-1],
        compared=compared,
        trend=trend_of(entry, figures, council),
        benchmark=benchmark,
        benchmark_label=benchmark_label,
        registry=registry,
        quality_notes=quality_notes(entry, figures, registry),
        targets=targets,
        actions=related_actions(entry),
    )
