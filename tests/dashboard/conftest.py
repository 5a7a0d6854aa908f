"""A small plan for the dashboard: one priority with two actions, a 903 percentage with a
target and DfE benchmarks (foster placements), a contextual count with a small number, a
manual score that may be negative, and an indicator with no values yet.

Figures are invented. Values and targets are recorded through the indicator services, so
the stored judgements are the ones the real app would store."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.test import Client

from careboard.accounts.models import Role, User
from careboard.indicators import judgements
from careboard.indicators.models import CatalogueEntry, ValueSource
from careboard.indicators.records import NewValue, enter_value, record_value, set_target
from careboard.strategy.models import Action, Plan, Priority, ProgressUpdate


@pytest.fixture
def homes(plan: Plan) -> Priority:
    return Priority.objects.create(plan=plan, number=3, slug="homes", title="Stable homes")


def entry(plan: Plan, priority: Priority | None, order: int, code: str, **fields: str):
    values = {
        "strategy_wording": code.replace("_", " ").capitalize(),
        "source": "manual",
        "unit": "%",
        "polarity": "higher",
        "period": "At 31 March",
    }
    values.update(fields)
    return CatalogueEntry.objects.create(
        plan=plan, priority=priority, order=order, code=code, **values
    )


@pytest.fixture
def foster(plan: Plan, homes: Priority) -> CatalogueEntry:
    """Children looked after at 31 March placed with foster carers: 2021 to 2025, with a
    80% target (tolerance 5) in 2024 and 2025. 2025: 140 of 200 = 70%, so Red."""
    found = entry(plan, homes, 1, "foster_placement_pct", source="ssda903")
    for year, numerator in ((2021, 150), (2022, 152), (2023, 156), (2024, 158), (2025, 140)):
        record_value(
            found,
            year,
            NewValue(round(100 * numerator / 200, 1), numerator, 200),
            source=ValueSource.COMPUTED,
            by="test",
        )
    for year in (2024, 2025):
        set_target(found, year, 80, 5, reason="Board target", by="test", refresh=False)
    judgements.refresh(found)
    return found


@pytest.fixture
def uasc(plan: Plan, homes: Priority) -> CatalogueEntry:
    """A contextual count: 4 in 2025 (a small number), not derivable in 2024."""
    found = entry(plan, homes, 2, "uasc_count_31mar", unit="count", polarity="contextual")
    record_value(
        found,
        2024,
        NewValue(None, flags=("not_derivable",), note="No 2023 return to compare with"),
        source=ValueSource.COMPUTED,
        by="test",
    )
    enter_value(found, 2025, NewValue(4, 4), source=ValueSource.MANUAL, by="test")
    return found


@pytest.fixture
def progress8(plan: Plan) -> CatalogueEntry:
    """A vision indicator: Progress 8 average, negative, academic years."""
    found = entry(plan, None, 1, "progress8_average", unit="score", period="Academic year")
    enter_value(found, 2024, NewValue(-1.31, None, 24), source=ValueSource.MANUAL, by="test")
    enter_value(found, 2025, NewValue(-0.9, None, 26), source=ValueSource.MANUAL, by="test")
    return found


@pytest.fixture
def awaiting(plan: Plan, homes: Priority) -> CatalogueEntry:
    return entry(plan, homes, 3, "kinship_carers_supported_pct")


@pytest.fixture
def actions(plan: Plan, homes: Priority) -> list[Action]:
    """3.1 is Red and overdue; 3.2 has no progress reported and is not due yet."""
    late = Action.objects.create(
        plan=plan,
        priority=homes,
        reference="3.1",
        title="Recruit more foster carers",
        due_on=datetime.date(2020, 1, 31),
    )
    ProgressUpdate.objects.create(
        action=late, reported_on=datetime.date(2020, 1, 1), narrative="Stalled.", rag="red"
    )
    later = Action.objects.create(
        plan=plan,
        priority=homes,
        reference="3.2",
        title="Open a new children's home",
        due_on=datetime.date(2099, 1, 31),
    )
    return [late, later]


@pytest.fixture
def board(plan: Plan, foster, uasc, progress8, awaiting, actions) -> Plan:
    """The whole small board."""
    return plan


@pytest.fixture
def board_member(db: None) -> Client:
    user = User(username="councillor", role=Role.BOARD_MEMBER, first_name="Sam", last_name="Ray")
    user.set_unusable_password()
    user.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def client_as(db: None) -> Callable[[Role], Client]:
    def signed_in(role: Role) -> Client:
        user = User(username=role.value, role=role)
        user.set_unusable_password()
        user.save()
        client = Client()
        client.force_login(user)
        return client

    return signed_in
