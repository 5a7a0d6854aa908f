"""The 12-month strategy progress report (issue 8, seed 001): per priority, what was done,
how the indicators moved, what young people said and what comes next; in each format."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import docx
import pytest

from careboard.governance.reports.kinds import render
from careboard.governance.reports.model import Paragraph, RagCell, Report, Section, Table
from careboard.governance.reports.progress import build_progress_report, twelve_months
from careboard.voice.models import CareCouncilVerdict, Council, YouSaidWeDid
from tests.governance.conftest import (
    MeetingIndicators,
    ThemedMeeting,
    docx_headings,
    pdf_info,
    pdf_objects,
    pdf_text,
)

SINCE = datetime.date(2025, 7, 1)
HOMES = "Priority 3: Positive lived experiences"


@pytest.fixture
def progress(themed_meeting: ThemedMeeting, meeting_indicators: MeetingIndicators) -> Report:
    homes = themed_meeting.homes
    YouSaidWeDid.objects.create(
        priority=homes,
        you_said="Moving home is hard",
        we_did="Carers visit before a move",
        approved=True,
        published_on=datetime.date(2026, 2, 1),
    )
    YouSaidWeDid.objects.create(
        priority=homes, you_said="Draft not approved", we_did="Nothing yet", approved=False
    )
    CareCouncilVerdict.objects.create(
        council=Council.CARE_LEAVERS,
        heard_on=datetime.date(2026, 3, 11),
        priority=homes,
        verdict=CareCouncilVerdict.Verdict.SAME,
        what_they_said="Still too many moves",
    )
    return build_progress_report(themed_meeting.plan, SINCE)


def _part(report: Report, priority: str, heading: str) -> Section:
    section = next(s for s in report.sections if s.heading == priority)
    return next(b for b in section.blocks if isinstance(b, Section) and b.heading == heading)


def _tables(section: Section) -> list[Table]:
    return [b for b in section.blocks if isinstance(b, Table)]


def test_twelve_months_from_the_plans_start_by_default(themed_meeting: ThemedMeeting) -> None:
    period = twelve_months(themed_meeting.plan)
    assert (period.since, period.until) == (datetime.date(2022, 4, 1), datetime.date(2023, 3, 31))


def test_one_section_per_priority_with_the_four_questions(progress: Report) -> None:
    assert progress.subtitle == "1 July 2025 to 30 June 2026"
    assert [s.heading for s in progress.sections][1:] == [
        "Priority 1: Emotional and physical health and wellbeing",
        "Priority 2: Independence and transition to adulthood",
        HOMES,
    ]
    homes = progress.sections[3]
    assert [b.heading for b in homes.blocks if isinstance(b, Section)] == [
        "What was done",
        "How the indicators moved",
        "What young people said",
        "What comes next",
    ]


def test_what_was_done_lists_the_updates_in_the_period(progress: Report) -> None:
    [table] = _tables(_part(progress, HOMES, "What was done"))
    assert [(r[0], r[2], r[3]) for r in table.rows] == [
        ("3.2", "20 April 2026", RagCell("amber", "Amber")),
        ("3.3", "10 January 2026", RagCell("green", "Green")),
        ("3.4", "5 May 2026", RagCell("amber", "Amber")),
    ]


def test_indicators_move_from_the_start_to_the_latest(progress: Report) -> None:
    [table] = _tables(_part(progress, HOMES, "How the indicators moved"))
    # 2024-25 ended before 1 July 2025; 2025-26 is the latest ending by 30 June 2026.
    assert table.rows[0][:4] == [
        "Children placed in foster care",
        "70% (2024-25)",
        "42.9% (2025-26)",
        RagCell("red", "Red"),
    ]


def test_young_people_said_only_approved_answers_and_verdicts(progress: Report) -> None:
    captions = {
        t.caption: t.rows for t in _tables(_part(progress, HOMES, "What young people said"))
    }
    assert captions["You said, we did"] == [
        ["1 February 2026", "Moving home is hard", "Carers visit before a move"]
    ]
    verdicts = captions["Care council verdicts: better, the same or worse?"]
    assert verdicts == [
        ["Care Leavers Council", "11 March 2026", "The same", "Still too many moves"]
    ]


def test_what_comes_next_lists_open_actions(progress: Report) -> None:
    part = _part(progress, HOMES, "What comes next")
    [table] = _tables(part)
    assert [r[0] for r in table.rows] == ["3.1", "3.2", "3.4"]  # 3.3 is complete
    assert Paragraph("3 actions are still open (Amber, Red or not yet rated).") in part.blocks


def test_public_progress_report_withholds_small_figures_and_names(
    themed_meeting: ThemedMeeting, meeting_indicators: MeetingIndicators
) -> None:
    report = build_progress_report(themed_meeting.plan, SINCE, public=True)
    [moved] = _tables(_part(report, HOMES, "How the indicators moved"))
    assert moved.rows[0][2] == "c (2025-26)"
    [upcoming] = _tables(_part(report, HOMES, "What comes next"))
    assert {r[2] for r in upcoming.rows} == {"An officer"}  # the owner has no job title


def test_docx_has_headings_and_tables_officers_can_edit(progress: Report) -> None:
    document = docx.Document(io.BytesIO(render(progress, "docx")))
    headings = docx_headings(document)
    assert ("Heading 1", HOMES) in headings
    assert ("Heading 2", "What comes next") in headings
    assert len(document.tables) >= 6
    assert document.tables[0].rows[0].cells[0].text in ("Reference", "Indicator")


def test_pdf_has_text_and_is_tagged(progress: Report, tmp_path: Path) -> None:
    pdf = render(progress, "pdf")
    assert "Moving home is hard" in pdf_text(pdf, tmp_path)
    assert pdf_info(pdf, tmp_path)["Tagged"] == "yes"
    assert b"/StructTreeRoot" in pdf_objects(pdf)


def test_html_headings(progress: Report) -> None:
    html = render(progress, "html").decode()
    assert f">{HOMES}</h2>" in html
    assert ">What was done</h3>" in html
