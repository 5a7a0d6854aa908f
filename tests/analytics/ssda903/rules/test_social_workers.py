"""SWEpisodes rules, from 2023-24 (903-schema.md 2.11)."""

from __future__ import annotations

import pytest

from careboard.analytics.ssda903.validate import validate_tables
from tests.analytics.ssda903.rules.examples import Cells, Example, Whole, table, tables_of

SW = "sw_episodes"
FIRST = {"CHILD": "A", "SW_ID": "SW1", "SW_DECOM": "01/01/2023", "SW_DEC": "01/06/2024"}
SECOND = {"CHILD": "A", "SW_ID": "SW2", "SW_DECOM": "01/06/2024", "SW_REASON": "LEFTRL"}

CASES: list[Example] = [
    Cells(
        "SW02STG1",
        SW,
        "SW_ID",
        ok=[{"SW_ID": "SW123"}, {"SW_ID": "XX9"}],
        bad=[{"SW_ID": "AB123"}, {}],
    ),
    Cells(
        "CB-SW-01",
        SW,
        "SW_DECOM",
        ok=[{"SW_DECOM": "01/06/2024"}],
        bad=[{"SW_DECOM": "1 June 2024"}, {}],
    ),
    Cells(
        "CB-SW-02", SW, "SW_DEC", ok=[{"SW_DEC": "01/06/2024"}, {}], bad=[{"SW_DEC": "00/06/2024"}]
    ),
    Cells("CB-SW-03", SW, "SW_REASON", ok=[{"SW_REASON": "ABSENC"}], bad=[{"SW_REASON": "ILL"}]),
    Cells(
        "SW06", SW, "SW_DECOM", ok=[{"SW_DECOM": "31/03/2025"}], bad=[{"SW_DECOM": "01/04/2025"}]
    ),
    Cells(
        "SW07",
        SW,
        "SW_DEC",
        ok=[{"SW_DECOM": "01/06/2024", "SW_DEC": "01/06/2024"}],
        bad=[{"SW_DECOM": "01/06/2024", "SW_DEC": "31/05/2024"}, {"SW_DEC": "01/04/2025"}],
    ),
    Cells(
        "SW15",
        SW,
        "SW_REASON",
        ok=[{"SW_DECOM": "31/03/2023"}, SECOND],
        bad=[{"SW_DECOM": "01/04/2023"}],
    ),
    Whole(
        "SW08",
        ok=tables_of(sw_episodes=[FIRST, SECOND]),
        bad=tables_of(sw_episodes=[FIRST, {**SECOND, "SW_DECOM": "31/05/2024"}]),
        expected=[(SW, 3, "SW_DECOM")],
    ),
    Whole(
        "SW11",
        ok=tables_of(sw_episodes=[FIRST, SECOND]),
        bad=tables_of(sw_episodes=[FIRST]),
        expected=[(SW, 2, "SW_DEC")],
    ),
    Whole(
        "SW17",
        ok=tables_of(sw_episodes=[FIRST, SECOND]),
        bad=tables_of(sw_episodes=[FIRST, {**SECOND, "SW_DEC": "31/03/2025"}]),
        expected=[(SW, 3, "SW_DEC")],
        year=2026,
    ),
]


@pytest.mark.parametrize("example", CASES, ids=lambda e: f"{e.rule}-{e.year}")
def test_social_worker_rule(example: Example) -> None:
    example.check()


def test_social_worker_rules_do_not_run_before_2023_24():
    tables = {SW: table(SW, {"CHILD": "A", "SW_ID": "BAD", "SW_DECOM": "nonsense"})}
    assert validate_tables(tables, 2023) != []  # the CHILD/DOB checks still apply
    assert [f for f in validate_tables(tables, 2023) if f.column in ("SW_ID", "SW_DECOM")] == []
    assert {f.rule_id for f in validate_tables(tables, 2024)} >= {"SW02STG1", "CB-SW-01"}
