"""Episode rules on one row at a time (903-schema.md 2.2, 2.13, 3.2 E1, E11, E15)."""

from __future__ import annotations

import pytest

from tests.analytics.ssda903.rules.examples import Cells, Example

E = "episodes"
CASES: list[Example] = [
    Cells("143", E, "RNE", ok=[{"RNE": "S"}, {"RNE": "U"}], bad=[{"RNE": "X"}, {"RNE": None}]),
    Cells("144", E, "LS", ok=[{"LS": "C2"}, {"LS": "J3"}], bad=[{"LS": "C3"}, {}]),
    Cells("145", E, "CIN", ok=[{"CIN": "N8"}], bad=[{"CIN": "N9"}, {}]),
    # 146: K3 exists from 2024-25; Z1 is split into Z11-Z14 from 2025-26
    Cells("146", E, "PLACE", ok=[{"PLACE": "K3"}, {"PLACE": "Z1"}], bad=[{"PLACE": "K4"}, {}]),
    Cells("146", E, "PLACE", ok=[{"PLACE": "Z12"}], bad=[{"PLACE": "Q1"}], year=2026),
    Cells("149", E, "REC", ok=[{"REC": "E45"}, {}], bad=[{"REC": "E99"}]),
    Cells(
        "1009",
        E,
        "REASON_PLACE_CHANGE",
        ok=[{"REASON_PLACE_CHANGE": "CUSTOD"}, {}],
        bad=[{"REASON_PLACE_CHANGE": "MOVED"}],
    ),
    Cells(
        "141",
        E,
        "DECOM",
        ok=[{"DECOM": "01/04/2024"}],
        bad=[{"DECOM": "31/04/2024"}, {"DECOM": None}],
    ),
    Cells("147", E, "DEC", ok=[{"DEC": "30/04/2024"}, {}], bad=[{"DEC": "30/04/24"}]),
    # 178: provider required except for T and Z placements
    Cells(
        "178",
        E,
        "PLACE_PROVIDER",
        ok=[{"PLACE": "U4", "PLACE_PROVIDER": "PR4"}, {"PLACE": "T1"}, {"PLACE": "Z1"}],
        bad=[{"PLACE": "U4"}, {"PLACE": "U4", "PLACE_PROVIDER": "PR9"}],
    ),
    Cells(
        "213",
        E,
        "PLACE_PROVIDER",
        ok=[{"PLACE": "T0"}],
        bad=[{"PLACE": "T0", "PLACE_PROVIDER": "PR1"}],
    ),
    Cells(
        "527",
        E,
        "PLACE",
        ok=[{"PLACE": "U4", "PLACE_PROVIDER": "PR1"}],
        bad=[{"PLACE": "R5", "PLACE_PROVIDER": "PR1"}],
    ),
    Cells(
        "528",
        E,
        "PLACE",
        ok=[{"PLACE": "K2", "PLACE_PROVIDER": "PR2"}],
        bad=[{"PLACE": "R2", "PLACE_PROVIDER": "PR2"}],
    ),
    Cells(
        "529",
        E,
        "PLACE",
        ok=[{"PLACE": "R2", "PLACE_PROVIDER": "PR3"}],
        bad=[{"PLACE": "U6", "PLACE_PROVIDER": "PR3"}, {"PLACE": "A4", "PLACE_PROVIDER": "PR3"}],
    ),
    Cells(
        "530",
        E,
        "PLACE",
        ok=[{"PLACE": "K2", "PLACE_PROVIDER": "PR4"}],
        bad=[{"PLACE": "P1", "PLACE_PROVIDER": "PR4"}],
    ),
    Cells(
        "531",
        E,
        "PLACE",
        ok=[{"PLACE": "U4", "PLACE_PROVIDER": "PR5"}],
        bad=[{"PLACE": "P1", "PLACE_PROVIDER": "PR5"}],
    ),
    Cells(
        "550",
        E,
        "PLACE_PROVIDER",
        ok=[{"PLACE": "P1", "PLACE_PROVIDER": "PR0"}],
        bad=[{"PLACE": "U4", "PLACE_PROVIDER": "PR0"}, {"PLACE": "P1", "PLACE_PROVIDER": "PR1"}],
    ),
    Cells(
        "148", E, "REC", ok=[{"DEC": "01/05/2024", "REC": "E8"}, {}], bad=[{"DEC": "01/05/2024"}]
    ),
    Cells("148", E, "DEC", ok=[], bad=[{"REC": "E8"}]),
    Cells("353", E, "DECOM", ok=[{"DECOM": "14/10/1991"}], bad=[{"DECOM": "13/10/1991"}]),
    Cells("354", E, "DECOM", ok=[{"DECOM": "31/03/2025"}], bad=[{"DECOM": "01/04/2025"}]),
    Cells("385", E, "DEC", ok=[{"DEC": "31/03/2025"}], bad=[{"DEC": "01/04/2025"}]),
    Cells(
        "356",
        E,
        "DEC",
        ok=[{"DECOM": "01/05/2024", "DEC": "02/05/2024"}],
        bad=[{"DECOM": "01/05/2024", "DEC": "30/04/2024"}],
    ),
    Cells(
        "355",
        E,
        "DEC",
        ok=[{"DECOM": "01/05/2024", "DEC": "02/05/2024"}],
        bad=[{"DECOM": "01/05/2024", "DEC": "01/05/2024"}],
    ),
    Cells("378", E, "PLACE", ok=[{"LS": "C2", "PLACE": "P1"}], bad=[{"LS": "V2", "PLACE": "P1"}]),
    Cells("382", E, "PLACE", ok=[{"LS": "V3", "PLACE": "U4"}], bad=[{"LS": "V4", "PLACE": "T2"}]),
    Cells(
        "408",
        E,
        "LS",
        ok=[{"LS": "E1", "PLACE": "A5"}, {"LS": "D1", "PLACE": "A6"}],
        bad=[{"LS": "C2", "PLACE": "A6"}],
    ),
    Cells(
        "217",
        E,
        "RNE",
        ok=[{"RNE": "U", "PLACE": "A3"}, {"RNE": "P", "PLACE": "A4"}],
        bad=[{"RNE": "P", "PLACE": "A5"}],
    ),
    # 217t: P2 still open after 28 October 2023 (2023-24 and 2024-25)
    Cells(
        "217t",
        E,
        "PLACE",
        ok=[{"PLACE": "P2", "DEC": "28/10/2023"}],
        bad=[{"PLACE": "P2", "DEC": "29/10/2023"}, {"PLACE": "P2"}],
        year=2024,
    ),
    Cells(
        "CB-EP-01",
        E,
        "PLACE",
        ok=[{"PLACE": "H5", "DECOM": "31/03/2024"}],
        bad=[{"PLACE": "H5", "DECOM": "01/04/2024"}],
    ),
    Cells(
        "CB-EP-02",
        E,
        "URN",
        ok=[{"URN": "SC123456"}, {"URN": "1234567"}, {"URN": "123456"}, {"URN": "XXXXXXX"}],
        bad=[{"URN": "SC12345"}, {"URN": "12345678"}, {"URN": "URN1234"}],
    ),
    Cells(
        "222",
        E,
        "URN",
        ok=[{"PLACE": "P1", "URN": "XXXXXXX"}, {"PLACE": "K2", "URN": "SC123456"}],
        bad=[{"PLACE": "R5", "URN": "SC123456"}],
    ),
    # 218: an Ofsted-registered placement open in the year needs a URN
    Cells(
        "218",
        E,
        "URN",
        ok=[
            {"PLACE": "K2", "URN": "SC123456"},
            {"PLACE": "P1"},
            {"PLACE": "K2", "DEC": "31/03/2024"},
        ],
        bad=[{"PLACE": "K2"}, {"PLACE": "U4", "DEC": "01/04/2024"}],
    ),
    Cells(
        "392c",
        E,
        "HOME_POST",
        ok=[{"HOME_POST": "SW1A 1AA"}, {"HOME_POST": "M11AE"}],
        bad=[{"HOME_POST": "SW1A"}, {"HOME_POST": "12345"}],
    ),
    Cells("392c", E, "PL_POST", ok=[{"PL_POST": "B1 1BB"}], bad=[{"PL_POST": "B1-1BB"}]),
    Cells(
        "392d",
        E,
        "PL_POST",
        ok=[{"PLACE": "P1", "HOME_POST": "B1 1BB", "PL_POST": "B11BB"}],
        bad=[{"PLACE": "U4", "HOME_POST": "B1 1BB", "PL_POST": "B11BB"}],
    ),
    # durations (E15): DEC - DECOM in days; an open episode runs to 31 March
    Cells(
        "361",
        E,
        "LS",
        ok=[{"LS": "L1", "DECOM": "01/05/2024", "DEC": "04/05/2024"}],
        bad=[{"LS": "L1", "DECOM": "01/05/2024", "DEC": "05/05/2024"}],
    ),
    Cells(
        "362",
        E,
        "LS",
        ok=[{"LS": "L2", "DECOM": "01/05/2024", "DEC": "22/05/2024"}],
        bad=[{"LS": "L2", "DECOM": "01/05/2024", "DEC": "23/05/2024"}],
    ),
    Cells(
        "363",
        E,
        "LS",
        ok=[{"LS": "L3", "DECOM": "01/05/2024", "DEC": "08/05/2024"}],
        bad=[{"LS": "L3", "DECOM": "01/03/2025"}],
    ),
    Cells(
        "364",
        E,
        "LS",
        ok=[{"LS": "J2", "DECOM": "01/05/2024", "DEC": "22/05/2024"}],
        bad=[{"LS": "J2", "DECOM": "01/05/2024", "DEC": "23/05/2024"}],
    ),
    Cells(
        "365",
        E,
        "LS",
        ok=[{"LS": "V3", "DECOM": "01/05/2024", "DEC": "18/05/2024"}],
        bad=[{"LS": "V3", "DECOM": "01/05/2024", "DEC": "19/05/2024"}],
    ),
    Cells(
        "375",
        E,
        "PLACE",
        ok=[{"PLACE": "T1", "DECOM": "01/05/2024", "DEC": "12/06/2024"}],
        bad=[{"PLACE": "T1", "DECOM": "01/05/2024", "DEC": "13/06/2024"}],
    ),
    Cells(
        "376",
        E,
        "PLACE",
        ok=[{"PLACE": "T3", "DECOM": "01/05/2024", "DEC": "22/05/2024"}],
        bad=[{"PLACE": "T3", "DECOM": "01/05/2024", "DEC": "23/05/2024"}],
    ),
    Cells(
        "379",
        E,
        "PLACE",
        ok=[{"PLACE": "T4", "DECOM": "01/05/2024", "DEC": "08/05/2024"}],
        bad=[{"PLACE": "T4", "DECOM": "01/05/2024", "DEC": "09/05/2024"}],
    ),
]


@pytest.mark.parametrize("example", CASES, ids=lambda e: f"{e.rule}-{e.year}")
def test_episode_field_rule(example: Example) -> None:
    example.check()
