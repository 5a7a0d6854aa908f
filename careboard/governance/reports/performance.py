"""The indicator parts of a board pack: every indicator of the plan with its figure, RAG word
and reason, England and statistical neighbours, grouped by priority; and the themed
priority's indicators over the last five periods, as a chart and a table."""

from __future__ import annotations

from dataclasses import dataclass

from careboard.charts import Chart as ChartDrawing
from careboard.charts import TargetBand, trend_chart
from careboard.governance.reports.indicator_figures import PlanFigures, PrintedFigure
from careboard.governance.reports.model import (
    BulletList,
    Cell,
    Chart,
    Paragraph,
    RagCell,
    Section,
    Table,
)
from careboard.indicators.models import CatalogueEntry
from careboard.strategy.models import Plan, Priority

TREND_YEARS = 5


def year_label(year: int) -> str:
    """A period by the year it ends in, as the dashboard's selector writes it: "2024-25"."""
    return f"{year - 1}-{year % 100:02d}"


SUMMARY_COLUMNS = ["Indicator", "Period", "Figure", "Status", "Why", "England", "Neighbours"]
SUMMARY_WIDTHS = (18, 9, 9, 12, 28, 11, 13)
TREND_WIDTHS = (30, 11, 11, 11, 11, 11, 15)
MAX_CHARTS = 3
URGENCY = {"red": 0, "amber": 1, "green": 2}  # then indicators with no status
PUBLIC_NOTE = (
    "Marked for publication: figures about fewer than 10 children, or counting 1 to 5 "
    "children, are shown as c, and figures recorded without the numbers counted as x."
)


def status_cell(figure: PrintedFigure) -> RagCell:
    """The RAG word, never the colour alone; no status reads as a word too."""
    return RagCell(figure.status or "none", figure.status_word)


def _summary_row(entry: CatalogueEntry, figure: PrintedFigure) -> list[Cell]:
    why = figure.sentence + (f" ({figure.note})" if figure.note else "")
    return [
        entry.strategy_wording,
        figure.label,
        figure.text,
        status_cell(figure),
        why,
        figure.england,
        figure.neighbours,
    ]


def _group_heading(plan: Plan, priority: Priority | None) -> str:
    if priority is None:
        return "Vision"
    return f"{plan.section_label} {priority.number}: {priority.title}"


def add_performance(
    section: Section, plan: Plan, figures: PlanFigures, year: int | None, *, public: bool
) -> None:
    """All the plan's indicators for `year`, a table per priority (the vision first)."""
    if year is None or not figures.entries:
        section.add(Paragraph("No indicator figures are recorded for this plan yet."))
        return
    section.add(
        Paragraph(
            "Each indicator's latest figure up to the meeting, its status in words and the "
            "reason, with England and the statistical-neighbour average as DfE publishes them."
        )
    )
    if public:
        section.add(Paragraph(PUBLIC_NOTE))
    groups: list[tuple[Priority | None, list[CatalogueEntry]]] = []
    for entry in figures.entries:
        if not groups or groups[-1][0] != entry.priority:
            groups.append((entry.priority, []))
        groups[-1][1].append(entry)
    for priority, entries in groups:
        heading = _group_heading(plan, priority)
        rows = [_summary_row(e, figures.figure(e, year, public=public)) for e in entries]
        part = section.subsection(heading)
        part.add(Table(f"{heading}: indicators", SUMMARY_COLUMNS, rows, SUMMARY_WIDTHS))


def add_trends(
    section: Section,
    figures: PlanFigures,
    priority: Priority,
    year: int | None,
    *,
    public: bool,
) -> None:
    """The priority's indicators over the last five periods up to `year`: one table of the
    figures (every format), a sentence for each saying what its trend shows, and trend charts
    (HTML and PDF) for the few with a trend that are furthest from target, Red first."""
    part = section.subsection("Indicators over the last five years")
    entries = [e for e in figures.entries if e.priority_id == priority.pk]
    if year is None or not entries:
        part.add(Paragraph("No indicator figures are recorded for this priority yet."))
        return
    years = list(range(year - TREND_YEARS + 1, year + 1))
    trends = [_trend(entry, figures, years, public) for entry in entries]
    rows: list[list[Cell]] = [
        [t.entry.strategy_wording, *(p.text for p in t.printed), status_cell(t.printed[-1])]
        for t in trends
    ]
    header = ["Indicator", *(year_label(y) for y in years), f"Status {year_label(year)}"]
    caption = f"{priority.title}: the last {TREND_YEARS} periods"
    part.add(Table(caption, header, rows, TREND_WIDTHS))
    part.add(BulletList([f"{t.entry.strategy_wording}: {t.chart.summary}" for t in trends]))
    urgent = sorted(
        (t for t in trends if sum(p.value is not None for p in t.printed) >= 2),
        key=lambda t: URGENCY.get(t.printed[-1].status, len(URGENCY)),
    )[:MAX_CHARTS]
    if not urgent:
        return
    part.add(
        Paragraph(
            f"Trend charts for {len(urgent)} of these indicators, those furthest from target "
            f"first (Red, then Amber, then Green), with the target band, England and the "
            f"statistical neighbours."
        )
    )
    for trend in urgent:
        wording = trend.entry.strategy_wording
        part.add(
            Chart(f"{wording}: last {TREND_YEARS} periods", trend.chart.svg, trend.chart.summary)
        )


@dataclass(frozen=True)
class Trend:
    entry: CatalogueEntry
    printed: list[PrintedFigure]
    chart: ChartDrawing


def _trend(entry: CatalogueEntry, figures: PlanFigures, years: list[int], public: bool) -> Trend:
    printed = [figures.figure(entry, y, public=public) for y in years]
    labelled = list(zip(printed, years, strict=True))
    chart = trend_chart(
        [p.point() for p in printed],
        unit=entry.unit,
        title=f"{entry.strategy_wording}: trend",
        chart_id=f"trend-{entry.code}",
        targets=_targets(entry, figures, years),
        england={p.label: _number(figures, entry, y, "england") for p, y in labelled},
        neighbours={p.label: _number(figures, entry, y, "neighbours") for p, y in labelled},
    )
    return Trend(entry, printed, chart)


def _number(figures: PlanFigures, entry: CatalogueEntry, year: int, name: str) -> float | None:
    judgement = figures.judged.get(entry.pk, {}).get(year)
    return getattr(judgement, name) if judgement is not None else None


def _targets(
    entry: CatalogueEntry, figures: PlanFigures, years: list[int]
) -> dict[str, TargetBand]:
    if entry.polarity not in ("higher", "lower"):
        return {}
    bands = {}
    for year in years:
        judgement = figures.judged.get(entry.pk, {}).get(year)
        if judgement is not None and judgement.target_value is not None:
            bands[judgement.period_label] = TargetBand(
                judgement.target_value, judgement.target_tolerance or 0.0, entry.polarity
            )
    return bands
