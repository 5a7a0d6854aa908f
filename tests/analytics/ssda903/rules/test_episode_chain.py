"""Episode chains (903-schema.md 3.2 E1-E16): each example is one child's episodes in order.

Lines are the file lines of Episodes (line 2 is the first episode).
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from tests.analytics.ssda903.rules.examples import Example, Rows, Tables, Whole, tables_of

EP = "episodes"
FOSTER = {
    "CIN": "N1",
    "LS": "C2",
    "PLACE": "U4",
    "PLACE_PROVIDER": "PR1",
    "URN": "SC123456",
    "PL_POST": "B1 1BB",
}


def chain(*episodes: Mapping[str, str | None], dob: str = "01/01/2012") -> Tables:
    """One child A (born `dob`) with these episodes, each starting from the foster defaults."""
    rows: Rows = [{"CHILD": "A", **FOSTER, **e} for e in episodes]
    return tables_of(header=[{"CHILD": "A", "DOB": dob}], episodes=rows)


START = {"DECOM": "01/05/2024", "RNE": "S"}
# a move on 1 July 2024 (placement and carer change, same legal status)
MOVED = (
    {**START, "DEC": "01/07/2024", "REC": "X1"},
    {"DECOM": "01/07/2024", "RNE": "P", "PLACE": "U6", "URN": "SC654321"},
)

CASES: list[Example] = [
    Whole(
        "501",
        ok=chain(*MOVED),
        bad=chain(MOVED[0], {**MOVED[1], "DECOM": "30/06/2024"}),
        expected=[(EP, 3, "DECOM")],
    ),
    Whole(
        "142",
        ok=chain(*MOVED),
        bad=chain({**START}, {**MOVED[1], "DECOM": "01/08/2024"}),
        expected=[(EP, 2, "DEC")],
    ),
    Whole("388", ok=chain(*MOVED), bad=chain(MOVED[0]), expected=[(EP, 2, "REC")]),
    Whole(
        "433",
        ok=chain(*MOVED),
        bad=chain(MOVED[0], {**MOVED[1], "DECOM": "02/07/2024"}),
        expected=[(EP, 3, "DECOM")],
    ),
    # care ended (E4A) on 1 July; a new period the same day should have been an X1 move
    Whole(
        "CB-CH-01",
        ok=chain({**MOVED[0], "REC": "E4A"}, {**MOVED[1], "DECOM": "02/07/2024", "RNE": "S"}),
        bad=chain({**MOVED[0], "REC": "E4A"}, {**MOVED[1], "RNE": "S"}),
        expected=[(EP, 3, "DECOM")],
    ),
    # a period of care starts with S: after care ended, or as the first episode of the year
    Whole(
        "CB-CH-02",
        ok=chain({**MOVED[0], "REC": "E4A"}, {**MOVED[1], "DECOM": "02/09/2024", "RNE": "S"}),
        bad=chain({**START, "RNE": "L"}, {**MOVED[1], "DECOM": "02/09/2024"}, dob="01/01/2012"),
        expected=[(EP, 2, "RNE")],
    ),
    Whole(
        "CB-CH-02",
        ok=chain({"DECOM": "01/05/2023", "RNE": "P"}),
        bad=chain({**MOVED[0], "REC": "E4A"}, {**MOVED[1], "DECOM": "02/09/2024"}),
        expected=[(EP, 3, "RNE")],
    ),
    Whole(
        "CB-CH-03",
        ok=chain(*MOVED),
        bad=chain(MOVED[0], {**MOVED[1], "RNE": "S"}),
        expected=[(EP, 3, "RNE")],
    ),
    Whole(
        "504",
        ok=chain(*MOVED),
        bad=chain(MOVED[0], {**MOVED[1], "CIN": "N4"}),
        expected=[(EP, 3, "CIN")],
    ),
    # E8: L = legal status only; P/T = placement only; B/U = both
    Whole(
        "CB-CH-04",
        ok=chain(MOVED[0], {"DECOM": "01/07/2024", "RNE": "L", "LS": "C1"}),
        bad=chain(MOVED[0], {**MOVED[1], "RNE": "L", "LS": "C1"}),
        expected=[(EP, 3, "RNE")],
    ),
    Whole(
        "CB-CH-05",
        ok=chain(*MOVED),
        bad=chain(MOVED[0], {"DECOM": "01/07/2024", "RNE": "P"}),
        expected=[(EP, 3, "RNE")],
    ),
    Whole(
        "CB-CH-06",
        ok=chain(MOVED[0], {**MOVED[1], "RNE": "B", "LS": "E1"}),
        bad=chain(MOVED[0], {**MOVED[1], "RNE": "B"}),
        expected=[(EP, 3, "RNE")],
    ),
    Whole(
        "380", ok=chain(*MOVED), bad=chain({**START, "PLACE": "T1"}), expected=[(EP, 2, "PLACE")]
    ),
    Whole(
        "381",
        ok=chain({**START, "DEC": "01/06/2024", "REC": "E4A"}),
        bad=chain({**START, "PLACE": "T1", "DEC": "01/06/2024", "REC": "E4A"}),
        expected=[(EP, 2, "PLACE")],
    ),
    # a week in hospital (T1), then back to the same foster placement
    Whole(
        "383",
        ok=chain(
            MOVED[0],
            {"DECOM": "01/07/2024", "RNE": "P", "PLACE": "T1", "DEC": "08/07/2024", "REC": "X1"},
            {"DECOM": "08/07/2024", "RNE": "P"},
        ),
        bad=chain(
            MOVED[0],
            {"DECOM": "01/07/2024", "RNE": "P", "PLACE": "T1", "DEC": "08/07/2024", "REC": "X1"},
            {"DECOM": "08/07/2024", "RNE": "P", "PLACE": "K2"},
        ),
        expected=[(EP, 3, "PLACE")],
    ),
    Whole(
        "377",
        ok=chain(
            *(
                {
                    "DECOM": f"0{m}/06/2024",
                    "RNE": "P",
                    "PLACE": "T3",
                    "DEC": f"0{m + 1}/06/2024",
                    "REC": "X1",
                }
                for m in (1, 3)
            )
        ),
        bad=chain(
            *(
                {
                    "DECOM": f"0{m}/06/2024",
                    "RNE": "P",
                    "PLACE": "T3",
                    "DEC": f"0{m + 1}/06/2024",
                    "REC": "X1",
                }
                for m in (1, 3, 5)
            )
        ),
        expected=[(EP, 4, "PLACE")],
    ),
    # short breaks: 40 + 36 = 76 nights in the year; the break that passes 75 is reported
    Whole(
        "367",
        ok=chain({"DECOM": "01/05/2024", "RNE": "S", "LS": "V3", "DEC": "10/06/2024", "REC": "E8"}),
        bad=chain(
            {"DECOM": "01/05/2024", "RNE": "S", "LS": "V3", "DEC": "10/06/2024", "REC": "E8"},
            {"DECOM": "01/08/2024", "RNE": "S", "LS": "V3", "DEC": "06/09/2024", "REC": "E8"},
        ),
        expected=[(EP, 3, "LS")],
    ),
    Whole(
        "390",
        ok=chain({**START, "PLACE": "A4", "DEC": "01/12/2024", "REC": "E11"}),
        bad=chain({**START, "PLACE": "U4", "DEC": "01/12/2024", "REC": "E12"}),
        expected=[(EP, 2, "PLACE")],
    ),
    Whole(
        "516",
        ok=chain({**START, "PLACE": "U1", "DEC": "01/12/2024", "REC": "E45"}),
        bad=chain({**START, "PLACE": "K2", "DEC": "01/12/2024", "REC": "E46"}),
        expected=[(EP, 2, "PLACE")],
    ),
    Whole(
        "384",
        ok=chain({**START, "LS": "V3", "PLACE": "U6"}),
        bad=chain({**START, "LS": "V4", "PLACE": "U1"}),
        expected=[(EP, 2, "PLACE")],
    ),
    # 225: the move on 1 July needs a reason on the episode that ends; 226: never on a T move
    Whole(
        "225",
        ok=chain({**MOVED[0], "REASON_PLACE_CHANGE": "CARPL"}, MOVED[1]),
        bad=chain(*MOVED),
        expected=[(EP, 2, "REASON_PLACE_CHANGE")],
    ),
    Whole(
        "226",
        ok=chain({**START, "PLACE": "T2"}),
        bad=chain({**START, "PLACE": "T2", "REASON_PLACE_CHANGE": "CHILD"}),
        expected=[(EP, 2, "REASON_PLACE_CHANGE")],
    ),
    Whole(
        "233",
        ok=chain({**MOVED[0], "REASON_PLACE_CHANGE": "CARPL"}, MOVED[1]),
        bad=chain({**START, "REASON_PLACE_CHANGE": "CARPL"}),
        expected=[(EP, 2, "REASON_PLACE_CHANGE")],
        year=2026,
    ),
    Whole(
        "234",
        ok=chain({**MOVED[0], "REASON_PLACE_CHANGE": "CUSTOD"}, MOVED[1], dob="01/07/2014"),
        bad=chain({**MOVED[0], "REASON_PLACE_CHANGE": "CUSTOD"}, MOVED[1], dob="02/07/2014"),
        expected=[(EP, 2, "REASON_PLACE_CHANGE")],
        year=2026,
    ),
    Whole(
        "302",
        ok=chain(START, dob="30/04/2024"),
        bad=chain(START, dob="02/05/2024"),
        expected=[(EP, 2, "DECOM")],
    ),
    Whole(
        "352",
        ok=chain(START, dob="02/05/2006"),
        bad=chain(START, dob="01/05/2006"),
        expected=[(EP, 2, "DECOM")],
    ),
    # 18 on 31 March 2025 and still looked after: only V2 in a children's home may continue
    Whole(
        "359",
        ok=chain({**START, "LS": "V2", "PLACE": "K2"}, dob="01/01/2007"),
        bad=chain(START, dob="01/01/2007"),
        expected=[(EP, 2, "DEC")],
    ),
]


@pytest.mark.parametrize("example", CASES, ids=lambda e: f"{e.rule}-{e.year}")
def test_chain_rule(example: Example) -> None:
    example.check()
