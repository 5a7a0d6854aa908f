"""Meeting pages: board members (all staff) read; administrators add and edit meetings, with
optimistic locking; reports download in each format."""

from __future__ import annotations

import io
import re

import docx
import pytest
from django.test import Client
from django.urls import reverse

from careboard.accounts.models import Role
from careboard.governance.models import AgendaItem, Meeting
from tests.governance.conftest import ScrutinyPlan, ThemedMeeting, signed_in
from tests.strategy.factories import make_user


@pytest.fixture
def board_member(db: None) -> Client:
    return signed_in(make_user("bella", Role.BOARD_MEMBER))


@pytest.fixture
def administrator(db: None) -> Client:
    return signed_in(make_user("ada", Role.ADMINISTRATOR))


def _edit_data(meeting: Meeting, **changes: str) -> dict[str, str]:
    data = {
        "date": meeting.date.isoformat(),
        "board": meeting.board,
        "plan": str(meeting.plan_id),
        "theme": str(meeting.theme_id or ""),
        "venue": meeting.venue,
        "status": meeting.status,
        "minutes": meeting.minutes,
        "version": str(meeting.version),
    }
    for prefix in ("people", "decisions"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | changes


def test_anonymous_people_are_sent_to_sign_in(themed_meeting: ThemedMeeting) -> None:
    response = Client().get(reverse("governance:meeting", args=[themed_meeting.meeting.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_board_member_reads_the_forward_plan_and_the_meeting(
    board_member: Client, themed_meeting: ThemedMeeting
) -> None:
    plan_page = board_member.get(reverse("governance:forward_plan") + "?year=2026")
    assert plan_page.status_code == 200
    html = plan_page.content.decode()
    assert "Forward plan 2026-27" in html
    # Priority 1 had its deep-dive in March 2026 (the 2025-26 year); 2 has none this year.
    assert "Priority 2: Independence and transition to adulthood" in html.split("no deep-dive")[1]
    assert "Add a meeting" not in html

    meeting_page = board_member.get(reverse("governance:meeting", args=[themed_meeting.meeting.pk]))
    assert meeting_page.status_code == 200
    assert "Deep-dive: Priority 3, Positive lived experiences" in meeting_page.content.decode()


def test_board_member_may_not_add_or_edit_meetings(
    board_member: Client, themed_meeting: ThemedMeeting
) -> None:
    meeting = themed_meeting.meeting
    assert board_member.get(reverse("governance:meeting_new")).status_code == 403
    edit = reverse("governance:meeting_edit", args=[meeting.pk])
    assert board_member.get(edit).status_code == 403
    assert board_member.post(edit, _edit_data(meeting, venue="Elsewhere")).status_code == 403
    meeting.refresh_from_db()
    assert meeting.venue == "Town Hall"


def test_administrator_adds_a_meeting_with_an_agenda_built_from_its_theme(
    administrator: Client, themed_meeting: ThemedMeeting
) -> None:
    response = administrator.post(
        reverse("governance:meeting_new"),
        {
            "date": "2026-12-02",
            "board": "Corporate Parenting Board",
            "plan": str(themed_meeting.plan.pk),
            "theme": str(themed_meeting.homes.pk),
            "status": "planned",
        },
    )
    assert response.status_code == 302
    created = Meeting.objects.get(date="2026-12-02")
    kinds = list(created.agenda.values_list("kind", flat=True))
    assert kinds == [
        "opening",
        "deep_dive",
        "performance",
        "overdue",
        "voice",
        "care_council",
        "decisions",
    ]
    assert created.agenda.get(kind=AgendaItem.Kind.DEEP_DIVE).title.startswith(
        "Deep-dive: Priority 3, Positive lived experiences"
    )


def test_theme_must_come_from_the_meetings_plan(
    administrator: Client, themed_meeting: ThemedMeeting, scrutiny_plan: ScrutinyPlan
) -> None:
    response = administrator.post(
        reverse("governance:meeting_new"),
        {
            "date": "2026-12-02",
            "board": "Corporate Parenting Board",
            "plan": str(scrutiny_plan.plan.pk),
            "theme": str(themed_meeting.homes.pk),
            "status": "planned",
        },
    )
    assert response.status_code == 200
    assert "Choose a theme from the plan this meeting reviews." in response.content.decode()
    assert not Meeting.objects.filter(date="2026-12-02").exists()


def test_second_of_two_edits_from_the_same_version_gets_a_conflict(
    administrator: Client, themed_meeting: ThemedMeeting
) -> None:
    meeting = themed_meeting.meeting
    edit = reverse("governance:meeting_edit", args=[meeting.pk])
    first = administrator.post(edit, _edit_data(meeting, venue="Wallasey Town Hall"))
    assert first.status_code == 302
    second = administrator.post(edit, _edit_data(meeting, venue="Birkenhead Town Hall"))
    assert second.status_code == 409
    assert "Someone else saved this meeting" in second.content.decode()
    meeting.refresh_from_db()
    assert (meeting.venue, meeting.version) == ("Wallasey Town Hall", 2)


def test_changing_the_theme_rebuilds_the_agenda(
    administrator: Client, themed_meeting: ThemedMeeting
) -> None:
    meeting = themed_meeting.meeting
    health = themed_meeting.plan.priorities.get(number=1)
    response = administrator.post(
        reverse("governance:meeting_edit", args=[meeting.pk]),
        _edit_data(meeting, theme=str(health.pk)),
    )
    assert response.status_code == 302
    deep_dive = meeting.agenda.get(kind=AgendaItem.Kind.DEEP_DIVE)
    assert deep_dive.title.startswith("Deep-dive: Priority 1, Emotional and physical health")


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [
        ("html", "text/html; charset=utf-8"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("pdf", "application/pdf"),
    ],
)
def test_board_pack_downloads_in_each_format(
    board_member: Client, themed_meeting: ThemedMeeting, fmt: str, content_type: str
) -> None:
    url = reverse("governance:board_pack", args=[themed_meeting.meeting.pk, fmt])
    response = board_member.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="board-pack-2026-06-10.{fmt}"'


def test_scrutiny_report_downloads_as_word(
    board_member: Client, scrutiny_plan: ScrutinyPlan
) -> None:
    url = reverse("governance:scrutiny_report", args=[scrutiny_plan.plan.slug, "docx"])
    response = board_member.get(url)
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    assert document.paragraphs[0].text.startswith("Corporate Parenting Action Plan 2014-16")


def test_unknown_format_is_not_found(board_member: Client, scrutiny_plan: ScrutinyPlan) -> None:
    url = reverse("governance:scrutiny_report", args=[scrutiny_plan.plan.slug, "exe"])
    assert board_member.get(url).status_code == 404


INLINE_CODE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.I)


def test_pages_render_for_administrators_without_inline_code(
    administrator: Client, themed_meeting: ThemedMeeting
) -> None:
    """The Content-Security-Policy forbids inline script and style (security.md)."""
    meeting = themed_meeting.meeting
    for url in (
        reverse("governance:forward_plan"),
        reverse("governance:meeting_new"),
        reverse("governance:meeting", args=[meeting.pk]),
        reverse("governance:meeting_edit", args=[meeting.pk]),
    ):
        response = administrator.get(url)
        assert response.status_code == 200, url
        assert INLINE_CODE.findall(response.content.decode()) == [], url
    edit_page = administrator.get(reverse("governance:meeting_edit", args=[meeting.pk]))
    html = edit_page.content.decode()
    assert 'name="version" value="1"' in html
    assert 'value="Cllr Ann Example"' in html  # the people already listed, ready to edit


def test_a_decision_can_start_a_board_action(
    administrator: Client, themed_meeting: ThemedMeeting
) -> None:
    meeting = themed_meeting.meeting
    owner = make_user("harry", Role.ACTION_OWNER)
    data = _edit_data(meeting) | {
        "decisions-TOTAL_FORMS": "1",
        "decisions-0-order": "3",
        "decisions-0-text": "Ask the fostering service for a recruitment plan",
        "decisions-0-status": "agreed",
        "decisions-0-action_title": "Bring a foster carer recruitment plan to the board",
        "decisions-0-action_owner": str(owner.pk),
        "decisions-0-action_due": "2026-09-09",
    }
    response = administrator.post(reverse("governance:meeting_edit", args=[meeting.pk]), data)
    assert response.status_code == 302
    decision = meeting.decisions.get(order=3)
    assert decision.action is not None
    assert (decision.action.reference, decision.action.owner, str(decision.action.due_on)) == (
        f"B{meeting.pk}.1",
        owner,
        "2026-09-09",
    )
    assert decision.action.priority == themed_meeting.homes


def test_a_board_action_needs_saying_what_it_is(
    administrator: Client, themed_meeting: ThemedMeeting
) -> None:
    meeting = themed_meeting.meeting
    data = _edit_data(meeting) | {
        "decisions-TOTAL_FORMS": "1",
        "decisions-0-order": "3",
        "decisions-0-text": "Ask for a plan",
        "decisions-0-status": "agreed",
        "decisions-0-action_due": "2026-09-09",
    }
    response = administrator.post(reverse("governance:meeting_edit", args=[meeting.pk]), data)
    assert response.status_code == 200
    assert "Say what the board action is." in response.content.decode()
    assert not meeting.decisions.filter(order=3).exists()


@pytest.mark.parametrize(
    ("name", "filename"),
    [
        ("governance:progress_report", "progress-report-strategy-2022-25"),
        ("governance:child_friendly", "child-friendly-summary-strategy-2022-25"),
    ],
)
def test_plan_reports_download_from_links_on_the_meeting_page(
    board_member: Client, themed_meeting: ThemedMeeting, name: str, filename: str
) -> None:
    page = board_member.get(reverse("governance:meeting", args=[themed_meeting.meeting.pk]))
    url = reverse(name, args=[themed_meeting.plan.slug, "docx"])
    assert f'href="{url}"' in page.content.decode()
    response = board_member.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{filename}.docx"'


def test_public_board_pack_downloads_under_its_own_name(
    board_member: Client, themed_meeting: ThemedMeeting
) -> None:
    url = reverse("governance:board_pack", args=[themed_meeting.meeting.pk, "html"])
    response = board_member.get(url + "?public=1")
    assert response["Content-Disposition"] == (
        'attachment; filename="board-pack-2026-06-10-public.html"'
    )
    assert "Cllr Ann Example" not in response.content.decode()
