"""Carry-forward: Amber items move into the next plan in one step, history kept both ways.

Seed 003: "Amber means further work is still required and the action will be carried over to
the Corporate Parenting Group Strategy Action Plan 2016 – 2018."
"""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from careboard.accounts.models import Role
from careboard.strategy.models import Action, Plan
from careboard.strategy.rag import Rag
from careboard.strategy.services import CarryForwardError, carry_forward
from tests.strategy.conftest import Scrutiny, signed_in
from tests.strategy.factories import make_action, make_plan, make_priority, make_user, report


def next_plan() -> Plan:
    plan = make_plan(
        "cpp-2016-18",
        title="Corporate Parenting Action Plan 2016-18",
        starts_on=datetime.date(2016, 4, 1),
        ends_on=datetime.date(2018, 3, 31),
    )
    make_priority(plan, 5, "Staying safe")
    make_priority(plan, 6, "Enjoying and achieving economic wellbeing")
    return plan


@pytest.mark.django_db
def test_only_amber_items_are_carried_with_their_details(scrutiny: Scrutiny) -> None:
    target = next_plan()
    admin = make_user("ada", Role.ADMINISTRATOR)

    done = carry_forward(scrutiny.plan, target, admin)

    # R12 and R13 are Amber; R1 Green, 5.1 Red and R7 (no progress reported) stay behind.
    assert sorted(a.reference for a in done.to_carry) == ["R12", "R13"]
    assert sorted(target.actions.values_list("reference", flat=True)) == ["R12", "R13"]
    r12 = target.actions.get(reference="R12")
    assert (r12.title, r12.owner, r12.responsibility, r12.kind) == (
        "Young people understand their pathway plan",
        scrutiny.owner,
        "Head of Service",
        "recommendation",
    )
    assert r12.priority is not None
    assert (r12.priority.plan, r12.priority.number) == (target, 5)
    assert r12.carried_from == scrutiny.r12


@pytest.mark.django_db
def test_running_it_twice_copies_nothing_more(scrutiny: Scrutiny) -> None:
    target = next_plan()
    carry_forward(scrutiny.plan, target, None)

    again = carry_forward(scrutiny.plan, target, None)

    assert again.to_carry == []
    assert sorted(a.reference for a in again.already_carried) == ["R12", "R13"]
    assert target.actions.count() == 2


@pytest.mark.django_db
def test_history_is_visible_both_ways(scrutiny: Scrutiny, board_member: Client) -> None:
    target = next_plan()
    carry_forward(scrutiny.plan, target, None)
    successor = target.actions.get(reference="R12")
    before_update = board_member.get(successor.get_absolute_url()).content.decode()
    assert "When carried forward from cpp-2014-16 it was" in before_update
    report(successor, Rag.GREEN, datetime.date(2017, 6, 1), "Pathway plans now audited.")

    assert [u.narrative for u in successor.history()] == [
        "Pathway plans now audited.",
        "Pathway plan quality still variable.",
        "Early view, later revised.",
    ]
    new_page = board_member.get(successor.get_absolute_url()).content.decode()
    assert "Pathway plan quality still variable." in new_page
    assert scrutiny.r12.get_absolute_url() in new_page  # "Carried forward from"
    old_page = board_member.get(scrutiny.r12.get_absolute_url()).content.decode()
    assert "Carried forward into" in old_page
    assert successor.get_absolute_url() in old_page


@pytest.mark.django_db
def test_a_reference_already_used_in_the_target_refuses_the_whole_step(
    scrutiny: Scrutiny,
) -> None:
    target = next_plan()
    make_action(target, "R13", "A different item that happens to share the reference")

    with pytest.raises(CarryForwardError, match="R13"):
        carry_forward(scrutiny.plan, target, None)

    assert not target.actions.filter(carried_from__isnull=False).exists()  # not even R12


@pytest.mark.django_db
def test_links_to_carried_recommendations_follow_them(scrutiny: Scrutiny) -> None:
    report(scrutiny.a51, Rag.AMBER, datetime.date(2016, 3, 2))
    target = next_plan()

    carry_forward(scrutiny.plan, target, None)

    new_action = target.actions.get(reference="5.1")
    assert list(new_action.recommendations.all()) == [target.actions.get(reference="R12")]


@pytest.mark.django_db
def test_the_page_is_for_administrators_and_does_it_in_one_step(scrutiny: Scrutiny) -> None:
    target = next_plan()
    url = reverse("strategy:carry_forward", args=[scrutiny.plan.slug])
    administrator = signed_in(make_user("ada", Role.ADMINISTRATOR))

    assert signed_in(scrutiny.owner).get(url).status_code == 403
    preview = administrator.get(url).content.decode()
    assert "Carry 2 items forward" in preview
    assert "Young people understand their pathway plan" in preview

    missing = administrator.post(url, {})
    assert "Select the plan to carry the items into" in missing.content.decode()
    response = administrator.post(url, {"target": target.pk})

    assert response.status_code == 302
    assert Action.objects.filter(plan=target, carried_from__isnull=False).count() == 2
    assert "Every Amber item has already been carried forward." in (
        administrator.get(url).content.decode()
    )


@pytest.mark.django_db
def test_a_carried_item_is_no_longer_overdue_in_the_old_plan(
    scrutiny: Scrutiny, board_member: Client
) -> None:
    scrutiny.r13.due_on = datetime.date(2016, 3, 31)
    scrutiny.r13.save()
    overdue = reverse("strategy:tracker") + "?overdue=on&plan=cpp-2014-16"
    assert "R13" in board_member.get(overdue).content.decode()

    carry_forward(scrutiny.plan, next_plan(), None)

    assert "R13" not in board_member.get(overdue).content.decode()


@pytest.mark.django_db
def test_the_audit_trail_names_who_carried_the_items(scrutiny: Scrutiny) -> None:
    from careboard.core.models import AuditEvent

    target = next_plan()
    admin = make_user("ada", Role.ADMINISTRATOR)

    carry_forward(scrutiny.plan, target, admin)

    created = AuditEvent.objects.filter(model="strategy.Action", action="create").order_by("-id")
    assert [event.actor for event in created[:2]] == [admin, admin]
