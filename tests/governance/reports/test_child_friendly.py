"""The child-friendly summary (issue 8, seed 002's style): plain words at a reading age of 9
to 11, simple pictures, only public things (titles young people chose, approved "you said,
we did", counts of actions), in each format."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import docx
import pytest
import textstat

from careboard.governance.reports.child_friendly import build_child_friendly
from careboard.governance.reports.kinds import render
from careboard.governance.reports.model import BulletList, Report
from careboard.voice.models import YouSaidWeDid
from tests.governance.conftest import ThemedMeeting, docx_headings, pdf_info, pdf_text, prose

HOMES = "Having a good home with the right people"


@pytest.fixture
def summary(themed_meeting: ThemedMeeting) -> Report:
    homes = themed_meeting.homes
    homes.child_friendly = "We want you to live in a home that is right for you."
    homes.save()
    YouSaidWeDid.objects.create(
        priority=homes,
        you_said="Moving home is hard.",
        we_did="Now your new carer visits you before you move.",
        approved=True,
        published_on=datetime.date(2026, 2, 1),
    )
    YouSaidWeDid.objects.create(
        priority=homes, you_said="NOT APPROVED", we_did="Nothing yet", approved=False
    )
    return build_child_friendly(themed_meeting.plan)


def test_reading_age_9_to_11(summary: Report) -> None:
    text = prose(render(summary, "html").decode())
    assert "Moving home is hard" in text
    # Flesch-Kincaid grade 6 or lower is a reading age of about 11 or younger.
    assert textstat.flesch_kincaid_grade(text) <= 6, text


def test_priorities_in_young_peoples_words_with_counts_of_actions(summary: Report) -> None:
    homes = next(s for s in summary.sections if s.heading == HOMES)
    assert homes.icon == "house"
    # Priority 3 in the fixture: 3.3 Green; 3.2 and 3.4 Amber; 3.1 not rated.
    assert BulletList(["Done: 1 thing.", "Still going on: 2 things."]) in homes.blocks


def test_only_approved_answers(summary: Report) -> None:
    html = render(summary, "html").decode()
    assert "Now your new carer visits you before you move." in html
    assert "NOT APPROVED" not in html


def test_html_has_pictures_hidden_from_screen_readers(summary: Report) -> None:
    html = render(summary, "html").decode()
    # The big idea, the fixture's three priorities, and "you said, we did".
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="icon"') == 5
    assert html.count('aria-hidden="true"') == 5
    assert f"</svg>{HOMES}</h2>" in html


def test_docx_has_the_headings(summary: Report) -> None:
    document = docx.Document(io.BytesIO(render(summary, "docx")))
    assert ("Heading 1", HOMES) in docx_headings(document)
    assert ("Title", "What we are doing for you") in docx_headings(document)


def test_pdf_has_text_and_is_tagged(summary: Report, tmp_path: Path) -> None:
    pdf = render(summary, "pdf")
    assert "You said, we did" in pdf_text(pdf, tmp_path)
    assert pdf_info(pdf, tmp_path)["Tagged"] == "yes"
