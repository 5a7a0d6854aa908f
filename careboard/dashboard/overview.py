"""The board's overview: the vision indicators and one section per priority, each indicator
a tile, each priority with a summary of its actions. Built from stored values and stored
judgements in a handful of queries; nothing is recomputed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse

from careboard.charts import Chart, Point, sparkline
from careboard.dashboard.figures import Earlier, YearFigure, quick_point, year_figure
from careboard.dashboard.years import WINDOW, YearChoice, choose
from careboard.indicators.models import CatalogueEntry, IndicatorValue, Judgement
from careboard.strategy.models import Action, Plan, Priority
from careboard.strategy.rag import NO_PROGRESS_REPORTED
from careboard.strategy.services import COUNT_ORDER, StatusCounts, overdue_q, today

# What a tile reads of a stored value (not who recorded it or when).
VALUE_FIELDS = (
    *("entry_id", "year", "period_label", "value", "numerator", "denominator"),
    *("cohort_size", "flags", "note"),
)


@dataclass(frozen=True)
class Tile:
    entry: CatalogueEntry
    figure: YearFigure
    compared: YearFigure | None
    sparkline: Chart

    @property
    def has_trend(self) -> bool:
        """Whether any period in the sparkline has a figure (else it is left out)."""
        return any(row.cells[0].value is not None for row in self.sparkline.table.rows)

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


GLANCE = (("red", "Red"), ("amber", "Amber"), ("green", "Green"), ("", "No RAG"))


@dataclass(frozen=True)
class Section:
    priority: Priority | None
    heading: str
    tiles: list[Tile]
    actions: ActionSummary | None

    def glance(self) -> list[tuple[str, str, int]]:
        """(status, word, how many indicators) for Red, Amber, Green and those with no RAG
        (contextual, no target, awaiting data, withheld)."""
        statuses = [tile.figure.status for tile in self.tiles]
        return [(code or "none", word, statuses.count(code)) for code, word in GLANCE]


def tracker_url(plan: Plan, priority: Priority, **filters: str) -> str:
    """The strategy tracker filtered (its TrackerFilterForm's names: plan by slug,
    priority by id, status, overdue)."""
    query = {"plan": plan.slug, "priority": str(priority.pk), **filters}
    return f"{reverse('strategy:tracker')}?{urlencode(query)}"


def action_summaries(plan: Plan, priorities: Iterable[Priority]) -> dict[int, ActionSummary]:
    """By priority id: counts by status (Green, Amber, Red, no progress reported) and how
    many are overdue, each a link to the tracker showing those actions. One grouped query,
    on the tracker's own status annotation and overdue rule."""
    by_status = {
        code: Count(
            "id",
            filter=Q(status_code__isnull=True)
            if code == NO_PROGRESS_REPORTED
            else Q(status_code=code),
        )
        for code in COUNT_ORDER
    }
    grouped = (
        Action.objects.filter(plan=plan)
        .with_status()
        .order_by()
        .values("priority")
        .annotate(**by_status, overdue=Count("id", filter=overdue_q(today())))
    )
    fields = (*COUNT_ORDER, "overdue")
    counted: dict[int, dict[str, int]] = {
        priority: dict(zip(fields, numbers, strict=True))
        for priority, *numbers in grouped.values_list("priority", *fields)
    }
    summaries = {}
    for priority in priorities:
        row = counted.get(priority.pk, {})
        counts = StatusCounts({code: row.get(code, 0) for code in COUNT_ORDER})
        summaries[priority.pk] = ActionSummary(
            statuses=[
                StatusLink(code, label, count, tracker_url(plan, priority, status=code))
                for code, label, count in counts.rows()
            ],
            total=counts.total,
            overdue=row.get("overdue", 0),
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
    history: Mapping[int, Earlier],
    *,
    for_publication: bool = False,
) -> Tile:
    """`rows` and `judged` hold the chosen and compared periods; `history` every period of
    the sparkline's window."""
    assert choice.year is not None
    years = choice.window(min(history) if history else None)
    latest = year_figure(
        entry,
        choice.year,
        rows.get(choice.year),
        judged.get(choice.year),
        for_publication=for_publication,
    )
    points = [
        quick_point(entry, y, history.get(y), for_publication=for_publication) for y in years[:-1]
    ]
    points.append(latest.point())
    compared = None
    if choice.compare is not None:
        compared = year_figure(
            entry,
            choice.compare,
            rows.get(choice.compare),
            judged.get(choice.compare),
            for_publication=for_publication,
        )
    chart = tile_sparkline(
        tuple(points),
        entry.unit,
        f"{entry.strategy_wording}: last {len(points)} periods",
        f"spark-{entry.code}",
        (latest.label, latest.england),
    )
    return Tile(entry, latest, compared, chart)


@lru_cache(maxsize=4096)
def tile_sparkline(
    points: tuple[Point, ...],
    unit: str,
    title: str,
    chart_id: str,
    england: tuple[str, float | None],
) -> Chart:
    """A tile's sparkline, remembered by its inputs: the chart is a pure function of them,
    so a figure that changes makes a new chart and an unchanged one is not drawn again."""
    return sparkline(points, unit=unit, title=title, chart_id=chart_id, england=dict([england]))


def sections(
    plan: Plan, query: Mapping[str, str], *, for_publication: bool = False
) -> tuple[YearChoice, list[Section]]:
    """The chosen periods and the overview's sections, vision first."""
    choice = choose(plan_years(plan), query)
    entries = list(plan.indicators.select_related("priority"))
    rows: dict[int, dict[int, IndicatorValue]] = defaultdict(dict)
    judged: dict[int, dict[int, Judgement]] = defaultdict(dict)
    history: dict[int, dict[int, Earlier]] = defaultdict(dict)
    if choice.year is not None:
        chosen = {choice.year, choice.compare or choice.year}
        current = IndicatorValue.objects.filter(entry__plan=plan, is_current=True)
        for row in current.filter(year__in=chosen).only(*VALUE_FIELDS):
            rows[row.entry_id][row.year] = row
        judged_rows = Judgement.objects.filter(entry__plan=plan, year__in=chosen)
        for judgement in judged_rows.defer("refreshed_at"):
            judged[judgement.entry_id][judgement.year] = judgement
        window = current.filter(year__gt=choice.year - WINDOW, year__lte=choice.year)
        for entry_id, year, *figures in window.values_list("entry_id", "year", *Earlier.FIELDS):
            history[entry_id][year] = Earlier(*figures)

    def tiles(group: Iterable[CatalogueEntry]) -> list[Tile]:
        if choice.year is None:
            return []
        return [
            entry_tile(
                e,
                choice,
                rows[e.pk],
                judged[e.pk],
                history[e.pk],
                for_publication=for_publication,
            )
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
