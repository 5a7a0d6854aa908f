"""UASC, adoption, PrevPerm, Missing and Reviews rules (903-schema.md 2.3-2.8)."""

from __future__ import annotations

import pytest

from tests.analytics.ssda903.rules.examples import Cells, Example, Whole, tables_of

U, AD, PA, PP, MI, RV = "uasc", "ad1", "placed_adoption", "prev_perm", "missing", "reviews"
ADOPTION = {
    "DATE_INT": "10/01/2024",
    "DATE_MATCH": "01/03/2024",
    "FOSTER_CARE": "1",
    "NB_ADOPTR": "2",
    "SEX_ADOPTR": "MF",
    "LS_ADOPTR": "L11",
}

CASES: list[Example] = [
    # UASC
    Cells("CB-UA-01", U, "SEX", ok=[{"SEX": "M"}], bad=[{"SEX": "Q"}, {}]),
    Cells("CB-UA-02", U, "DOB", ok=[{"DOB": "15/03/2008"}], bad=[{"DOB": "15/13/2008"}, {}]),
    Cells("104", U, "DUC", ok=[{"DUC": "01/01/2025"}, {}], bad=[{"DUC": "0/01/2025"}]),
    # status ceases at the latest on the 18th birthday
    Cells(
        "304",
        U,
        "DUC",
        ok=[{"DOB": "15/03/2007", "DUC": "15/03/2025"}],
        bad=[{"DOB": "15/03/2007", "DUC": "16/03/2025"}],
    ),
    Cells("231", U, "DOB", ok=[{"DOB": "31/03/2014"}], bad=[{"DOB": "01/04/2014"}]),
    # AD1
    Cells("112", AD, "DATE_INT", ok=[{"DATE_INT": "10/01/2024"}], bad=[{"DATE_INT": "10/1/24"}]),
    Cells(
        "113",
        AD,
        "DATE_MATCH",
        ok=[{"DATE_MATCH": "01/03/2024"}],
        bad=[{"DATE_MATCH": "30/02/2024"}],
    ),
    Cells("114", AD, "FOSTER_CARE", ok=[{"FOSTER_CARE": "0"}], bad=[{"FOSTER_CARE": "2"}]),
    Cells("CB-AD-01", AD, "NB_ADOPTR", ok=[{"NB_ADOPTR": "1"}], bad=[{"NB_ADOPTR": "3"}]),
    Cells("CB-AD-02", AD, "SEX_ADOPTR", ok=[{"SEX_ADOPTR": "FF"}], bad=[{"SEX_ADOPTR": "F2"}]),
    Cells("CB-AD-03", AD, "LS_ADOPTR", ok=[{"LS_ADOPTR": "L12"}], bad=[{"LS_ADOPTR": "L1"}]),
    Cells("151", AD, "LS_ADOPTR", ok=[ADOPTION, {}], bad=[{**ADOPTION, "LS_ADOPTR": None}]),
    Cells("333", AD, "DATE_MATCH", ok=[ADOPTION], bad=[{**ADOPTION, "DATE_MATCH": "09/01/2024"}]),
    Cells(
        "CB-AD-05", AD, "DATE_MATCH", ok=[ADOPTION], bad=[{**ADOPTION, "DATE_MATCH": "01/04/2025"}]
    ),
    Cells(
        "CB-AD-06",
        AD,
        "SEX_ADOPTR",
        ok=[
            ADOPTION,
            {"NB_ADOPTR": "1", "SEX_ADOPTR": "F1", "LS_ADOPTR": "L0"},
            {"NB_ADOPTR": "2", "SEX_ADOPTR": "FF", "LS_ADOPTR": "L12"},
        ],
        bad=[
            {"NB_ADOPTR": "1", "SEX_ADOPTR": "MF", "LS_ADOPTR": "L0"},
            {"NB_ADOPTR": "2", "SEX_ADOPTR": "MM", "LS_ADOPTR": "L11"},
        ],
    ),
    Cells(
        "CB-AD-06",
        AD,
        "LS_ADOPTR",
        ok=[],
        bad=[{"NB_ADOPTR": "2", "SEX_ADOPTR": "MF", "LS_ADOPTR": "L0"}],
    ),
    # PlacedAdoption
    Cells(
        "115",
        PA,
        "DATE_PLACED",
        ok=[{"DATE_PLACED": "10/01/2024"}],
        bad=[{"DATE_PLACED": "10-01-2024"}, {}],
    ),
    Cells(
        "116",
        PA,
        "DATE_PLACED_CEASED",
        ok=[{"DATE_PLACED_CEASED": "10/06/2024"}],
        bad=[{"DATE_PLACED_CEASED": "soon"}],
    ),
    Cells(
        "CB-AD-04",
        PA,
        "REASON_PLACED_CEASED",
        ok=[{"REASON_PLACED_CEASED": "RD3"}],
        bad=[{"REASON_PLACED_CEASED": "RD5"}],
    ),
    Cells(
        "119",
        PA,
        "REASON_PLACED_CEASED",
        ok=[{"DATE_PLACED_CEASED": "10/06/2024", "REASON_PLACED_CEASED": "RD1"}],
        bad=[{"DATE_PLACED_CEASED": "10/06/2024"}],
    ),
    Cells(
        "117",
        PA,
        "DATE_PLACED",
        ok=[{"DATE_PLACED": "31/03/2025"}],
        bad=[{"DATE_PLACED": "01/04/2025"}],
    ),
    Cells(
        "522",
        PA,
        "DATE_PLACED_CEASED",
        ok=[{"DATE_PLACED": "10/01/2024", "DATE_PLACED_CEASED": "10/01/2024"}],
        bad=[{"DATE_PLACED": "10/01/2024", "DATE_PLACED_CEASED": "09/01/2024"}],
    ),
    Cells(
        "184",
        PA,
        "DATE_PLACED",
        ok=[{"DOB": "01/01/2024", "DATE_PLACED": "01/01/2024"}],
        bad=[{"DOB": "01/01/2024", "DATE_PLACED": "31/12/2023"}],
    ),
    # 579: the second decision for child A starts before the first was reversed
    Whole(
        "579",
        ok=tables_of(
            placed_adoption=[
                {"CHILD": "A", "DATE_PLACED": "01/01/2024", "DATE_PLACED_CEASED": "01/03/2024"},
                {"CHILD": "A", "DATE_PLACED": "01/03/2024"},
            ]
        ),
        bad=tables_of(
            placed_adoption=[
                {"CHILD": "A", "DATE_PLACED": "01/01/2024", "DATE_PLACED_CEASED": "01/03/2024"},
                {"CHILD": "A", "DATE_PLACED": "28/02/2024"},
            ]
        ),
        expected=[(PA, 3, "DATE_PLACED")],
    ),
    # 574: likewise for missing incidents; an open incident overlaps everything after it
    Whole(
        "574",
        ok=tables_of(
            missing=[
                {"CHILD": "A", "MIS_START": "01/05/2024", "MIS_END": "02/05/2024"},
                {"CHILD": "A", "MIS_START": "02/05/2024"},
            ]
        ),
        bad=tables_of(
            missing=[
                {"CHILD": "A", "MIS_START": "01/05/2024"},
                {"CHILD": "A", "MIS_START": "02/05/2024"},
            ]
        ),
        expected=[(MI, 3, "MIS_START")],
    ),
    # PrevPerm
    Cells("CB-PP-01", PP, "PREV_PERM", ok=[{"PREV_PERM": "P4"}], bad=[{"PREV_PERM": "P5"}, {}]),
    Cells(
        "633",
        PP,
        "LA_PERM",
        ok=[{"LA_PERM": "999"}, {"LA_PERM": "WAL"}, {}],
        bad=[{"LA_PERM": "E08000015"}],
    ),
    Cells(
        "CB-PP-02",
        PP,
        "DATE_PERM",
        ok=[{"DATE_PERM": "ZZ/05/2020"}, {"DATE_PERM": "ZZ/ZZ/ZZZZ"}, {"DATE_PERM": "01/05/2020"}],
        bad=[{"DATE_PERM": "31/02/2020"}, {"DATE_PERM": "05/2020"}],
    ),
    Cells(
        "635",
        PP,
        "LA_PERM",
        ok=[{"PREV_PERM": "P2", "LA_PERM": "201"}, {"PREV_PERM": "Z1"}],
        bad=[{"PREV_PERM": "Z1", "LA_PERM": "201"}],
    ),
    # Missing
    Cells("1006", MI, "MISSING", ok=[{"MISSING": "A"}], bad=[{"MISSING": "AWOL"}, {}]),
    Cells(
        "1004",
        MI,
        "MIS_START",
        ok=[{"MIS_START": "05/08/2024"}],
        bad=[{"MIS_START": "05/08/202"}, {}],
    ),
    Cells(
        "1005", MI, "MIS_END", ok=[{"MIS_END": "06/08/2024"}, {}], bad=[{"MIS_END": "31/09/2024"}]
    ),
    Cells(
        "567",
        MI,
        "MIS_END",
        ok=[{"MIS_START": "05/08/2024", "MIS_END": "05/08/2024"}],
        bad=[{"MIS_START": "05/08/2024", "MIS_END": "04/08/2024"}],
    ),
    Cells(
        "570", MI, "MIS_START", ok=[{"MIS_START": "31/03/2025"}], bad=[{"MIS_START": "01/04/2025"}]
    ),
    Cells(
        "571",
        MI,
        "MIS_END",
        ok=[{"MIS_END": "01/04/2024"}],
        bad=[{"MIS_END": "31/03/2024"}, {"MIS_END": "01/04/2025"}],
    ),
    Cells(
        "586",
        MI,
        "MIS_START",
        ok=[{"DOB": "01/01/2012", "MIS_START": "05/08/2024"}],
        bad=[{"DOB": "01/01/2012", "MIS_START": "31/12/2011"}],
    ),
    # Reviews
    Cells("166", RV, "REVIEW", ok=[{"REVIEW": "10/07/2024"}], bad=[{"REVIEW": "10.07.2024"}, {}]),
    Cells("167", RV, "REVIEW_CODE", ok=[{"REVIEW_CODE": "PN7"}], bad=[{"REVIEW_CODE": "PN8"}, {}]),
    Cells(
        "CB-RV-01",
        RV,
        "REVIEW",
        ok=[{"REVIEW": "01/04/2024"}],
        bad=[{"REVIEW": "31/03/2024"}, {"REVIEW": "01/04/2025"}],
    ),
    # PN0 exactly for children under 4 on the review date
    Cells(
        "440",
        RV,
        "REVIEW_CODE",
        ok=[{"DOB": "11/07/2020", "REVIEW": "10/07/2024", "REVIEW_CODE": "PN0"}],
        bad=[{"DOB": "10/07/2020", "REVIEW": "10/07/2024", "REVIEW_CODE": "PN0"}],
    ),
    Cells(
        "441",
        RV,
        "REVIEW_CODE",
        ok=[{"DOB": "10/07/2020", "REVIEW": "10/07/2024", "REVIEW_CODE": "PN1"}],
        bad=[{"DOB": "11/07/2020", "REVIEW": "10/07/2024", "REVIEW_CODE": "PN1"}],
    ),
]


@pytest.mark.parametrize("example", CASES, ids=lambda e: f"{e.rule}-{e.year}")
def test_small_table_rule(example: Example) -> None:
    example.check()
