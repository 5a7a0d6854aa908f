"""A consistent return passes every rule; every rule's SQL runs in every year."""

from __future__ import annotations

import pytest

from careboard.analytics.ssda903.codes import YEARS
from careboard.analytics.ssda903.validate import validate_tables
from tests.analytics.ssda903.rules.examples import clean_return, last_years_return


def test_the_clean_2024_25_return_has_no_findings():
    findings = validate_tables(clean_return(), 2025, last_years_return())
    assert [(f.rule_id, f.table, f.row, f.column, f.message) for f in findings] == []


@pytest.mark.parametrize("year", YEARS)
def test_every_rule_runs_in_every_year(year):
    findings = validate_tables(clean_return(), year, last_years_return())
    assert all(f.rule_id for f in findings)
