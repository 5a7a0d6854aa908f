"""The board pack for one meeting: cover, agenda, performance (every indicator with its RAG
word, reason and benchmarks), the themed priority in depth (its indicators over five years,
its actions, what young people said about it and the care councils' verdicts), feedback
counts for the period and the decisions needed.

`public=True` marks the pack for publication: indicator figures go through disclosure
control, people appear by role only, and small feedback counts are left out.
"""

from __future__ import annotations

import datetime

from careboard.analytics.disclosure import protect_count
from careboard.governance.models import Decision, Meeting, Participant
from careboard.governance.reports.indicator_figures import plan_figures
from careboard.governance.reports.model import (
    Bar,
    BulletList,
    Cell,
    Figure,
    Paragraph,
    RagCell,
    Report,
    Section,
    Table,
)
from careboard.governance.reports.performance import add_performance, add_trends
from careboard.governance.reports.voice_parts import add_themes, add_verdicts
from careboard.governance.services import feedback_counts, meeting_actions
from careboard.strategy.models import Action

PUBLIC_SUFFIX = " (for publication)"
MAX_ACTION_ROWS = 25
# Members first, then officers, partners and the care councils' representatives.
KIND_ORDER = list(Participant.Kind.values)
ACTION_COLUMNS = ["Reference", "Action", "Owner", "Due", "Status", "Last update"]
ACTION_WIDTHS = (12, 34, 17, 13, 11, 13)


def _date(day: datetime.date | None) -> str:
    return f"{day:%-d %B %Y}" if day else "Not set"


def owner_text(action: Action, *, public: bool) -> str:
    """Who owns the action: the person, or in a public report their role or team only."""
    if action.owner is None:
        return action.responsibility or "No owner"
    if public:
        return action.owner.job_title or action.owner.team or action.responsibility or "An officer"
    return str(action.owner)


def _action_row(action: Action, public: bool) -> list[Cell]:
    owner = owner_text(action, public=public)
    last = getattr(action, "last_update_on", None)
    return [
        action.reference,
        action.title,
        owner,
        _date(action.due_on),
        RagCell(action.status, action.status_label),
        _date(last) if last else "None yet",
    ]


def _actions_table(
    section: Section, caption: str, actions: list[Action], max_rows: int, public: bool
) -> None:
    part = section.subsection(f"{caption} ({len(actions)})")
    if not actions:
        part.add(Paragraph("None."))
        return
    rows = [_action_row(a, public) for a in actions[:max_rows]]
    part.add(Table(f"{caption}: actions", ACTION_COLUMNS, rows, ACTION_WIDTHS))
    if len(actions) > max_rows:
        part.add(
            Paragraph(
                f"The first {max_rows} by due date are listed here; the other "
                f"{len(actions) - max_rows} are in the action tracker."
            )
        )


def build_board_pack(
    meeting: Meeting, max_rows: int = MAX_ACTION_ROWS, *, public: bool = False
) -> Report:
    """The pack for `meeting`. Each list of actions shows at most `max_rows` (a pack is read
    on a tablet before the meeting; the full lists are in the tracker). With `public`, the
    pack is fit to publish (see the module's docstring)."""
    plan = meeting.plan
    theme = meeting.theme
    theme_name = (
        f"{plan.section_label} {theme.number}: {theme.title}" if theme else "No theme chosen"
    )
    report = Report(
        title=f"{meeting.board}: board pack, {_date(meeting.date)}"
        + (PUBLIC_SUFFIX if public else ""),
        subtitle=f"Theme: {theme_name}",
        author=meeting.board,
    )

    cover = report.section("About this meeting")
    cover.add(
        Table(
            "Meeting details",
            ["Item", "Detail"],
            [
                ["Board", meeting.board],
                ["Date", _date(meeting.date)],
                ["Venue", meeting.venue or "To be confirmed"],
                ["Plan reviewed", plan.title],
                ["Theme", theme_name],
            ],
        )
    )
    participants = sorted(
        meeting.participants.all(), key=lambda p: (KIND_ORDER.index(p.kind), p.name)
    )
    for attendance, caption in (
        (Participant.Attendance.PRESENT, "Attending"),
        (Participant.Attendance.APOLOGIES, "Apologies"),
    ):
        people = [p for p in participants if p.attendance == attendance]
        if people and public:
            cover.add(
                Table(
                    caption,
                    ["Role", "Attends as"],
                    [[p.role or "-", p.get_kind_display()] for p in people],
                )
            )
        elif people:
            cover.add(
                Table(
                    caption,
                    ["Name", "Role", "Attends as"],
                    [[p.name, p.role or "-", p.get_kind_display()] for p in people],
                )
            )

    agenda = report.section("Agenda")
    items = list(meeting.agenda.all())
    if items:
        agenda.add(
            Table(
                "Agenda",
                ["Item", "Title", "Lead"],
                [[item.order, item.title, item.lead or "-"] for item in items],
            )
        )
    else:
        agenda.add(Paragraph("No agenda yet."))

    figures = plan_figures(plan)
    year = figures.latest_year(meeting.date.year)
    add_performance(report.section("Performance report"), plan, figures, year, public=public)

    deep_dive = report.section(f"Deep-dive: {theme_name}")
    if theme is None:
        deep_dive.add(Paragraph("Choose a theme for this meeting to list its actions."))
    else:
        if theme.progress_narrative:
            deep_dive.add(Paragraph(theme.progress_narrative))
        add_trends(deep_dive, figures, theme, year, public=public)
        actions = meeting_actions(meeting)
        for caption, listed in (
            ("Overdue", actions.overdue),
            ("Due before the next meeting", actions.due_before_next),
            ("Changed since the last meeting", actions.changed_since_last),
        ):
            _actions_table(deep_dive, caption, listed, max_rows, public)
        heard = deep_dive.subsection("What young people said about this priority")
        add_themes(heard, theme, public=public)
        add_verdicts(heard, theme, public=public)

    _voice(report, meeting, public)

    decisions = report.section("Decisions needed")
    needed = [d for d in meeting.decisions.all() if d.status == Decision.Status.NEEDED]
    if needed:
        decisions.add(Paragraph(f"The {meeting.board} is recommended to:"))
        decisions.add(BulletList([d.text for d in needed], numbered=True))
    else:
        decisions.add(Paragraph("No decisions are listed for this meeting yet."))
    return report


def _voice(report: Report, meeting: Meeting, public: bool) -> None:
    section = report.section("What young people said")
    previous = meeting.previous()
    since = previous.date if previous else meeting.date - datetime.timedelta(days=91)
    counts = feedback_counts(since, meeting.date)
    if public:  # a theme heard from 1 to 5 young people is not named in a published pack
        counts = [(about, n) for about, n in counts if not protect_count(n).suppressed]
    section.add(
        Paragraph(
            f"Feedback from children and young people received after {_date(since)} and "
            f"triaged by staff, counted by what it is about. What young people wrote is not "
            f"included: staff write the replies in 'you said, we did'."
        )
    )
    if not counts:
        section.add(Paragraph("No triaged feedback in this period."))
        return
    section.add(Table("Feedback by theme", ["About", "Items"], [[a, n] for a, n in counts]))
    section.add(
        Figure(
            "Feedback by theme",
            alt="Bar chart of feedback by theme: "
            + ", ".join(f"{about} {count}" for about, count in counts)
            + ".",
            bars=[Bar(about, count) for about, count in counts],
        )
    )
