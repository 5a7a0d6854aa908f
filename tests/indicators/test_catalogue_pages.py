"""The indicator catalogue pages: grouped by vision and priority, with no values yet."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from careboard.accounts.models import Role, User
from careboard.indicators.models import CatalogueEntry
from careboard.strategy.models import Plan, Priority


@pytest.fixture
def plan(plan: Plan) -> Plan:
    """A two-priority strategy with three of seed 000's Measuring Success lines (the
    package's plan has the health priority already)."""
    health = plan.priorities.get(slug="health")
    health.title = "Emotional and physical health and wellbeing"
    health.save()
    Priority.objects.create(
        plan=plan, number=2, slug="independence", title="Independence and transition to adulthood"
    )
    CatalogueEntry.objects.create(
        plan=plan,
        priority=None,
        order=1,
        strategy_wording="Number of CLA starters",
        code="cla_starters",
        source="ssda903",
        unit="count",
        polarity="contextual",
    )
    CatalogueEntry.objects.create(
        plan=plan,
        priority=health,
        order=2,
        strategy_wording="CAMHs waiting times",
        code="camhs_waiting_weeks",
        source="manual",
        unit="weeks",
        polarity="lower",
        note="No national measure for children looked after.",
    )
    CatalogueEntry.objects.create(
        plan=plan,
        priority=health,
        order=1,
        strategy_wording="% of CLA for 12 months or more who have had a Dental check",
        code="oc2_dental_check_pct",
        source="ssda903",
        unit="%",
        polarity="higher",
        owner="Designated Nurse",
    )
    return plan


def _signed_in(role: Role) -> Client:
    user = User(username=role.value, role=role)
    user.set_unusable_password()
    user.save()
    client = Client()
    client.force_login(user)
    return client


def test_catalogue_groups_entries_by_vision_then_priority(plan: Plan) -> None:
    page = _signed_in(Role.BOARD_MEMBER).get(reverse("indicators:catalogue")).content.decode()

    vision = page.index(">Vision</h2>")
    priority_1 = page.index("Priority 1: Emotional and physical health and wellbeing")
    priority_2 = page.index("Priority 2: Independence and transition to adulthood")
    assert vision < page.index("Number of CLA starters") < priority_1
    # Within a priority the list keeps the strategy's order (the `order` field).
    assert priority_1 < page.index("Dental check") < page.index("CAMHs waiting times")
    assert page.index("CAMHs waiting times") < priority_2
    assert "No indicators listed for this section." in page[priority_2:]
    assert page.count("No values yet") == 4  # the notice and one cell per indicator
    assert "2 computed from the SSDA903 return" in page
    assert "1 entered by hand" in page


def test_catalogue_shows_source_unit_polarity_and_owner(plan: Plan) -> None:
    page = _signed_in(Role.AUDITOR).get(reverse("indicators:catalogue")).content.decode()
    dental_row = page[page.index("Dental check") : page.index("CAMHs waiting times")]
    assert "903 return" in dental_row
    assert ">%</td>" in dental_row
    assert "Higher is better" in dental_row
    assert "Designated Nurse" in dental_row
    camhs_row = page[page.index("CAMHs waiting times") :]
    assert "Manual" in camhs_row
    assert "Lower is better" in camhs_row
    assert "Not set" in camhs_row  # no owner


def test_entry_page_shows_definition_note_and_no_values(plan: Plan) -> None:
    response = _signed_in(Role.PERFORMANCE_ANALYST).get(
        reverse("indicators:entry", args=["camhs_waiting_weeks"])
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-l">CAMHs waiting times</h1>' in page
    assert "No national measure for children looked after." in page
    assert "entered by hand" in page
    assert "No values yet." in page
    assert reverse("strategy:priority", args=["cla-2022-25", "health"]) in page


def test_unknown_code_is_not_found(plan: Plan) -> None:
    response = _signed_in(Role.BOARD_MEMBER).get(reverse("indicators:entry", args=["nope"]))
    assert response.status_code == 404


def test_empty_catalogue_says_so(db: None) -> None:
    page = _signed_in(Role.BOARD_MEMBER).get(reverse("indicators:catalogue")).content.decode()
    assert "No plan has an indicator catalogue yet." in page


@pytest.mark.parametrize("role", list(Role))
def test_every_role_may_view_the_catalogue(plan: Plan, role: Role) -> None:
    client = _signed_in(role)
    assert client.get(reverse("indicators:catalogue")).status_code == 200
    assert client.get(reverse("indicators:entry", args=["cla_starters"])).status_code == 200


def test_anonymous_people_are_sent_to_sign_in(plan: Plan) -> None:
    for url in (
        reverse("indicators:catalogue"),
        reverse("indicators:entry", args=["cla_starters"]),
    ):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
