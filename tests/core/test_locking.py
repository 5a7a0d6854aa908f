"""Optimistic locking: two people open the same record; the second save is refused, nothing lost.

security.md (Integrity): one wins, the other sees a conflict; nothing is lost silently.
"""

from __future__ import annotations

import datetime

import pytest

from careboard.core.locking import EditConflict, save_if_unchanged
from careboard.strategy.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan() -> Plan:
    return Plan.objects.create(
        title="Children Looked After and Care Leavers Strategy 2022-25",
        short_title="CLA strategy 2022-25",
        slug="cla-strategy-2022-25",
        starts_on=datetime.date(2022, 4, 1),
        ends_on=datetime.date(2025, 3, 31),
        vision="Every child feels safe, loved and listened to.",
    )


def test_a_save_from_the_current_version_is_stored_and_bumps_the_version(plan: Plan) -> None:
    opened = Plan.objects.get(pk=plan.pk)
    opened.vision = "Every child and young person feels safe."

    save_if_unchanged(opened, expected_version=1)

    stored = Plan.objects.get(pk=plan.pk)
    assert stored.version == 2
    assert stored.vision == "Every child and young person feels safe."


def test_the_second_of_two_saves_from_the_same_version_is_refused(plan: Plan) -> None:
    first = Plan.objects.get(pk=plan.pk)
    second = Plan.objects.get(pk=plan.pk)
    first.vision = "First editor's vision."
    second.vision = "Second editor's vision."

    save_if_unchanged(first, expected_version=first.version)
    with pytest.raises(EditConflict) as conflict:
        save_if_unchanged(second, expected_version=1)

    stored = Plan.objects.get(pk=plan.pk)
    assert stored.vision == "First editor's vision."
    assert stored.version == 2
    # The conflict carries what is stored now, so the second editor can see the first's work.
    current = conflict.value.current
    assert isinstance(current, Plan)
    assert current.vision == "First editor's vision."
    assert current.version == 2
