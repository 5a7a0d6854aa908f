"""Rules comparing this year's return with last year's (903-schema.md 1.3, 3.2 E13-E14).

Last year's return (examples.last_years_return) has C1's and C4's first episodes open on
31 March 2024; this year they are Episodes lines 2 and 6.
"""

from __future__ import annotations

import pytest

from careboard.analytics.ssda903.validate import validate_tables
from tests.analytics.ssda903.rules.examples import (
    Example,
    Whole,
    clean_return,
    edit,
    last_years_return,
    table,
)

OK = clean_return()
LAST = last_years_return()


def previous(**kwargs) -> Whole:
    return Whole(previous=LAST, **kwargs)


LAST_DIED = {
    **LAST,
    "oc3": table("oc3", {"CHILD": "C3", "IN_TOUCH": "DIED", "ACTIV": "0", "ACCOM": "0"}),
}

LAST_SW = {
    **LAST,
    "sw_episodes": table(
        "sw_episodes", {"CHILD": "C1", "SW_ID": "SW1001", "SW_DECOM": "01/01/2023"}
    ),
}

CASES: list[Example] = [
    # SW16: C1's social worker since 01/01/2023 continues into this year's return
    Whole(
        "CB-PY-08",
        previous=LAST_SW,
        ok=OK,
        bad=edit(OK, "sw_episodes", 2, SW_ID="SW9999"),
        expected=[("sw_episodes", 2, "SW_DECOM")],
    ),
    # 348 (2025-26): a death reported last year is reported again
    Whole(
        "348",
        previous=LAST_DIED,
        year=2026,
        ok=edit(OK, "oc3", 2, IN_TOUCH="DIED", ACTIV="0", ACCOM="0"),
        bad=OK,
        expected=[("oc3", 2, "IN_TOUCH")],
    ),
    # C1's episode from 10/01/2023 must reappear with the same start date
    previous(
        rule="CB-PY-01",
        ok=OK,
        bad=edit(OK, "episodes", 2, DECOM="11/01/2023"),
        expected=[("episodes", 2, "DECOM")],
    ),
    previous(
        rule="CB-PY-02",
        ok=OK,
        bad=edit(OK, "episodes", 6, PLACE="U6", CIN="N2"),
        expected=[("episodes", 6, "CIN"), ("episodes", 6, "PLACE")],
    ),
    previous(
        rule="CB-PY-03",
        ok=OK,
        bad=edit(OK, "episodes", 2, DECOM="11/01/2023"),
        expected=[("episodes", 2, "DECOM")],
    ),
    previous(
        rule="CB-PY-04",
        ok=OK,
        bad=edit(OK, "header", 2, DOB="16/06/2010"),
        expected=[("header", 2, "DOB")],
    ),
    # last year C1 was coded 1 (male); M this year is the same sex, F is not
    previous(
        rule="CB-PY-05", ok=OK, bad=edit(OK, "header", 2, SEX="F"), expected=[("header", 2, "SEX")]
    ),
    previous(
        rule="CB-PY-06",
        ok=OK,
        bad=edit(OK, "header", 5, ETHNIC="WOTH"),
        expected=[("header", 5, "ETHNIC")],
    ),
    previous(
        rule="CB-PY-07",
        ok=edit(OK, "header", 2, UPN="UN5"),
        bad=edit(OK, "header", 2, UPN="F999999999999"),
        expected=[("header", 2, "UPN")],
    ),
]


@pytest.mark.parametrize("example", CASES, ids=lambda e: f"{e.rule}-{e.year}")
def test_previous_year_rule(example: Example) -> None:
    example.check()


def test_an_h5_episode_may_continue_as_k3_in_2024_25():
    last = edit(LAST, "episodes", 2, PLACE="H5")
    k3 = edit(OK, "episodes", 2, PLACE="K3")
    assert [f for f in validate_tables(k3, 2025, last) if f.rule_id == "CB-PY-02"] == []
    # ... but not as anything else
    bad = edit(OK, "episodes", 2, PLACE="K2")
    found = [f for f in validate_tables(bad, 2025, last) if f.rule_id == "CB-PY-02"]
    assert [(f.row, f.column) for f in found] == [(2, "PLACE")]


def test_previous_year_rules_need_last_years_return():
    bad = edit(OK, "episodes", 2, DECOM="11/01/2023")
    assert {f.rule_id for f in validate_tables(bad, 2025)} & {"CB-PY-01", "CB-PY-03"} == set()
