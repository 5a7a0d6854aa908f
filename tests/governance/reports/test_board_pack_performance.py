"""The board pack's performance report and deep-dive indicators (issue 8): every indicator
with its figure, RAG word, reason and benchmarks, grouped by priority; the theme's indicators
over five periods; and a pack marked for publication that no small number survives."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from careboard.governance.reports.board_pack import build_board_pack
from careboard.governance.reports.docx import CHART_IN_OTHER_FORMATS
from careboard.governance.reports.kinds import render
from careboard.governance.reports.model import BulletList, Chart, RagCell, Report, Section, Table
from careboard.indicators.models import ValueSource
from careboard.indicators.records import NewValue, enter_value
from careboard.voice.models import About, Feedback
from tests.governance.conftest import MeetingIndicators, ThemedMeeting, pdf_text


def _section(report: Report, heading: str) -> Section:
    def visit(sections: list[Section]) -> Section | None:
        for section in sections:
            if section.heading == heading:
                return section
            found = visit([b for b in section.blocks if isinstance(b, Section)])
            if found is not None:
                return found
        return None

    found = visit(report.sections)
    assert found is not None, heading
    return found


def _table(section: Section) -> Table:
    return next(b for b in section.blocks if isinstance(b, Table))


def test_indicators_grouped_by_priority_with_word_reason_and_benchmarks(
    themed_meeting: ThemedMeeting, meeting_indicators: MeetingIndicators
) -> None:
    report = build_board_pack(themed_meeting.meeting)
    homes = _table(_section(report, "Priority 3: Positive lived experiences"))
    [row] = homes.rows
    # 2025-26 is the newest period up to the June 2026 meeting: 3 of 7 children.
    assert row[:4] == ["Children placed in foster care", "2025-26", "42.9%", RagCell("red", "Red")]
    assert "68" in str(row[4])  # the reason names the target
    health = _table(_section(report, "Priority 1: Emotional and physical health and wellbeing"))
    assert [r[:3] for r in health.rows] == [["Young people in custody", "2025-26", "4"]]
    assert health.rows[0][3] == RagCell("none", "No target")


def test_theme_in_depth_has_five_periods_as_a_table_and_a_chart(
    themed_meeting: ThemedMeeting, meeting_indicators: MeetingIndicators
) -> None:
    report = build_board_pack(themed_meeting.meeting)
    five = _section(report, "Indicators over the last five years")
    table = _table(five)
    assert table.header == [
        "Indicator",
        "2021-22",
        "2022-23",
        "2023-24",
        "2024-25",
        "2025-26",
        "Status 2025-26",
    ]
    assert table.rows == [
        [
            "Children placed in foster care",
            "60%",
            "62%",
            "65%",
            "70%",
            "42.9%",
            RagCell("red", "Red"),
        ]
    ]
    [sentences] = [b for b in five.blocks if isinstance(b, BulletList)]
    assert sentences.items == [
        "Children placed in foster care: Down from 70% in 2024-25 to 42.9% in 2025-26; "
        "misses the 68% target by more than its tolerance of 2."
    ]
    # Red, so it is one of the few drawn as a chart (HTML and PDF).
    [chart] = [b for b in five.blocks if isinstance(b, Chart)]
    assert 'role="img"' in chart.svg
    assert chart.summary in sentences.items[0]


def test_charts_go_to_indicators_with_a_trend_red_first(
    themed_meeting: ThemedMeeting, meeting_indicators: MeetingIndicators
) -> None:
    # A corrected 2025-26 figure: 69 of 100 children, above the 68% target: Green.
    enter_value(
        meeting_indicators.foster, 2026, NewValue(69.0, 69, 100), source=ValueSource.MANUAL, by="t"
    )
    meeting_indicators.custody.priority = themed_meeting.homes
    meeting_indicators.custody.save()  # one figure only: no trend to draw
    report = build_board_pack(themed_meeting.meeting)
    five = _section(report, "Indicators over the last five years")
    assert len(_table(five).rows) == 2
    [chart] = [b for b in five.blocks if isinstance(b, Chart)]
    assert chart.caption == "Children placed in foster care: last 5 periods"
    assert "meets the 68% target" in chart.summary


def _text(data: bytes, fmt: str, tmp_path: Path) -> str:
    if fmt == "pdf":
        return pdf_text(data, tmp_path)
    if fmt == "docx":
        document = docx.Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    return data.decode()


@pytest.fixture
def few_said(themed_meeting: ThemedMeeting) -> ThemedMeeting:
    """Two young people raised "pocket money" about homes: a count of 1 to 5."""
    for _ in range(2):
        Feedback.objects.create(
            about=About.HOMES,
            status=Feedback.Status.TRIAGED,
            priority=themed_meeting.homes,
            theme="Pocket money",
        )
    return themed_meeting


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_a_public_pack_shows_no_small_number_in_any_format(
    few_said: ThemedMeeting, meeting_indicators: MeetingIndicators, fmt: str, tmp_path: Path
) -> None:
    staff = _text(render(build_board_pack(few_said.meeting), fmt), fmt, tmp_path)
    public = _text(render(build_board_pack(few_said.meeting, public=True), fmt), fmt, tmp_path)
    # The staff pack has the exact figures, so the test can tell the difference.
    assert "42.9" in staff
    assert "Pocket money" in staff
    assert "Cllr Ann Example" in staff
    # 3 of 7 children (fewer than 10) and the themes heard from 2 or 3 young people.
    assert "42.9" not in public
    assert "Pocket money" not in public
    assert "Having a good home with the right people" not in public  # 3 items in the window
    assert "Cllr Ann Example" not in public
    assert "Chair" in public
    assert "for publication" in public


def test_public_pack_withholds_the_small_count_and_its_status(
    themed_meeting: ThemedMeeting, meeting_indicators: MeetingIndicators
) -> None:
    report = build_board_pack(themed_meeting.meeting, public=True)
    health = _table(_section(report, "Priority 1: Emotional and physical health and wellbeing"))
    assert health.rows[0][2] == "c"
    homes = _table(_section(report, "Priority 3: Positive lived experiences"))
    assert homes.rows[0][2] == "c"
    assert homes.rows[0][3] == RagCell("none", "No status")


def test_word_gets_the_charts_sentence_and_says_where_the_chart_is(
    themed_meeting: ThemedMeeting, meeting_indicators: MeetingIndicators
) -> None:
    document = docx.Document(io.BytesIO(render(build_board_pack(themed_meeting.meeting), "docx")))
    texts = [p.text for p in document.paragraphs]
    assert "Children placed in foster care: last 5 periods" in texts
    assert CHART_IN_OTHER_FORMATS in texts
    assert len(document.inline_shapes) == 1  # the feedback bar chart; trends are not pictures
