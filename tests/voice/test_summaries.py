"""The priority page shows themes and verdicts, never the words (issue 7, dashboard links)."""

import datetime as dt

import pytest

from careboard.accounts.models import Role, User
from careboard.strategy.models import Plan, Priority
from careboard.voice.models import CareCouncilVerdict, Feedback
from careboard.voice.summaries import themes

pytestmark = pytest.mark.django_db


@pytest.fixture
def priority():
    plan = Plan.objects.create(
        title="Strategy",
        short_title="S",
        slug="s",
        starts_on=dt.date(2022, 4, 1),
        ends_on=dt.date(2025, 3, 31),
    )
    return Priority.objects.create(plan=plan, number=3, title="Homes", slug="homes")


def feedback(priority, theme, n, status="triaged", text="Private words 5521"):
    for _ in range(n):
        Feedback.objects.create(
            about="homes", whats_not_good=text, priority=priority, theme=theme, status=status
        )


def test_themes_are_counted_by_year_with_small_counts_hidden(priority):
    feedback(priority, "Placement moves", 7)
    feedback(priority, "Homes near college", 2)
    feedback(priority, "Not yet triaged", 9, status="new")
    year = dt.date.today().year
    assert [(t.theme, t.year, t.count.text) for t in themes(priority)] == [
        ("Homes near college", year, "c"),
        ("Placement moves", year, "7"),
    ]


def test_the_priority_page_shows_themes_and_verdicts_but_not_what_was_written(client, priority):
    feedback(priority, "Placement moves", 6)
    CareCouncilVerdict.objects.create(
        council="cla",
        heard_on=dt.date(2023, 1, 17),
        priority=priority,
        verdict="worse",
        what_they_said="Members moved home more than once.",
    )
    client.force_login(User.objects.create_user("b", role=Role.BOARD_MEMBER))
    page = client.get(priority.get_absolute_url()).content.decode()
    assert "Placement moves" in page
    assert "Members moved home more than once." in page
    assert "Private words 5521" not in page


def test_an_action_page_shows_the_verdicts_given_on_it(client, priority):
    from careboard.strategy.models import Action

    action = Action.objects.create(
        plan=priority.plan, priority=priority, reference="3.1", title="Review the fostering offer"
    )
    CareCouncilVerdict.objects.create(
        council="care_leavers",
        heard_on=dt.date(2024, 1, 16),
        action=action,
        verdict="same",
        what_they_said="Still not enough carers for teenagers.",
    )
    client.force_login(User.objects.create_user("b", role=Role.BOARD_MEMBER))
    page = client.get(action.get_absolute_url()).content.decode()
    assert "Still not enough carers for teenagers." in page
