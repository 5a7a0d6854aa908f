"""The indicator parts of a board pack: every indicator of the plan with its figure, RAG word
and reason, England and statistical neighbours, grouped by priority; and the themed
priority's indicators over the last five periods, as a chart and a table."""

from __future__ import annotations

from careboard.charts import TargetBand, trend_chart
from careboard.governance.reports.indicator_figures import PlanFigures, PrintedFigure
from careboard.governance.reports.model import Cell, Chart, Paragraph, RagCell, Section, Table
from careboard.indicators.models import CatalogueEntry
from careboard.strategy.models import Plan, Priority

TREND_YEARS = 5
SUMMARY_COLUMNS = ["Indicator", "Period", "Figure", "Status", "Why", "England", "Neighbours"]
SUMMARY_WIDTHS = (22, 9, 9, 9, 31, 10, 10)
TREND_COLUMNS = ["Period", "Figure", "Status", "Target", "England", "Neighbours"]
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
    """The priority's indicators over the last five periods up to `year`: for each, the
    chart (HTML and PDF) with its sentence, and the figures as a table (every format)."""
    part = section.subsection("Indicators over the last five years")
    entries = [e for e in figures.entries if e.priority_id == priority.pk]
    if year is None or not entries:
        part.add(Paragraph("No indicator figures are recorded for this priority yet."))
        return
    years = list(range(year - TREND_YEARS + 1, year + 1))
    for entry in entries:
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
        one = part.subsection(entry.strategy_wording)
        one.add(
            Chart(f"{entry.strategy_wording}: last {TREND_YEARS} periods", chart.svg, chart.summary)
        )
        one.add(
            Table(
                f"{entry.strategy_wording}: figures by period",
                TREND_COLUMNS,
                [
                    [p.label, p.text, status_cell(p), p.target, p.england, p.neighbours]
                    for p in printed
                ],
            )
        )


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
