"""Care council verdicts and 'you said, we did' (issue 7)."""

import datetime as dt

import pytest
from django.urls import reverse

from careboard.accounts.models import Role, User
from careboard.strategy.models import Plan, Priority
from careboard.voice.models import CareCouncilVerdict, YouSaidWeDid

pytestmark = pytest.mark.django_db


@pytest.fixture
def priority():
    plan = Plan.objects.create(
        title="Strategy 2022-25",
        short_title="2022-25",
        slug="s",
        starts_on=dt.date(2022, 4, 1),
        ends_on=dt.date(2025, 3, 31),
        status=Plan.Status.ACTIVE,
    )
    return Priority.objects.create(
        plan=plan, number=3, title="Positive lived experiences", slug="p3"
    )


def test_a_verdict_on_a_priority_is_recorded_and_kept_over_time(client, priority):
    worker = User.objects.create_user("p", role=Role.PARTICIPATION_WORKER)
    client.force_login(worker)
    for when, verdict in [("2023-01-10", "same"), ("2023-06-12", "better")]:
        response = client.post(
            reverse("voice:verdicts"),
            {
                "council": "care_leavers",
                "heard_on": when,
                "priority": priority.pk,
                "action": "",
                "verdict": verdict,
                "what_they_said": "More flats near college.",
            },
        )
        assert response.status_code == 302
    assert list(CareCouncilVerdict.objects.values_list("verdict", flat=True)) == ["better", "same"]
    assert CareCouncilVerdict.objects.first().recorded_by == worker


def test_a_verdict_must_say_what_it_is_about(client, priority):
    client.force_login(User.objects.create_user("p", role=Role.PARTICIPATION_WORKER))
    response = client.post(
        reverse("voice:verdicts"),
        {
            "council": "cla",
            "heard_on": "2023-01-10",
            "priority": "",
            "action": "",
            "verdict": "worse",
            "what_they_said": "x",
        },
    )
    assert "Choose the priority or the action" in response.content.decode()
    assert not CareCouncilVerdict.objects.exists()


def test_you_said_we_did_needs_a_second_person_to_publish(client, priority):
    writer = User.objects.create_user("writer", role=Role.PARTICIPATION_WORKER)
    approver = User.objects.create_user("approver", role=Role.ADMINISTRATOR)
    client.force_login(writer)
    client.post(
        reverse("voice:you_said_we_did"),
        {
            "priority": priority.pk,
            "action": "",
            "you_said": "Young people wanted gym passes.",
            "we_did": "Every care leaver can now get one.",
        },
    )
    entry = YouSaidWeDid.objects.get()
    approve = reverse("voice:you_said_we_did_approve", args=[entry.pk])
    client.post(approve)
    entry.refresh_from_db()
    assert not entry.approved
    assert (
        "Young people wanted gym passes."
        not in client.get(reverse("public:changes")).content.decode()
    )

    client.force_login(approver)
    client.post(approve)
    entry.refresh_from_db()
    assert (entry.approved, entry.approved_by) == (True, approver)
    assert (
        "Young people wanted gym passes." in client.get(reverse("public:changes")).content.decode()
    )
