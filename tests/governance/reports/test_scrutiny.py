"""The scrutiny progress report reproduces seed 003's shape from tiny data: objective by
objective, each recommendation's narrative and RAG (newest rating wins), the counts, and
the Amber recommendations carried into the next plan."""

from __future__ import annotations

import io
from pathlib import Path

import docx

from careboard.governance.reports.docx import render_docx
from careboard.governance.reports.html import render_html
from careboard.governance.reports.model import Paragraph, RagCell, Section, Table
from careboard.governance.reports.pdf import render_pdf
from careboard.governance.reports.scrutiny import (
    build_scrutiny_report,
    carry_forward_list,
    numbers_phrase,
    progress_of,
    summary_counts,
)
from tests.governance.conftest import ScrutinyPlan, docx_headings, pdf_text


def test_counts_green_amber_red_and_no_progress_reported(scrutiny_plan: ScrutinyPlan) -> None:
    everything = [item for items in progress_of(scrutiny_plan.plan).values() for item in items]
    # Only recommendations count: action 5.1 (Red) is not one.
    assert summary_counts(everything) == {"green": 3, "amber": 2, "red": 0, "none": 2}


def test_newest_rating_gives_the_status_and_narrative(scrutiny_plan: ScrutinyPlan) -> None:
    by_number = {
        item.number: item for items in progress_of(scrutiny_plan.plan).values() for item in items
    }
    assert by_number["12"].status == "amber"
    assert by_number["12"].narrative == "Pathway plan quality is still variable."
    assert (by_number["8"].status, by_number["8"].narrative) == ("none", "")  # unrated update
    assert (by_number["5"].status, by_number["5"].narrative) == ("none", "")  # no update


def test_carry_forward_lists_the_amber_recommendations(scrutiny_plan: ScrutinyPlan) -> None:
    everything = [item for items in progress_of(scrutiny_plan.plan).values() for item in items]
    assert [item.number for item in carry_forward_list(everything)] == ["3", "12"]


def test_numbers_read_as_the_committee_report_writes_them() -> None:
    assert numbers_phrase(["1"]) == "Recommendation 1"
    assert numbers_phrase(["6", "9"]) == "Recommendations 6 and 9"
    assert numbers_phrase(["7", "10", "11"]) == "Recommendations 7, 10 and 11"


def _section(sections: list[Section], heading_start: str) -> Section:
    [found] = [s for s in sections if s.heading.startswith(heading_start)]
    return found


def test_report_goes_objective_by_objective(scrutiny_plan: ScrutinyPlan) -> None:
    report = build_scrutiny_report(scrutiny_plan.plan)
    appendix = _section(report.sections, "Appendix 1")
    objectives = [b for b in appendix.blocks if isinstance(b, Section)]
    assert [s.heading for s in objectives] == [
        "Objective 1: Listen to children and young people (incorporating Recommendations 1 and 3)",
        "Objective 2: Support corporate parents",
        "Objective 5: Staying safe (incorporating Recommendations 5, 7, 8, 10 and 12)",
    ]
    assert objectives[1].blocks == [
        Paragraph("There are no scrutiny recommendations within this objective.")
    ]
    safe = objectives[2]
    parts = {s.heading.split(":")[0]: s for s in safe.blocks if isinstance(s, Section)}
    # R7 and R10 share a narrative and a status, so they are reported together.
    assert list(parts) == [
        "Recommendation 5",
        "Recommendations 7 and 10",
        "Recommendation 8",
        "Recommendation 12",
    ]
    assert parts["Recommendation 5"].blocks == [
        Paragraph("No progress reported."),
        Paragraph("Progress against Recommendation 5: No progress reported", emphasis=True),
    ]
    assert parts["Recommendations 7 and 10"].blocks[1] == Paragraph(
        "Progress against Recommendations 7 and 10: Green", emphasis=True
    )


def test_summary_table_and_carry_forward_table(scrutiny_plan: ScrutinyPlan) -> None:
    report = build_scrutiny_report(scrutiny_plan.plan)
    [counts] = [b for b in report.sections[0].blocks if isinstance(b, Table)]
    assert counts.rows == [
        [RagCell("green", "Green"), 3],
        [RagCell("amber", "Amber"), 2],
        [RagCell("red", "Red"), 0],
        [RagCell("none", "No progress reported"), 2],
        ["Total", 7],
    ]
    forward = _section(report.sections, "Carried forward")
    [carried] = [b for b in forward.blocks if isinstance(b, Table)]
    assert carried.rows == [
        ["3", "1", "Offer work placements to care leavers", "Not carried yet"],
        ["12", "5", "Young people understand their pathway plan", "Action plan 2016-18 (R12)"],
    ]


def test_every_format_carries_the_headings_and_tables(
    scrutiny_plan: ScrutinyPlan, tmp_path: Path
) -> None:
    report = build_scrutiny_report(scrutiny_plan.plan)

    html = render_html(report)
    assert '<h2 id="s2">Appendix 1: progress against each recommendation</h2>' in html
    assert "Objective 2: Support corporate parents</h3>" in html

    document = docx.Document(io.BytesIO(render_docx(report)))
    headings = {text: style for style, text in docx_headings(document)}
    assert headings["Report summary"] == "Heading 1"
    assert headings["Objective 2: Support corporate parents"] == "Heading 2"
    assert headings["Recommendation 12: Young people understand their pathway plan"] == "Heading 3"
    # counts, one table per objective holding recommendations, carry-forward
    assert len(document.tables) == 4

    text = pdf_text(render_pdf(report), tmp_path)
    assert "Progress against Recommendation 12: Amber" in text
    assert "Carried forward into the next plan" in text
