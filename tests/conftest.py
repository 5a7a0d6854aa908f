"""Fixtures shared by the whole suite."""

from __future__ import annotations

import datetime

import pytest

from careboard.strategy.models import Plan

pytest_plugins = ["tests.e2e.browser"]


@pytest.fixture
def plan(db: None) -> Plan:
    """The 2022-25 strategy, active, with no priorities yet (a test's own `plan` fixture may
    ask for this one and add to it)."""
    return Plan.objects.create(
        slug="cla-2022-25",
        title="CLA and Care Leavers Strategy 2022-25",
        short_title="CLA 2022-25",
        starts_on=datetime.date(2022, 4, 1),
        ends_on=datetime.date(2025, 3, 31),
        status=Plan.Status.ACTIVE,
    )
