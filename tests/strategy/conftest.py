"""A tiny 2014-16 plan shaped like seed 003/004: objectives, actions and recommendations."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.test import Client

from careboard.accounts.models import Role, User
from careboard.strategy.models import Action, Plan
from careboard.strategy.rag import Rag
from tests.strategy.factories import make_action, make_plan, make_priority, make_user, report

MARCH_2016 = datetime.date(2016, 3, 1)


@dataclass
class Scrutiny:
    plan: Plan
    owner: User
    other_owner: User
    r1: Action  # Green (seed 003: Recommendation 1)
    r12: Action  # Amber (Recommendation 12, pathway plans)
    r13: Action  # Amber (Recommendation 13, schools and social workers)
    r7: Action  # nobody reported: no progress reported
    a51: Action  # action under Objective 5, owned by `owner`, Red, due 2015


@pytest.fixture
def scrutiny(db: None) -> Scrutiny:
    owner = make_user("olive", Role.ACTION_OWNER)
    other_owner = make_user("oscar", Role.ACTION_OWNER)
    plan = make_plan("cpp-2014-16", title="Corporate Parenting Strategy 2014-16")
    listen = make_priority(plan, 1, "Listen to children and young people")
    make_priority(plan, 2, "Support corporate parents")
    safe = make_priority(plan, 5, "Staying safe")
    achieve = make_priority(plan, 6, "Enjoying and achieving economic wellbeing")
    recommendation = Action.Kind.RECOMMENDATION
    r1 = make_action(plan, "R1", "Raise aspirations", listen, kind=recommendation)
    r12 = make_action(
        plan,
        "R12",
        "Young people understand their pathway plan",
        safe,
        kind=recommendation,
        owner=owner,
        responsibility="Head of Service",
    )
    r7 = make_action(plan, "R7", "Information on financial settlements", safe, kind=recommendation)
    r13 = make_action(
        plan,
        "R13",
        "Schools and social workers work closely",
        achieve,
        kind=recommendation,
        owner=other_owner,
    )
    a51 = make_action(
        plan,
        "5.1",
        "Review supported accommodation",
        safe,
        owner=owner,
        due_on=datetime.date(2015, 9, 30),
        responsibility="Housing",
    )
    a51.recommendations.set([r12])
    report(r1, Rag.GREEN, MARCH_2016)
    report(r12, Rag.GREEN, datetime.date(2015, 1, 5), "Early view, later revised.")
    report(r12, Rag.AMBER, MARCH_2016, "Pathway plan quality still variable.")
    report(r13, Rag.AMBER, MARCH_2016)
    report(a51, Rag.RED, datetime.date(2015, 12, 1))
    return Scrutiny(plan, owner, other_owner, r1, r12, r13, r7, a51)


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def board_member(db: None) -> Client:
    return signed_in(make_user("bella", Role.BOARD_MEMBER))


@pytest.fixture
def administrator(db: None) -> Client:
    return signed_in(make_user("ada", Role.ADMINISTRATOR))
