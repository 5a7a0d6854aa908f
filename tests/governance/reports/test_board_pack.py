"""The board pack for a themed meeting: cover, agenda, the performance report, the theme's
actions overdue / due / changed, counts of what young people said (never their words) and
the decisions needed."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from careboard.governance.reports.board_pack import build_board_pack
from careboard.governance.reports.kinds import render
from careboard.governance.reports.model import (
    BulletList,
    Paragraph,
    Section,
    Table,
    walk_headings,
)
from tests.governance.conftest import ThemedMeeting, docx_headings, pdf_text


def _find(report_sections: list[Section], heading: str) -> Section:
    for section in report_sections:
        if section.heading == heading:
            return section
        found = [b for b in section.blocks if isinstance(b, Section)]
        if found:
            try:
                return _find(found, heading)
            except LookupError:
                pass
    raise LookupError(heading)


def _references(section: Section) -> list[str]:
    [table] = [b for b in section.blocks if isinstance(b, Table)]
    return [str(row[0]) for row in table.rows]


def test_sections_in_order(themed_meeting: ThemedMeeting) -> None:
    report = build_board_pack(themed_meeting.meeting)
    assert report.title == "Corporate Parenting Board: board pack, 10 June 2026"
    assert [h for level, h in walk_headings(report) if level == 1] == [
        "About this meeting",
        "Agenda",
        "Performance report",
        "Deep-dive: Priority 3: Positive lived experiences",
        "What young people said",
        "Decisions needed",
    ]


def test_performance_says_so_when_the_plan_has_no_figures(themed_meeting: ThemedMeeting) -> None:
    report = build_board_pack(themed_meeting.meeting)
    assert _find(report.sections, "Performance report").blocks == [
        Paragraph("No indicator figures are recorded for this plan yet.")
    ]


def test_theme_actions_overdue_due_and_changed(themed_meeting: ThemedMeeting) -> None:
    report = build_board_pack(themed_meeting.meeting)
    assert _references(_find(report.sections, "Overdue (1)")) == ["3.1"]
    assert _references(_find(report.sections, "Due before the next meeting (1)")) == ["3.2"]
    assert _references(_find(report.sections, "Changed since the last meeting (2)")) == [
        "3.2",
        "3.4",
    ]


def test_voice_counts_only_triaged_feedback_in_the_window(themed_meeting: ThemedMeeting) -> None:
    report = build_board_pack(themed_meeting.meeting)
    [table] = [
        b for b in _find(report.sections, "What young people said").blocks if isinstance(b, Table)
    ]
    assert table.rows == [
        ["Having a good home with the right people", 3],
        ["School, college and work", 1],
    ]


def test_decisions_needed_lists_only_open_ones(themed_meeting: ThemedMeeting) -> None:
    report = build_board_pack(themed_meeting.meeting)
    blocks = _find(report.sections, "Decisions needed").blocks
    assert BulletList(["Note the fostering recruitment plan"], numbered=True) in blocks


def test_cover_lists_attendance_and_apologies(themed_meeting: ThemedMeeting) -> None:
    report = build_board_pack(themed_meeting.meeting)
    tables = {b.caption: b.rows for b in report.sections[0].blocks if isinstance(b, Table)}
    assert tables["Attending"] == [["Cllr Ann Example", "Chair", "Board member"]]
    assert tables["Apologies"] == [["Sam Example", "-", "Care council representative"]]


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_no_format_contains_what_a_young_person_wrote(
    themed_meeting: ThemedMeeting, fmt: str, tmp_path: Path
) -> None:
    data = render(build_board_pack(themed_meeting.meeting), fmt)
    if fmt == "pdf":
        text = pdf_text(data, tmp_path)
    elif fmt == "docx":
        document = docx.Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        text = "\n".join([p.text for p in document.paragraphs] + cells)
    else:
        text = data.decode()
    assert "Having a good home with the right people" in text
    assert "Deep-dive: Priority 3: Positive lived experiences" in text
    assert "SECRET" not in text


def test_docx_board_pack_has_headings_and_tables(themed_meeting: ThemedMeeting) -> None:
    document = docx.Document(io.BytesIO(render(build_board_pack(themed_meeting.meeting), "docx")))
    headings = docx_headings(document)
    assert ("Heading 1", "Agenda") in headings
    assert ("Heading 2", "Overdue (1)") in headings
    # details, attending, apologies, agenda, 3 action lists, feedback (no themes or verdicts)
    assert len(document.tables) == 8


def test_long_action_lists_are_cut_with_a_pointer_to_the_tracker(
    themed_meeting: ThemedMeeting,
) -> None:
    report = build_board_pack(themed_meeting.meeting, max_rows=1)
    changed = _find(report.sections, "Changed since the last meeting (2)")
    assert _references(changed) == ["3.2"]
    assert changed.blocks[-1] == Paragraph(
        "The first 1 by due date are listed here; the other 1 are in the action tracker."
    )
