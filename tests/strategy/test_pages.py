"""Every strategy page renders for a board member, with what the seeds say it must show."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from careboard.strategy.models import GovernanceBody, Principle
from tests.strategy.conftest import Scrutiny


@pytest.mark.django_db
def test_overview_shows_vision_sections_principles_and_governance(
    scrutiny: Scrutiny, board_member: Client
) -> None:
    plan = scrutiny.plan
    plan.vision = "Children in our care feel safe, loved and listened to."
    plan.underpinning_principle = "The voice of the child underpins the whole strategy."
    plan.save()
    Principle.objects.create(plan=plan, order=1, text="Act in the best interests of children")
    GovernanceBody.objects.create(plan=plan, order=1, name="Corporate Parenting Board")
    GovernanceBody.objects.create(plan=plan, order=2, name="Operational Group")

    page = board_member.get(reverse("strategy:home")).content.decode()

    assert "Children in our care feel safe, loved and listened to." in page
    assert "Objective 5: Staying safe" in page  # an older plan says "Objective"
    assert '<h2 class="govuk-heading-l">Objectives</h2>' in page
    assert "The voice of the child underpins" in page
    assert "Act in the best interests of children" in page
    assert page.index("Corporate Parenting Board") < page.index("Operational Group")


@pytest.mark.django_db
def test_home_prefers_the_active_plan(scrutiny: Scrutiny, board_member: Client) -> None:
    from tests.strategy.factories import make_plan

    scrutiny.plan.status = "closed"
    scrutiny.plan.save()
    make_plan(
        "cla-2022-25", title="CLA and Care Leavers Strategy 2022-25", section_label="Priority"
    )

    page = board_member.get(reverse("strategy:home")).content.decode()

    assert '<h1 class="govuk-heading-l">CLA and Care Leavers Strategy 2022-25</h1>' in page
    assert "Corporate Parenting Strategy 2014-16" in page  # under "Other plans"


@pytest.mark.django_db
def test_priority_page_lists_its_actions_and_indicators(
    scrutiny: Scrutiny, board_member: Client
) -> None:
    from careboard.indicators.models import CatalogueEntry

    safe = scrutiny.a51.priority
    assert safe is not None
    CatalogueEntry.objects.create(
        plan=scrutiny.plan,
        priority=safe,
        order=1,
        strategy_wording="Care leavers in suitable accommodation",
        code="care-leavers-suitable-accommodation",
        source="ssda903",
        polarity="higher",
    )

    page = board_member.get(safe.get_absolute_url()).content.decode()

    assert "Review supported accommodation" in page
    assert "Young people understand their pathway plan" in page
    assert "Raise aspirations" not in page  # Objective 1's
    assert "Care leavers in suitable accommodation" in page
    assert 'href="/indicators/care-leavers-suitable-accommodation/"' in page


@pytest.mark.django_db
def test_action_page_shows_summary_links_and_history(
    scrutiny: Scrutiny, board_member: Client
) -> None:
    page = board_member.get(scrutiny.r12.get_absolute_url()).content.decode()

    assert "Recommendation R12" in page
    assert 'cb-rag--amber">Amber<' in page
    assert "Actions addressing this recommendation" in page
    assert scrutiny.a51.get_absolute_url() in page
    assert page.index("1 March 2016") < page.index("5 January 2015")  # newest first
    assert "Record progress" not in page  # board members read only


@pytest.mark.django_db
def test_anonymous_people_are_sent_to_sign_in(scrutiny: Scrutiny) -> None:
    response = Client().get(reverse("strategy:tracker"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.django_db
def test_register_counts_per_objective_and_overall(
    scrutiny: Scrutiny, board_member: Client
) -> None:
    from careboard.strategy.services import recommendation_register

    (register,) = recommendation_register()
    by_number = {s.priority.number: s.counts.counts for s in register.sections if s.priority}

    assert by_number[1] == {"red": 0, "amber": 0, "none": 0, "green": 1}
    assert by_number[2] == {"red": 0, "amber": 0, "none": 0, "green": 0}
    assert by_number[5] == {"red": 0, "amber": 1, "none": 1, "green": 0}
    assert by_number[6] == {"red": 0, "amber": 1, "none": 0, "green": 0}
    assert register.counts.counts == {"red": 0, "amber": 2, "none": 1, "green": 1}

    page = board_member.get(reverse("strategy:register")).content.decode()
    assert "There are no scrutiny recommendations within this objective." in page
    assert "Overall: 4 recommendations" in page


@pytest.mark.django_db
def test_home_without_any_plan_says_so(board_member: Client) -> None:
    page = board_member.get(reverse("strategy:home")).content.decode()

    assert "No strategy or action plan has been added yet." in page
