"""The forward plan shows which priorities still need a deep-dive this council year; a board
decision's work is tracked as an ordinary action in the plan."""

from __future__ import annotations

import datetime

from careboard.governance.models import Decision, Meeting
from careboard.governance.services import create_board_action, forward_plan, municipal_year
from tests.governance.conftest import ThemedMeeting
from tests.strategy.factories import make_user


def test_council_year_runs_april_to_march() -> None:
    assert municipal_year(datetime.date(2026, 3, 31)) == 2025
    assert municipal_year(datetime.date(2026, 4, 1)) == 2026


def test_priorities_without_a_deep_dive(themed_meeting: ThemedMeeting) -> None:
    # 2026-27: June is themed on Priority 3, September has no theme yet.
    year = forward_plan(2026)
    assert [m.date for m in year.meetings] == [
        datetime.date(2026, 6, 10),
        datetime.date(2026, 9, 9),
    ]
    assert [p.number for p in year.without_deep_dive] == [1, 2]
    assert year.label == "2026-27"


def test_cancelled_meeting_gives_no_deep_dive(themed_meeting: ThemedMeeting) -> None:
    Meeting.objects.filter(pk=themed_meeting.meeting.pk).update(status=Meeting.Status.CANCELLED)
    assert [p.number for p in forward_plan(2026).without_deep_dive] == [1, 2, 3]


def test_board_action_is_a_plan_action_linked_to_its_decision(
    themed_meeting: ThemedMeeting,
) -> None:
    decision = Decision.objects.get(meeting=themed_meeting.meeting, order=1)
    owner = make_user("harry")
    action = create_board_action(
        decision, "Report foster carer numbers in December", owner, datetime.date(2026, 12, 2)
    )
    assert action.plan == themed_meeting.plan
    assert action.priority == themed_meeting.homes
    assert action.reference == f"B{themed_meeting.meeting.pk}.1"
    assert action.status == "none"
    decision.refresh_from_db()
    assert decision.action == action
    second = create_board_action(decision, "Another", None, None)
    assert second.reference == f"B{themed_meeting.meeting.pk}.2"
