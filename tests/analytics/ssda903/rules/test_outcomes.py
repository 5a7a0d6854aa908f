"""OC2 (12-month cohort outcomes) and OC3 (care leavers) rules (903-schema.md 2.9, 2.10).

Ages are at 31 March 2025: born 01/04/2014 is 10, born 01/04/2020 is 4.
"""

from __future__ import annotations

import pytest

from tests.analytics.ssda903.rules.examples import Cells, Example

O2, O3 = "oc2", "oc3"
HEALTH = {
    "IMMUNISATIONS": "1",
    "TEETH_CHECK": "1",
    "HEALTH_ASSESSMENT": "1",
    "SUBSTANCE_MISUSE": "0",
}
TEN = {"DOB": "31/03/2015", "CONVICTED": "0"}

CASES: list[Example] = [
    Cells("CB-OC2-01", O2, "TEETH_CHECK", ok=[HEALTH], bad=[{"TEETH_CHECK": "Y"}]),
    Cells("CB-OC2-02", O2, "SDQ_REASON", ok=[{"SDQ_REASON": "SDQ5"}], bad=[{"SDQ_REASON": "SDQ6"}]),
    Cells(
        "180",
        O2,
        "SDQ_SCORE",
        ok=[{"SDQ_SCORE": "0"}, {"SDQ_SCORE": "40"}],
        bad=[{"SDQ_SCORE": "41"}, {"SDQ_SCORE": "12.5"}, {"SDQ_SCORE": "-1"}],
    ),
    Cells(
        "197a",
        O2,
        "SDQ_REASON",
        ok=[{"SDQ_SCORE": "14"}, {"SDQ_REASON": "SDQ1"}],
        bad=[{"SDQ_SCORE": "14", "SDQ_REASON": "SDQ4"}],
    ),
    Cells(
        "182", O2, "HEALTH_ASSESSMENT", ok=[HEALTH, {}], bad=[{**HEALTH, "HEALTH_ASSESSMENT": None}]
    ),
    Cells(
        "192",
        O2,
        "INTERVENTION_RECEIVED",
        ok=[{"SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "1"}, {"SUBSTANCE_MISUSE": "0"}],
        bad=[{"SUBSTANCE_MISUSE": "1"}, {"SUBSTANCE_MISUSE": "0", "INTERVENTION_RECEIVED": "0"}],
    ),
    Cells(
        "158",
        O2,
        "INTERVENTION_OFFERED",
        ok=[
            {"INTERVENTION_RECEIVED": "0", "INTERVENTION_OFFERED": "1"},
            {"INTERVENTION_RECEIVED": "1"},
        ],
        bad=[
            {"INTERVENTION_RECEIVED": "1", "INTERVENTION_OFFERED": "0"},
            {"INTERVENTION_RECEIVED": "0"},
        ],
    ),
    # 542: CONVICTED for 10+ on 31 March only (born 31/03/2015 turns 10 that day)
    Cells(
        "542",
        O2,
        "CONVICTED",
        ok=[TEN, {"DOB": "01/04/2015"}],
        bad=[{"DOB": "01/04/2015", "CONVICTED": "0"}, {"DOB": "31/03/2015"}],
    ),
    Cells(
        "545",
        O2,
        "HEALTH_CHECK",
        ok=[{"DOB": "01/04/2020", "HEALTH_CHECK": "1"}, TEN],
        bad=[{"DOB": "31/03/2020", "HEALTH_CHECK": "1"}, {"DOB": "01/04/2020"}],
    ),
    # OC3
    Cells("131", O3, "IN_TOUCH", ok=[{"IN_TOUCH": "NREQ"}], bad=[{"IN_TOUCH": "MAYBE"}]),
    # F3 was split into F4/F5 in 2021-22: valid in 2020-21, a retired code in 2024-25
    Cells("132", O3, "ACTIV", ok=[{"ACTIV": "F3"}], bad=[{"ACTIV": "F6"}], year=2021),
    Cells("132", O3, "ACTIV", ok=[{"ACTIV": "G6"}, {"ACTIV": "0"}], bad=[{"ACTIV": "F0"}]),
    # homeless (S) and custody (X) can only be unsuitable
    Cells(
        "133",
        O3,
        "ACCOM",
        ok=[{"ACCOM": "S2"}, {"ACCOM": "0"}],
        bad=[{"ACCOM": "S1"}, {"ACCOM": "X1"}, {"ACCOM": "A1"}],
    ),
    Cells(
        "153",
        O3,
        "ACCOM",
        ok=[{"IN_TOUCH": "NO", "ACTIV": "0", "ACCOM": "0"}, {}],
        bad=[{"IN_TOUCH": "NO", "ACTIV": "0"}],
    ),
    Cells(
        "344",
        O3,
        "ACCOM",
        ok=[{"IN_TOUCH": "DIED", "ACTIV": "0", "ACCOM": "0"}],
        bad=[{"IN_TOUCH": "RHOM", "ACTIV": "0", "ACCOM": "B1"}],
    ),
    Cells(
        "345",
        O3,
        "ACTIV",
        ok=[{"IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "U1"}],
        bad=[{"IN_TOUCH": "YES", "ACTIV": "0", "ACCOM": "U1"}],
    ),
    # 17 to 21 on 31 March 2025
    Cells(
        "391",
        O3,
        "DOB",
        ok=[{"DOB": "31/03/2008"}, {"DOB": "01/04/2003"}],
        bad=[{"DOB": "01/04/2008"}, {"DOB": "31/03/2003"}],
    ),
    Cells(
        "347",
        O3,
        "ACCOM",
        ok=[{"DOB": "31/03/2007", "ACCOM": "T1"}],
        bad=[{"DOB": "01/04/2007", "ACCOM": "T2"}],
    ),
    Cells(
        "3001",
        O3,
        "ACCOM",
        ok=[{"DOB": "31/03/2007", "ACCOM": "Z1"}],
        bad=[{"DOB": "01/04/2007", "ACCOM": "Z1"}],
    ),
]


@pytest.mark.parametrize("example", CASES, ids=lambda e: f"{e.rule}-{e.year}")
def test_outcome_rule(example: Example) -> None:
    example.check()
