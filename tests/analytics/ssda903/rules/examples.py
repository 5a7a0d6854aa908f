"""Tiny 903 tables for rule tests, written the way the reader hands them over: text cells,
blanks as None, and `_row` = the line in the file (the header is line 1).

`clean_return()` is a small, fully consistent 2024-25 return (collection year 2025) that
passes every rule; a rule's test changes a cell or two and expects that rule to fire.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pyarrow as pa

from careboard.analytics.ssda903.rules.registry import get_rule
from careboard.analytics.ssda903.tables import ROW, TABLE_COLUMNS
from careboard.analytics.ssda903.validate import validate_tables

Tables = dict[str, pa.Table]
Place = tuple[str | None, int | None, str | None]  # (table, file row, column)


def table(name: str, *rows: Mapping[str, str | None]) -> pa.Table:
    """A 903 table with the given rows (unnamed columns blank), rows numbered from line 2."""
    columns: dict[str, list[str | None]] = {c: [] for c in TABLE_COLUMNS[name]}
    for row in rows:
        unknown = set(row) - set(columns)
        assert not unknown, f"{name} has no column {unknown}"
        for column, values in columns.items():
            values.append(row.get(column))
    arrays: dict[str, pa.Array] = {c: pa.array(v, pa.string()) for c, v in columns.items()}
    arrays[ROW] = pa.array(range(2, len(rows) + 2), pa.int32())
    return pa.table(arrays)


def places(
    rule_id: str,
    year: int,
    tables: Mapping[str, pa.Table],
    previous: Mapping[str, pa.Table] | None = None,
) -> list[Place]:
    """Where one rule finds problems: (table, row, column) for each finding."""
    findings = validate_tables(tables, year, previous, rules=[get_rule(rule_id)])
    return [(f.table, f.row, f.column) for f in findings]


def replace(tables: Mapping[str, pa.Table], **new: pa.Table) -> Tables:
    return {**tables, **new}


def edit(tables: Mapping[str, pa.Table], name: str, line: int, **cells: str | None) -> Tables:
    """A copy of `tables` with some cells of one row (by file line) changed."""
    rows = tables[name].to_pylist()
    for row in rows:
        if row[ROW] == line:
            row.update(cells)
    return {**tables, name: table(name, *({k: v for k, v in r.items() if k != ROW} for r in rows))}


# The clean 2024-25 return (year 2025). Children:
#   C1  boy, 14, in care since January 2023, one move in the year: in the OC2 cohort
#   C2  girl born 2023, started care in May 2024 (V2, then an interim care order)
#   C3  care leaver, 18, in touch, in education: OC3 only
#   C4  girl, 3, adopted by her foster carers in December 2024
#   C5  UASC boy, 16, in supported accommodation since October 2024
HEADER = [
    dict(CHILD="C1", SEX="M", DOB="15/06/2010", ETHNIC="WBRI", UPN="L201234567890"),
    dict(CHILD="C2", SEX="F", DOB="20/09/2023", ETHNIC="MWBC", UPN="UN1"),
    dict(CHILD="C3", SEX="F", DOB="01/07/2006", ETHNIC="BAFR", UPN="F999999999999", MOTHER="0"),
    dict(CHILD="C4", SEX="F", DOB="12/12/2020", ETHNIC="WBRI", UPN="UN1"),
    dict(CHILD="C5", SEX="M", DOB="15/03/2008", ETHNIC="OOTH", UPN="UN2"),
]
_FOSTER = dict(CIN="N1", PLACE_PROVIDER="PR1", HOME_POST="AB1 2CD")
EPISODES = [
    # line 2-3: C1 moves foster carer on 1 June 2024
    dict(
        CHILD="C1",
        DECOM="10/01/2023",
        RNE="S",
        LS="C2",
        PLACE="U4",
        DEC="01/06/2024",
        REC="X1",
        REASON_PLACE_CHANGE="CARPL",
        PL_POST="AB3 4EF",
        URN="SC123456",
        **_FOSTER,
    ),
    dict(
        CHILD="C1",
        DECOM="01/06/2024",
        RNE="P",
        LS="C2",
        PLACE="U6",
        PL_POST="AB5 6GH",
        URN="SC654321",
        CIN="N1",
        PLACE_PROVIDER="PR4",
        HOME_POST="AB1 2CD",
    ),
    # line 4-5: C2 starts on V2, an interim care order follows (same carer)
    dict(
        CHILD="C2",
        DECOM="01/05/2024",
        RNE="S",
        LS="V2",
        PLACE="U3",
        DEC="01/08/2024",
        REC="X1",
        PL_POST="AB7 8IJ",
        URN="SC111111",
        **_FOSTER,
    ),
    dict(
        CHILD="C2",
        DECOM="01/08/2024",
        RNE="L",
        LS="C1",
        PLACE="U3",
        PL_POST="AB7 8IJ",
        URN="SC111111",
        **_FOSTER,
    ),
    # line 6-7: C4 placed for adoption with her foster carers, adopted 20 December 2024
    dict(
        CHILD="C4",
        DECOM="01/02/2022",
        RNE="S",
        LS="C2",
        PLACE="U4",
        DEC="15/04/2024",
        REC="X1",
        PL_POST="AB9 1KL",
        URN="SC222222",
        **_FOSTER,
    ),
    dict(
        CHILD="C4",
        DECOM="15/04/2024",
        RNE="U",
        LS="E1",
        PLACE="A5",
        DEC="20/12/2024",
        REC="E11",
        PL_POST="AB9 1KL",
        URN="SC222222",
        **_FOSTER,
    ),
    # line 8: C5, unaccompanied, no home postcode
    dict(
        CHILD="C5",
        DECOM="10/10/2024",
        RNE="S",
        LS="V2",
        CIN="N8",
        PLACE="K3",
        PLACE_PROVIDER="PR4",
        PL_POST="AB2 3MN",
        URN="SC333333",
    ),
]
UASC = [dict(CHILD="C5", SEX="M", DOB="15/03/2008")]
AD1 = [
    dict(
        CHILD="C4",
        DOB="12/12/2020",
        DATE_INT="10/01/2024",
        DATE_MATCH="01/03/2024",
        FOSTER_CARE="1",
        NB_ADOPTR="2",
        SEX_ADOPTR="MF",
        LS_ADOPTR="L11",
    )
]
PLACED_ADOPTION = [dict(CHILD="C4", DOB="12/12/2020", DATE_PLACED="10/01/2024")]
PREV_PERM = [
    dict(CHILD="C2", DOB="20/09/2023", PREV_PERM="Z1"),
    dict(CHILD="C5", DOB="15/03/2008", PREV_PERM="Z1"),
]
MISSING = [
    dict(CHILD="C1", DOB="15/06/2010", MISSING="M", MIS_START="05/08/2024", MIS_END="06/08/2024")
]
REVIEWS = [
    dict(CHILD="C1", DOB="15/06/2010", REVIEW="10/07/2024", REVIEW_CODE="PN1"),
    dict(CHILD="C2", DOB="20/09/2023", REVIEW="20/05/2024", REVIEW_CODE="PN0"),
    dict(CHILD="C4", DOB="12/12/2020", REVIEW="01/06/2024", REVIEW_CODE="PN0"),
    dict(CHILD="C5", DOB="15/03/2008", REVIEW="01/11/2024", REVIEW_CODE="PN1"),
]
OC2 = [
    dict(
        CHILD="C1",
        DOB="15/06/2010",
        SDQ_SCORE="12",
        CONVICTED="0",
        IMMUNISATIONS="1",
        TEETH_CHECK="1",
        HEALTH_ASSESSMENT="1",
        SUBSTANCE_MISUSE="0",
    )
]
OC3 = [dict(CHILD="C3", DOB="01/07/2006", IN_TOUCH="YES", ACTIV="F2", ACCOM="U1")]
SW_EPISODES = [
    dict(CHILD="C1", DOB="15/06/2010", SW_ID="SW1001", SW_DECOM="01/01/2023"),
    dict(CHILD="C2", DOB="20/09/2023", SW_ID="SW1002", SW_DECOM="01/04/2024", SW_REASON="FCONTA"),
    dict(CHILD="C5", DOB="15/03/2008", SW_ID="XX1003", SW_DECOM="10/10/2024", SW_REASON="FCONTA"),
]


def clean_return() -> Tables:
    """The clean 2024-25 return described above."""
    return {
        "header": table("header", *HEADER),
        "episodes": table("episodes", *EPISODES),
        "uasc": table("uasc", *UASC),
        "ad1": table("ad1", *AD1),
        "placed_adoption": table("placed_adoption", *PLACED_ADOPTION),
        "prev_perm": table("prev_perm", *PREV_PERM),
        "missing": table("missing", *MISSING),
        "reviews": table("reviews", *REVIEWS),
        "oc2": table("oc2", *OC2),
        "oc3": table("oc3", *OC3),
        "sw_episodes": table("sw_episodes", *SW_EPISODES),
    }


def last_years_return() -> Tables:
    """The matching 2023-24 return: C1's and C4's first episodes open on 31 March 2024."""
    header = [
        {**row, "SEX": {"M": "1", "F": "2"}[row["SEX"]]}
        for row in HEADER
        if row["CHILD"] in ("C1", "C3", "C4")
    ]
    episodes = [
        {**EPISODES[0], "DEC": None, "REC": None, "REASON_PLACE_CHANGE": None},
        {**EPISODES[4], "DEC": None, "REC": None},
    ]
    return {"header": table("header", *header), "episodes": table("episodes", *episodes)}


Rows = Sequence[Mapping[str, str | None]]


@dataclass(frozen=True)
class Cells:
    """A one-table example: every `bad` row fails at `column`, no `ok` row fails.

    Rows get a distinct CHILD unless they name one.
    """

    rule: str
    table: str
    column: str
    ok: Rows
    bad: Rows
    year: int = 2025

    def tables(self, rows: Rows) -> Tables:
        named = [{"CHILD": f"K{i}", **row} for i, row in enumerate(rows)]
        return {self.table: table(self.table, *named)}

    def check(self) -> None:
        assert places(self.rule, self.year, self.tables(self.ok)) == []
        expected = [(self.table, line, self.column) for line in range(2, len(self.bad) + 2)]
        assert places(self.rule, self.year, self.tables(self.bad)) == expected


@dataclass(frozen=True)
class Whole:
    """An example over whole returns: `ok` passes, `bad` fails at the places listed."""

    rule: str
    ok: Mapping[str, pa.Table]
    bad: Mapping[str, pa.Table]
    expected: list[Place]
    year: int = 2025
    previous: Mapping[str, pa.Table] | None = None

    def check(self) -> None:
        assert places(self.rule, self.year, self.ok, self.previous) == []
        assert places(self.rule, self.year, self.bad, self.previous) == self.expected


Example = Cells | Whole


def tables_of(**rows: Rows) -> Tables:
    """{"header": [...], "episodes": [...]} as tables."""
    return {name: table(name, *named_rows) for name, named_rows in rows.items()}
