"""What young people said about one priority, as reports print it: feedback themes with
small counts suppressed (never what anyone wrote), the care councils' verdicts, and the
approved "you said, we did" answers.

A report marked for publication leaves out every theme whose count is suppressed (so a
theme heard from one to five young people is not named at all) and prints the care
councils' verdicts as words only: what a council said was agreed with it for the board.
"""

from __future__ import annotations

import datetime

from careboard.governance.reports.model import Cell, Paragraph, Section, Table
from careboard.strategy.models import Priority
from careboard.voice.models import YouSaidWeDid
from careboard.voice.summaries import themes, verdicts


def _date(day: datetime.date) -> str:
    return f"{day:%-d %B %Y}"


def add_themes(
    section: Section, priority: Priority, *, public: bool, years: range | None = None
) -> None:
    counted = [t for t in themes(priority) if years is None or t.year in years]
    if public:
        counted = [t for t in counted if not t.count.suppressed]
    if not counted:
        section.add(Paragraph("No feedback themes to report for this priority."))
        return
    section.add(
        Table(
            "Feedback themes by year",
            ["Theme", "Year", "Items"],
            [[t.theme, t.year, t.count.text] for t in counted],
        )
    )
    if not public and any(t.count.suppressed for t in counted):
        section.add(
            Paragraph("c: a number from 1 to 5, not shown to protect young people's privacy.")
        )


def add_verdicts(
    section: Section,
    priority: Priority,
    *,
    public: bool,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> None:
    heard = [
        v
        for v in verdicts(priority)
        if (since is None or v.heard_on >= since) and (until is None or v.heard_on <= until)
    ]
    if not heard:
        section.add(Paragraph("The care councils have not given a verdict on this priority."))
        return
    header = ["Council", "Heard on", "Verdict"]
    rows: list[list[Cell]] = []
    for verdict in heard:
        row: list[Cell] = [
            verdict.get_council_display(),
            _date(verdict.heard_on),
            verdict.get_verdict_display(),
        ]
        if not public:
            row.append(verdict.what_they_said)
        rows.append(row)
    if not public:
        header.append("What they said")
    section.add(Table("Care council verdicts: better, the same or worse?", header, rows))


def approved_answers(
    priority: Priority, since: datetime.date | None = None, until: datetime.date | None = None
) -> list[YouSaidWeDid]:
    """Approved "you said, we did" entries for the priority, published in the window."""
    found = YouSaidWeDid.objects.filter(
        priority=priority, approved=True, published_on__isnull=False
    )
    if since is not None:
        found = found.filter(published_on__gte=since)
    if until is not None:
        found = found.filter(published_on__lte=until)
    return list(found.order_by("published_on", "id"))


def add_answers(section: Section, answers: list[YouSaidWeDid]) -> None:
    if not answers:
        section.add(Paragraph('No approved "you said, we did" in this period.'))
        return
    rows: list[list[Cell]] = [
        [_date(a.published_on), a.you_said, a.we_did] for a in answers if a.published_on
    ]
    section.add(Table("You said, we did", ["Published", "You said", "We did"], rows))
