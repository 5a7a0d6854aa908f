"""The board's overview: the vision indicators and one section per priority, each indicator
a tile, each priority with a summary of its actions. Built from stored values and stored
judgements in a handful of queries; nothing is recomputed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from careboard.charts import Chart, sparkline
from careboard.dashboard.figures import YearFigure, year_figure
from careboard.dashboard.years import YearChoice, choose
from careboard.indicators.models import CatalogueEntry, IndicatorValue, Judgement
from careboard.strategy.models import Action, Plan, Priority
from careboard.strategy.services import StatusCounts, overdue_q, today


@dataclass(frozen=True)
class Tile:
    entry: CatalogueEntry
    figure: YearFigure
    compared: YearFigure | None
    sparkline: Chart

    @property
    def change(self) -> float | None:
        """The figure's change since the compared period, when both have one."""
        if self.compared is None or self.figure.value is None or self.compared.value is None:
            return None
        return self.figure.value - self.compared.value


@dataclass(frozen=True)
class StatusLink:
    code: str
    label: str
    count: int
    url: str


@dataclass(frozen=True)
class ActionSummary:
    statuses: list[StatusLink]
    total: int
    overdue: int
    overdue_url: str
    tracker_url: str


@dataclass(frozen=True)
class Section:
    priority: Priority | None
    heading: str
    tiles: list[Tile]
    actions: ActionSummary | None


def tracker_url(plan: Plan, priority: Priority, **filters: str) -> str:
    """The strategy tracker filtered (its TrackerFilterForm's names: plan by slug,
    priority by id, status, overdue)."""
    query = {"plan": plan.slug, "priority": str(priority.pk), **filters}
    return f"{reverse('strategy:tracker')}?{urlencode(query)}"


def action_summaries(plan: Plan, priorities: Iterable[Priority]) -> dict[int, ActionSummary]:
    """By priority id: counts by status (Green, Amber, Red, no progress reported) and how
    many are overdue, each a link to the tracker showing those actions."""
    statuses: dict[int | None, list[str]] = defaultdict(list)
    for action in Action.objects.filter(plan=plan).with_status():
        statuses[action.priority_id].append(action.status)
    overdue = dict(
        Action.objects.filter(plan=plan)
        .with_status()
        .filter(overdue_q(today()))
        .values_list("priority")
        .annotate(n=Count("id"))
        .values_list("priority", "n")
    )
    summaries = {}
    for priority in priorities:
        counts = StatusCounts.of(statuses.get(priority.pk, []))
        summaries[priority.pk] = ActionSummary(
            statuses=[
                StatusLink(code, label, count, tracker_url(plan, priority, status=code))
                for code, label, count in counts.rows()
            ],
            total=counts.total,
            overdue=overdue.get(priority.pk, 0),
            overdue_url=tracker_url(plan, priority, overdue="on"),
            tracker_url=tracker_url(plan, priority),
        )
    return summaries


def plan_years(plan: Plan) -> list[int]:
    """Periods with at least one current value in the plan's catalogue."""
    return list(
        IndicatorValue.objects.filter(entry__plan=plan, is_current=True)
        .order_by()
        .values_list("year", flat=True)
        .distinct()
    )


def entry_tile(
    entry: CatalogueEntry,
    choice: YearChoice,
    rows: Mapping[int, IndicatorValue],
    judged: Mapping[int, Judgement],
    *,
    for_publication: bool = False,
) -> Tile:
    assert choice.year is not None
    years = choice.window(min(rows) if rows else None)
    figures = [
        year_figure(entry, y, rows.get(y), judged.get(y), for_publication=for_publication)
        for y in years
    ]
    compared = None
    if choice.compare is not None:
        compared = year_figure(
            entry,
            choice.compare,
            rows.get(choice.compare),
            judged.get(choice.compare),
            for_publication=for_publication,
        )
    latest = figures[-1]
    chart = sparkline(
        [f.point() for f in figures],
        unit=entry.unit,
        title=f"{entry.strategy_wording}: last {len(figures)} periods",
        chart_id=f"spark-{entry.code}",
        england={latest.label: latest.england},
    )
    return Tile(entry, latest, compared, chart)


def sections(
    plan: Plan, query: Mapping[str, str], *, for_publication: bool = False
) -> tuple[YearChoice, list[Section]]:
    """The chosen periods and the overview's sections, vision first."""
    choice = choose(plan_years(plan), query)
    entries = list(plan.indicators.select_related("priority"))
    rows: dict[int, dict[int, IndicatorValue]] = defaultdict(dict)
    judged: dict[int, dict[int, Judgement]] = defaultdict(dict)
    if choice.year is not None:
        first = choice.year - 10
        wanted = set(range(first, choice.year + 1)) | {choice.compare or choice.year}
        for row in IndicatorValue.objects.filter(
            entry__plan=plan, is_current=True, year__in=wanted
        ):
            rows[row.entry_id][row.year] = row
        for judgement in Judgement.objects.filter(entry__plan=plan, year__in=wanted):
            judged[judgement.entry_id][judgement.year] = judgement

    def tiles(group: Iterable[CatalogueEntry]) -> list[Tile]:
        if choice.year is None:
            return []
        return [
            entry_tile(e, choice, rows[e.pk], judged[e.pk], for_publication=for_publication)
            for e in group
        ]

    vision = [e for e in entries if e.priority_id is None]
    result = [Section(None, "Vision", tiles(vision), None)] if vision else []
    priorities = list(plan.priorities.all())
    actions = action_summaries(plan, priorities)
    for priority in priorities:
        mine = [e for e in entries if e.priority_id == priority.pk]
        heading = f"{plan.section_label} {priority.number}: {priority.title}"
        result.append(Section(priority, heading, tiles(mine), actions.get(priority.pk)))
    return choice, result


def current_dashboard_plan(slug: str | None) -> Plan | None:
    """The plan asked for, else the newest active plan with a catalogue, else the newest
    plan with a catalogue."""
    plans = Plan.objects.filter(indicators__isnull=False).distinct()
    if slug:
        return plans.filter(slug=slug).first()
    return plans.filter(status=Plan.Status.ACTIVE).first() or plans.first()
