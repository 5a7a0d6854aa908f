"""`manage.py build_report KIND --meeting ID | --plan SLUG --format F --output FILE`."""

from __future__ import annotations

import io
from io import StringIO
from pathlib import Path

import docx
import pytest
from django.core.management import CommandError, call_command

from tests.governance.conftest import ScrutinyPlan, ThemedMeeting, pdf_text


def test_scrutiny_report_as_word(scrutiny_plan: ScrutinyPlan, tmp_path: Path) -> None:
    output = tmp_path / "scrutiny.docx"
    out = StringIO()
    call_command(
        "build_report",
        "scrutiny",
        "--plan",
        "cpp-2014-16",
        "--format",
        "docx",
        "--output",
        str(output),
        stdout=out,
    )
    document = docx.Document(io.BytesIO(output.read_bytes()))
    assert "Report summary" in [p.text for p in document.paragraphs]
    assert f"to {output}" in out.getvalue()


def test_board_pack_as_pdf(themed_meeting: ThemedMeeting, tmp_path: Path) -> None:
    output = tmp_path / "pack.pdf"
    call_command(
        "build_report",
        "board-pack",
        "--meeting",
        str(themed_meeting.meeting.pk),
        "--format",
        "pdf",
        "--output",
        str(output),
        stdout=StringIO(),
    )
    text = pdf_text(output.read_bytes(), tmp_path)
    assert "Performance report" in text
    assert "No indicator figures are recorded for this plan yet." in text


def test_board_pack_needs_a_meeting_that_exists(db: None, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="needs --meeting"):
        call_command("build_report", "board-pack", "--output", str(tmp_path / "x.html"))
    with pytest.raises(CommandError, match="no meeting with id 999"):
        call_command(
            "build_report", "board-pack", "--meeting", "999", "--output", str(tmp_path / "x.html")
        )
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize(
    ("kind", "heading"),
    [("progress-12-month", "What comes next"), ("child-friendly", "You said, we did")],
)
def test_plan_reports_from_the_command_line(
    themed_meeting: ThemedMeeting, tmp_path: Path, kind: str, heading: str
) -> None:
    output = tmp_path / "report.html"
    call_command(
        "build_report",
        kind,
        "--plan",
        themed_meeting.plan.slug,
        "--since",
        "2025-07-01",
        "--format",
        "html",
        "--output",
        str(output),
        stdout=StringIO(),
    )
    assert f">{heading}</h" in output.read_text()


def test_progress_report_refuses_a_badly_written_date(
    themed_meeting: ThemedMeeting, tmp_path: Path
) -> None:
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command(
            "build_report",
            "progress-12-month",
            "--plan",
            themed_meeting.plan.slug,
            "--since",
            "1 July",
            "--output",
            str(tmp_path / "x.html"),
        )
