"""With the demo data, the forward plan of the 2022-25 strategy has four meetings, one per
priority (seed 001), and each gets a complete board pack in every format."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
import textstat
from django.db import transaction
from django.test import override_settings

from careboard.demo.data import strategy_2022_25
from careboard.demo.loader import load_demo
from careboard.governance.models import Meeting
from careboard.governance.reports.board_pack import build_board_pack
from careboard.governance.reports.child_friendly import build_child_friendly
from careboard.governance.reports.kinds import render
from careboard.governance.reports.model import walk_headings
from tests.governance.conftest import docx_headings, pdf_info, pdf_text, prose

FAST_HASHING = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


@pytest.fixture(scope="module")
def _demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock(), FAST_HASHING, transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def december(_demo: None, db: None) -> Meeting:
    return Meeting.objects.select_related("plan", "theme").get(
        plan__slug=strategy_2022_25.SLUG, date__month=12
    )


@pytest.mark.usefixtures("_demo")
def test_the_demo_has_a_meeting_per_priority(db: None) -> None:
    meetings = Meeting.objects.filter(plan__slug=strategy_2022_25.SLUG).order_by("date")
    assert [m.theme.number for m in meetings if m.theme] == [1, 2, 3, 4]


@pytest.mark.usefixtures("_demo")
def test_loading_the_demo_again_adds_no_meeting(db: None) -> None:
    before = Meeting.objects.count()
    load_demo()
    assert Meeting.objects.count() == before


def test_demo_board_pack_is_complete(december: Meeting) -> None:
    report = build_board_pack(december)
    top = [heading for level, heading in walk_headings(report) if level == 1]
    assert top == [
        "About this meeting",
        "Agenda",
        "Performance report",
        f"Deep-dive: Priority 3: {december.theme.title}" if december.theme else "",
        "What young people said",
        "Decisions needed",
    ]
    second = [heading for level, heading in walk_headings(report) if level == 2]
    assert "Indicators over the last five years" in second
    assert "What young people said about this priority" in second


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_demo_board_pack_renders_in_each_format(
    december: Meeting, fmt: str, tmp_path: Path
) -> None:
    data = render(build_board_pack(december), fmt)
    if fmt == "pdf":
        assert "Decisions needed" in pdf_text(data, tmp_path)
        assert pdf_info(data, tmp_path)["Tagged"] == "yes"
    elif fmt == "docx":
        headings = docx_headings(docx.Document(io.BytesIO(data)))
        assert ("Heading 1", "Performance report") in headings
    else:
        assert '<h2 id="s3">Performance report</h2>' in data.decode()


def test_demo_child_friendly_summary_reads_at_9_to_11(december: Meeting) -> None:
    text = prose(render(build_child_friendly(december.plan), "html").decode())
    assert "You said: The words in our promises were hard to understand." in text
    # Flesch-Kincaid grade 6 or lower is a reading age of about 11 or younger.
    assert textstat.flesch_kincaid_grade(text) <= 6, text
