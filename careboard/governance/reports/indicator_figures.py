"""Indicator figures as reports print them, read from stored values and judgements.

Staff reports print exact figures. A report marked for publication sends every figure
through `careboard.indicators.publication.published` (disclosure control): a withheld
figure prints as "c" or "x" and its status and sentence are re-worded so that they give
nothing away either.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from careboard.charts import Point, value_text
from careboard.indicators.models import CatalogueEntry, IndicatorValue, Judgement
from careboard.indicators.periods import period_kind
from careboard.indicators.publication import published
from careboard.indicators.status_words import status_word
from careboard.strategy.models import Plan

NO_FIGURE = "No figure"
NO_BENCHMARK = "-"


@dataclass(frozen=True)
class PrintedFigure:
    """One indicator in one period, as a report prints it."""

    label: str  # the period, "2023-24"
    value: float | None  # None when there is no figure or it is withheld
    text: str  # "81%", "c", "x" or "No figure"
    status: str  # "green" / "amber" / "red", or "" for no status
    status_word: str  # always a word: "Green", "Contextual", "No target", "No status"
    sentence: str
    note: str
    england: str
    neighbours: str
    target: str

    def point(self) -> Point:
        symbol = self.text if self.text in ("c", "x") else ""
        return Point(self.label, self.value, symbol)


@dataclass
class PlanFigures:
    """A plan's catalogue with its current values and judgements, by entry id and year."""

    entries: list[CatalogueEntry]
    rows: dict[int, dict[int, IndicatorValue]] = field(default_factory=dict)
    judged: dict[int, dict[int, Judgement]] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        return sorted({year for by_year in self.rows.values() for year in by_year})

    def latest_year(self, on_or_before: int) -> int | None:
        """The newest period with a figure ending in or before the year `on_or_before`, else
        the oldest period there is (a meeting before any data still gets the first figures)."""
        years = self.years
        earlier = [year for year in years if year <= on_or_before]
        if earlier:
            return earlier[-1]
        return years[0] if years else None

    def figure(self, entry: CatalogueEntry, year: int, *, public: bool) -> PrintedFigure:
        return printed(
            entry,
            year,
            self.rows.get(entry.pk, {}).get(year),
            self.judged.get(entry.pk, {}).get(year),
            public=public,
        )


def plan_figures(plan: Plan) -> PlanFigures:
    """Every current value and judgement of the plan's catalogue, in three queries."""
    figures = PlanFigures(list(plan.indicators.select_related("priority")))
    rows: dict[int, dict[int, IndicatorValue]] = defaultdict(dict)
    for row in IndicatorValue.objects.filter(entry__plan=plan, is_current=True):
        rows[row.entry_id][row.year] = row
    judged: dict[int, dict[int, Judgement]] = defaultdict(dict)
    for judgement in Judgement.objects.filter(entry__plan=plan):
        judged[judgement.entry_id][judgement.year] = judgement
    figures.rows, figures.judged = dict(rows), dict(judged)
    return figures


def _benchmark(value: float | None, unit: str) -> str:
    return value_text(value, unit) if value is not None else NO_BENCHMARK


def printed(
    entry: CatalogueEntry,
    year: int,
    row: IndicatorValue | None,
    judgement: Judgement | None,
    *,
    public: bool,
) -> PrintedFigure:
    """The figure for `entry` in `year`; with `public`, under disclosure control."""
    label = judgement.period_label if judgement else period_kind(entry).label(year)
    unit = entry.unit
    status = judgement.status if judgement else ""
    sentence = judgement.sentence if judgement else ""
    value = row.value if row is not None else None
    note = ""
    if row is not None and public:
        row.entry = entry  # disclosure control reads the entry's unit
        shown = published(row, judgement)
        value, status, sentence, note = shown.value, shown.status, shown.sentence, shown.note or ""
        text = value_text(value, unit) if value is not None else shown.text
        if row.value is None:
            text = NO_FIGURE
    else:
        text = value_text(value, unit) if value is not None else NO_FIGURE
    if not sentence and row is None:
        sentence = "No figure recorded for this period yet."
    target = ""
    if judgement is not None and judgement.target_value is not None:
        target = value_text(judgement.target_value, unit)
    return PrintedFigure(
        label=label,
        value=value,
        text=text,
        status=status,
        status_word=status_word(entry, status, judgement),
        sentence=sentence,
        note=note,
        england=_benchmark(judgement.england if judgement else None, unit),
        neighbours=_benchmark(judgement.neighbours if judgement else None, unit),
        target=target or NO_BENCHMARK,
    )
