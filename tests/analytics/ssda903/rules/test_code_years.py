"""Codes from another collection year, child IDs and DOBs across tables (903-schema.md 2.14)."""

from __future__ import annotations

from careboard.analytics.ssda903.validate import validate_tables
from tests.analytics.ssda903.rules.examples import Cells, Whole, places, tables_of


def test_a_retired_code_is_reported_once_with_the_years_it_was_valid():
    # E43 (special guardianship) was replaced by E45-E48 in 2018-19
    tables = tables_of(episodes=[{"CHILD": "A", "REC": "E43"}, {"CHILD": "B", "REC": "E45"}])
    findings = [f for f in validate_tables(tables, 2025) if f.column == "REC"]
    assert [(f.rule_id, f.row) for f in findings] == [("CB-CODE-YEAR", 2)]
    assert "valid in 2016-17 to 2017-18" in findings[0].message
    assert places("CB-CODE-YEAR", 2018, tables) == [("episodes", 3, "REC")]


def test_a_code_from_a_later_year_is_reported_too():
    # SEX M/F/U came in 2024-25; K3 in 2024-25
    tables = tables_of(
        header=[{"CHILD": "A", "SEX": "M"}], episodes=[{"CHILD": "A", "PLACE": "K3"}]
    )
    assert places("CB-CODE-YEAR", 2024, tables) == [("header", 2, "SEX"), ("episodes", 2, "PLACE")]
    assert places("CB-CODE-YEAR", 2025, tables) == []


def test_child_ids_are_letters_and_digits():
    Cells(
        "CB-ID-01",
        "reviews",
        "CHILD",
        ok=[{"CHILD": "AB12"}],
        bad=[{"CHILD": "12345.0"}, {"CHILD": "A" * 21}, {"CHILD": None}],
    ).check()


def test_dob_is_a_date_in_every_table():
    Whole(
        "CB-DOB-01",
        ok=tables_of(oc3=[{"CHILD": "A", "DOB": "01/07/2006"}]),
        bad=tables_of(
            oc3=[{"CHILD": "A", "DOB": "01/07/06"}], reviews=[{"CHILD": "A", "DOB": "31/06/2006"}]
        ),
        expected=[("reviews", 2, "DOB"), ("oc3", 2, "DOB")],
    ).check()
