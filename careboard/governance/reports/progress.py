"""The 12-month strategy progress report the board asked for (seed 001): per priority, what
was done (actions and their updates in the period), how the indicators moved (the figure
at the start against the latest, with the latest reason), what young people said (themes,
care council verdicts, approved "you said, we did") and what comes next (open actions).

A draft for officers to edit in Word. `public=True` applies the board pack's rules for
publication: disclosure control on figures, owners by role, no small feedback counts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from careboard.governance.reports.board_pack import PUBLIC_SUFFIX, owner_text
from careboard.governance.reports.indicator_figures import PlanFigures, plan_figures
from careboard.governance.reports.model import Cell, Paragraph, RagCell, Report, Section, Table
from careboard.governance.reports.performance import PUBLIC_NOTE, status_cell
from careboard.governance.reports.voice_parts import (
    add_answers,
    add_themes,
    add_verdicts,
    approved_answers,
)
from careboard.governance.services import open_actions
from careboard.indicators.periods import period_kind
from careboard.strategy.models import Action, Plan, Priority, ProgressUpdate

DONE_COLUMNS = ["Reference", "Action", "Reported", "Status", "Update"]
DONE_WIDTHS = (11, 27, 14, 11, 37)
MOVED_COLUMNS = ["Indicator", "At the start", "Latest", "Status", "Why"]
MOVED_WIDTHS = (24, 14, 14, 11, 37)
NEXT_COLUMNS = ["Reference", "Action", "Owner", "Due", "Status"]
NEXT_WIDTHS = (11, 41, 20, 15, 13)


@dataclass(frozen=True)
class Period:
    since: datetime.date
    until: datetime.date

    @property
    def label(self) -> str:
        return f"{_date(self.since)} to {_date(self.until)}"


def twelve_months(plan: Plan, since: datetime.date | None = None) -> Period:
    """Twelve months from `since` (by default the plan's start), ending the day before."""
    start = since or plan.starts_on
    try:
        end = start.replace(year=start.year + 1) - datetime.timedelta(days=1)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + 1, day=28)
    return Period(start, end)


def _date(day: datetime.date | None) -> str:
    return f"{day:%-d %B %Y}" if day else "Not set"


def build_progress_report(
    plan: Plan,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    *,
    public: bool = False,
) -> Report:
    period = twelve_months(plan, since)
    if until is not None:
        period = Period(period.since, until)
    report = Report(
        title=f"{plan.short_title or plan.title}: progress report"
        + (PUBLIC_SUFFIX if public else ""),
        subtitle=period.label,
        author="Corporate Parenting Board",
    )
    intro = report.section("About this report")
    intro.add(
        Paragraph(
            f"How the {plan.title} moved in the period {period.label}: for each "
            f"{plan.section_label.lower()}, what was done, how the indicators moved, what "
            f"young people said and what comes next. A draft for officers to edit."
        )
    )
    if public:
        intro.add(Paragraph(PUBLIC_NOTE))
    figures = plan_figures(plan)
    updates = _updates_in(plan, period)
    upcoming = list(open_actions(plan).order_by("due_on", "reference"))
    for priority in plan.priorities.order_by("number"):
        section = report.section(f"{plan.section_label} {priority.number}: {priority.title}")
        _done(section, [u for u in updates if u.action.priority_id == priority.pk], public)
        _moved(section, figures, priority, period, public)
        heard = section.subsection("What young people said")
        years = range(period.since.year, period.until.year + 1)
        add_themes(heard, priority, public=public, years=years)
        add_verdicts(heard, priority, public=public, since=period.since, until=period.until)
        add_answers(heard, approved_answers(priority, period.since, period.until))
        _next(section, [a for a in upcoming if a.priority_id == priority.pk], public)
    return report


def _updates_in(plan: Plan, period: Period) -> list[ProgressUpdate]:
    return list(
        ProgressUpdate.objects.filter(
            action__plan=plan,
            action__kind=Action.Kind.ACTION,
            reported_on__range=(period.since, period.until),
        )
        .select_related("action", "action__owner")
        .order_by("action__reference", "reported_on", "id")
    )


def _rag(code: str | None) -> RagCell:
    labels = {"green": "Green", "amber": "Amber", "red": "Red"}
    return RagCell(code or "none", labels.get(code or "", "Not rated"))


def _done(section: Section, updates: list[ProgressUpdate], public: bool) -> None:
    part = section.subsection("What was done")
    if not updates:
        part.add(Paragraph("No progress was reported on these actions in the period."))
        return
    actions = {u.action_id for u in updates}
    part.add(Paragraph(f"{len(updates)} updates on {len(actions)} actions in the period."))
    rows: list[list[Cell]] = [
        [u.action.reference, u.action.title, _date(u.reported_on), _rag(u.rag), u.narrative]
        for u in updates
    ]
    part.add(Table("Progress updates in the period", DONE_COLUMNS, rows, DONE_WIDTHS))


def _moved(
    section: Section, figures: PlanFigures, priority: Priority, period: Period, public: bool
) -> None:
    """Each indicator's figure for the last period ending before the report's start, against
    the last period ending by its end, with the latest period's status and reason."""
    part = section.subsection("How the indicators moved")
    entries = [e for e in figures.entries if e.priority_id == priority.pk]
    rows: list[list[Cell]] = []
    for entry in entries:
        kind = period_kind(entry)
        years = sorted(figures.rows.get(entry.pk, {}))
        before = [y for y in years if kind.end(y) < period.since]
        by_end = [y for y in years if kind.end(y) <= period.until]
        if not by_end:
            continue
        latest = figures.figure(entry, by_end[-1], public=public)
        start = figures.figure(entry, before[-1], public=public) if before else None
        rows.append(
            [
                entry.strategy_wording,
                f"{start.text} ({start.label})" if start else "No earlier figure",
                f"{latest.text} ({latest.label})",
                status_cell(latest),
                latest.sentence,
            ]
        )
    if not rows:
        part.add(Paragraph("No indicator figures for this priority in the period."))
        return
    part.add(Table("Indicators: start and latest", MOVED_COLUMNS, rows, MOVED_WIDTHS))


def _next(section: Section, actions: list[Action], public: bool) -> None:
    part = section.subsection("What comes next")
    if not actions:
        part.add(Paragraph("Every action of this priority is complete."))
        return
    rows: list[list[Cell]] = [
        [
            a.reference,
            a.title,
            owner_text(a, public=public),
            _date(a.due_on),
            RagCell(a.status, a.status_label),
        ]
        for a in actions
    ]
    part.add(Paragraph(f"{len(actions)} actions are still open (Amber, Red or not yet rated)."))
    part.add(Table("Open actions", NEXT_COLUMNS, rows, NEXT_WIDTHS))
