"""The registry: every rule declared completely, and every rule shown by an example."""

from __future__ import annotations

from careboard.analytics.ssda903.codes import YEARS
from careboard.analytics.ssda903.rules.registry import all_rules
from careboard.analytics.ssda903.tables import TABLE_COLUMNS
from tests.analytics.ssda903.rules import (
    test_cross_table,
    test_episode_ages,
    test_episode_chain,
    test_episodes_fields,
    test_header,
    test_outcomes,
    test_previous_year,
    test_small_tables,
    test_social_workers,
)

EXAMPLE_MODULES = (
    test_header,
    test_episodes_fields,
    test_episode_ages,
    test_episode_chain,
    test_small_tables,
    test_outcomes,
    test_social_workers,
    test_cross_table,
    test_previous_year,
)
# rules shown by test functions rather than CASES lists (test_code_years.py)
SHOWN_BY_FUNCTIONS = {"CB-CODE-YEAR", "CB-ID-01", "CB-DOB-01"}


def test_there_are_at_least_60_rules():
    assert len(all_rules()) >= 60


def test_every_rule_has_an_example():
    shown = {case.rule for module in EXAMPLE_MODULES for case in module.CASES}
    assert {r.id for r in all_rules()} - shown - SHOWN_BY_FUNCTIONS == set()


def test_every_rule_is_declared_completely():
    for rule in all_rules():
        assert rule.message.endswith((".", ")")), rule.id
        assert rule.fields, rule.id
        assert set(rule.tables) <= set(TABLE_COLUMNS), rule.id
        assert rule.years, rule.id
        assert set(rule.years) <= set(YEARS), rule.id
        known = {c for t in rule.tables for c in TABLE_COLUMNS[t]}
        assert set(rule.fields) <= known, rule.id
