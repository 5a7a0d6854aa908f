"""Recording progress: who may, what is checked, and the optimistic-locking conflict."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from careboard.accounts.models import Role
from careboard.strategy.models import Action, ProgressUpdate
from tests.strategy.conftest import Scrutiny, signed_in
from tests.strategy.factories import make_user


def answers(action: Action, narrative: str = "Housing review done.", **extra: Any) -> dict:
    return {
        "reported_on_day": "2",
        "reported_on_month": "4",
        "reported_on_year": "2016",
        "narrative": narrative,
        "rag": "green",
        "version": str(action.version),
        **extra,
    }


def post_update(client: Client, action: Action, data: dict) -> Any:
    return client.post(reverse("strategy:action_update", args=[action.pk]), data)


@pytest.mark.django_db
def test_the_owner_records_a_new_update_and_the_status_follows(scrutiny: Scrutiny) -> None:
    action = scrutiny.a51
    response = post_update(signed_in(scrutiny.owner), action, answers(action))

    assert response.status_code == 302
    newest = action.updates.first()
    assert newest is not None
    assert (newest.reported_on.isoformat(), newest.rag, newest.author) == (
        "2016-04-02",
        "green",
        scrutiny.owner,
    )
    assert action.updates.count() == 2  # the Red update of December 2015 is kept
    action.refresh_from_db()
    assert (action.status, action.version) == ("green", 2)


@pytest.mark.django_db
def test_not_rated_adds_a_note_without_changing_the_status(scrutiny: Scrutiny) -> None:
    action = scrutiny.a51
    post_update(signed_in(scrutiny.owner), action, answers(action, rag="not_rated"))

    assert action.updates.count() == 2
    assert action.status == "red"


@pytest.mark.django_db
def test_owners_see_the_form_on_their_own_action_only(scrutiny: Scrutiny) -> None:
    owner = signed_in(scrutiny.owner)

    assert "Record progress" in owner.get(scrutiny.a51.get_absolute_url()).content.decode()
    assert "Record progress" not in owner.get(scrutiny.r13.get_absolute_url()).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.ADMINISTRATOR, True),
        (Role.ACTION_OWNER, False),  # owns another action (R13), not this one
        (Role.BOARD_MEMBER, False),
        (Role.AUDITOR, False),
    ],
)
def test_only_the_owner_or_an_administrator_may_update(
    scrutiny: Scrutiny, role: Role, allowed: bool
) -> None:
    user = scrutiny.other_owner if role == Role.ACTION_OWNER else make_user("someone", role)
    response = post_update(signed_in(user), scrutiny.a51, answers(scrutiny.a51))

    assert response.status_code == (302 if allowed else 403)
    assert scrutiny.a51.updates.count() == (2 if allowed else 1)


@pytest.mark.django_db
def test_the_update_address_only_accepts_posts(scrutiny: Scrutiny) -> None:
    url = reverse("strategy:action_update", args=[scrutiny.a51.pk])

    assert signed_in(scrutiny.owner).get(url).status_code == 405


@pytest.mark.django_db
def test_errors_are_listed_and_link_to_their_fields(scrutiny: Scrutiny) -> None:
    action = scrutiny.a51
    data = answers(action, narrative="", rag="", reported_on_day="31", reported_on_month="2")
    page = post_update(signed_in(scrutiny.owner), action, data).content.decode()

    assert '<a href="#id_narrative">Enter what has happened since the last update</a>' in page
    assert '<a href="#id_rag_0">Select a status, or Not rated</a>' in page
    assert '<a href="#id_reported_on_day">The date of the update must be a real date</a>' in page
    assert action.updates.count() == 1


@pytest.mark.django_db
def test_a_form_without_its_version_is_refused(scrutiny: Scrutiny) -> None:
    data = answers(scrutiny.a51)
    del data["version"]
    page = post_update(signed_in(scrutiny.owner), scrutiny.a51, data).content.decode()

    assert "This form is out of date. Open the action again." in page
    assert scrutiny.a51.updates.count() == 1


@pytest.mark.django_db
def test_a_future_date_is_refused(scrutiny: Scrutiny) -> None:
    data = answers(scrutiny.a51, reported_on_year="2999")
    page = post_update(signed_in(scrutiny.owner), scrutiny.a51, data).content.decode()

    assert "The date of the update must be today or in the past" in page


@pytest.mark.django_db
def test_two_people_update_at_once_and_the_second_sees_a_conflict(scrutiny: Scrutiny) -> None:
    action = scrutiny.a51
    owner = signed_in(scrutiny.owner)
    administrator = signed_in(make_user("ada", Role.ADMINISTRATOR))
    # Both open the form at version 1.
    opened_by_owner = answers(action, narrative="Owner's words: review under way.")
    opened_by_admin = answers(action, narrative="Admin's words: minuted at the board.", rag="amber")

    first = post_update(owner, action, opened_by_owner)
    second = post_update(administrator, action, opened_by_admin)

    assert first.status_code == 302
    assert second.status_code == 409
    page = second.content.decode()
    assert "Someone else updated this action while you were writing" in page
    assert "Admin&#x27;s words: minuted at the board." in page  # nothing they typed is lost
    assert 'name="version" value="2"' in page  # saving again is now possible
    assert list(
        ProgressUpdate.objects.filter(action=action).values_list("narrative", flat=True)
    ) == ["Owner's words: review under way.", "Progress noted."]

    again = post_update(administrator, action, {**opened_by_admin, "version": "2"})
    assert again.status_code == 302
    assert action.updates.count() == 3
