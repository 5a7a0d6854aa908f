"""With the demo data, the scrutiny report reproduces seed 003's reported statuses: 16 Green,
4 Amber, no Red; recommendations 5, 8, 14, 16 and 22 are not mentioned (no progress
reported); the Amber ones (12, 13, 15, 17) are carried into the 2016-18 plan."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.test import override_settings

from careboard.demo.data import action_plan_2014_16
from careboard.demo.loader import load_demo
from careboard.governance.reports.model import Paragraph, Section
from careboard.governance.reports.scrutiny import build_scrutiny_report
from careboard.strategy.models import Plan

FAST_HASHING = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


@pytest.fixture(scope="module")
def _demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock(), FAST_HASHING, transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_plan(_demo: None, db: None) -> Plan:
    return Plan.objects.get(slug=action_plan_2014_16.SLUG)


def _verdicts(section: Section) -> list[str]:
    found = []
    for block in section.blocks:
        if isinstance(block, Section):
            found += _verdicts(block)
        elif isinstance(block, Paragraph) and block.text.startswith("Progress against"):
            found.append(block.text)
    return found


def test_demo_scrutiny_report_matches_seed_003(demo_plan: Plan) -> None:
    report = build_scrutiny_report(demo_plan)
    appendix = report.sections[1]
    assert _verdicts(appendix) == [
        "Progress against Recommendation 1: Green",
        "Progress against Recommendation 8: No progress reported",
        "Progress against Recommendation 22: No progress reported",
        "Progress against Recommendation 2: Green",
        "Progress against Recommendation 4: Green",
        "Progress against Recommendation 5: No progress reported",
        "Progress against Recommendations 6 and 9: Green",
        "Progress against Recommendations 7, 10 and 11: Green",
        "Progress against Recommendation 12: Amber",
        "Progress against Recommendations 23, 24 and 25: Green",
        "Progress against Recommendations 3, 18, 19, 20 and 21: Green",
        "Progress against Recommendations 13, 15 and 17: Amber",
        "Progress against Recommendation 14: No progress reported",
        "Progress against Recommendation 16: No progress reported",
    ]


def test_demo_counts_and_carry_forward(demo_plan: Plan) -> None:
    report = build_scrutiny_report(demo_plan)
    summary_table = next(b for b in report.sections[0].blocks if hasattr(b, "rows"))
    assert [row[1] for row in summary_table.rows] == [16, 4, 0, 5, 25]
    carried = next(b for b in report.sections[2].blocks if hasattr(b, "rows"))
    assert [row[0] for row in carried.rows] == ["12", "13", "15", "17"]
    assert all("2016-18" in str(row[3]) for row in carried.rows)
