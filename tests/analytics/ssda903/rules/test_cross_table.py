"""Rules linking tables (903-schema.md 1.3, 3.1): each example edits the clean 2024-25 return.

Clean return lines - Header: C1-C5 on lines 2-6. Episodes: C1 lines 2-3, C2 4-5, C4 6-7,
C5 8. AD1, PlacedAdoption: C4 on line 2. PrevPerm: C2, C5. OC2: C1. OC3: C3. SWEpisodes:
C1, C2, C5.
"""

from __future__ import annotations

import pytest

from tests.analytics.ssda903.rules.examples import (
    Example,
    Whole,
    clean_return,
    edit,
    places,
    replace,
    table,
)

OK = clean_return()


def without(name: str, child: str):
    """The clean return with `child`'s rows removed from one table."""
    rows = [
        {k: v for k, v in r.items() if k != "_row"}
        for r in OK[name].to_pylist()
        if r["CHILD"] != child
    ]
    return replace(OK, **{name: table(name, *rows)})


def added(name: str, *rows: dict[str, str | None]):
    old = [{k: v for k, v in r.items() if k != "_row"} for r in OK[name].to_pylist()]
    return replace(OK, **{name: table(name, *old, *rows)})


CASES: list[Example] = [
    Whole("CB-XT-01", ok=OK, bad=without("header", "C3"), expected=[("oc3", 2, "CHILD")]),
    Whole(
        "CB-XT-02",
        ok=OK,
        bad=edit(OK, "reviews", 3, DOB="21/09/2023"),
        expected=[("reviews", 3, "DOB")],
    ),
    Whole("INT21", ok=OK, bad=edit(OK, "uasc", 2, SEX="F"), expected=[("uasc", 2, "SEX")]),
    Whole("EPI", ok=OK, bad=without("oc3", "C3"), expected=[("header", 4, "CHILD")]),
    Whole(
        "CB-DUP-01", ok=OK, bad=added("header", {"CHILD": "C1"}), expected=[("header", 7, "CHILD")]
    ),
    Whole("INT31", ok=OK, bad=added("ad1", {"CHILD": "C4"}), expected=[("ad1", 3, "CHILD")]),
    Whole("INT33", ok=OK, bad=added("oc2", {"CHILD": "C1"}), expected=[("oc2", 3, "CHILD")]),
    Whole("INT34", ok=OK, bad=added("oc3", {"CHILD": "C3"}), expected=[("oc3", 3, "CHILD")]),
    Whole(
        "INT35",
        ok=OK,
        bad=added("prev_perm", {"CHILD": "C5"}),
        expected=[("prev_perm", 4, "CHILD")],
    ),
    Whole("CB-DUP-02", ok=OK, bad=added("uasc", {"CHILD": "C5"}), expected=[("uasc", 3, "CHILD")]),
    Whole(
        "CB-DUP-03",
        ok=OK,
        bad=added("episodes", {"CHILD": "C5", "DECOM": "10/10/2024"}),
        expected=[("episodes", 9, "DECOM")],
    ),
    Whole(
        "CB-DUP-04",
        ok=OK,
        bad=added("reviews", {"CHILD": "C1", "REVIEW": "10/07/2024"}),
        expected=[("reviews", 6, "REVIEW")],
    ),
    Whole(
        "CB-DUP-05",
        ok=OK,
        bad=added("missing", {"CHILD": "C1", "MIS_START": "05/08/2024"}),
        expected=[("missing", 3, "MIS_START")],
    ),
    Whole(
        "CB-DUP-06",
        ok=OK,
        bad=added("placed_adoption", {"CHILD": "C4", "DATE_PLACED": "10/01/2024"}),
        expected=[("placed_adoption", 3, "DATE_PLACED")],
    ),
    # C2 started in May 2024: without PrevPerm the starting episode (line 4) is reported
    Whole("630", ok=OK, bad=without("prev_perm", "C2"), expected=[("episodes", 4, "DECOM")]),
    Whole(
        "CB-XT-03",
        ok=OK,
        bad=added("prev_perm", {"CHILD": "C1", "PREV_PERM": "Z1"}),
        expected=[("prev_perm", 4, "CHILD")],
    ),
    Whole("CB-XT-04", ok=OK, bad=without("ad1", "C4"), expected=[("episodes", 7, "REC")]),
    Whole(
        "CB-XT-05", ok=OK, bad=edit(OK, "episodes", 7, REC="E4A"), expected=[("ad1", 2, "CHILD")]
    ),
    Whole(
        "335", ok=OK, bad=edit(OK, "ad1", 2, FOSTER_CARE="0"), expected=[("ad1", 2, "FOSTER_CARE")]
    ),
    Whole("551", ok=OK, bad=without("placed_adoption", "C4"), expected=[("episodes", 7, "PLACE")]),
    Whole(
        "553",
        ok=OK,
        bad=edit(without("placed_adoption", "C4"), "episodes", 7, PLACE="U4"),
        expected=[("episodes", 7, "LS")],
    ),
    # C1's missing incident (line 2, 5-6 August 2024) against C1's episodes
    Whole(
        "577",
        ok=edit(OK, "episodes", 3, DEC="01/09/2024", REC="E4A"),
        bad=edit(edit(OK, "episodes", 3, DEC="01/09/2024", REC="E4A"), "missing", 2, MIS_END=None),
        expected=[("missing", 2, "MIS_END")],
    ),
    Whole(
        "580",
        ok=edit(OK, "episodes", 3, DEC="06/08/2024", REC="E8"),
        bad=edit(OK, "episodes", 3, DEC="06/08/2024", REC="E4A"),
        expected=[("episodes", 3, "REC")],
    ),
    Whole(
        "581",
        ok=OK,
        bad=edit(OK, "missing", 2, MIS_START="09/01/2023"),
        expected=[("missing", 2, "MIS_START")],
    ),
    Whole(
        "523",
        ok=OK,
        bad=edit(OK, "placed_adoption", 2, DATE_PLACED="11/01/2024"),
        expected=[("ad1", 2, "DATE_INT")],
    ),
    Whole(
        "134",
        ok=OK,
        bad=added("ad1", {"CHILD": "C3", "DATE_INT": "01/01/2024"}),
        expected=[("ad1", 3, "CHILD")],
    ),
    Whole(
        "215",
        ok=OK,
        bad=added("oc2", {"CHILD": "C3", "IMMUNISATIONS": "1"}),
        expected=[("oc2", 3, "CHILD")],
    ),
    # C5 started in October 2024, so is not in the 12-month cohort
    Whole(
        "CB-XT-06",
        ok=OK,
        bad=added("oc2", {"CHILD": "C5", "IMMUNISATIONS": "1"}),
        expected=[("oc2", 3, "CHILD")],
    ),
    # C1 is in the 12-month cohort; an OC2 table listing only C5 (no items) leaves C1 out
    Whole(
        "CB-XT-07",
        ok=OK,
        bad=replace(OK, oc2=table("oc2", {"CHILD": "C5", "DOB": "15/03/2008"})),
        expected=[("episodes", 2, "CHILD")],
    ),
    Whole(
        "CB-XT-08",
        ok=OK,
        bad=added("oc3", {"CHILD": "C5", "IN_TOUCH": "YES"}),
        expected=[("oc3", 3, "CHILD")],
    ),
    Whole(
        "1000",
        ok=OK,
        bad=edit(
            added(
                "episodes", {"CHILD": "C3", "DECOM": "01/05/2024", "DEC": "02/05/2024", "REC": "E2"}
            ),
            "oc3",
            2,
        ),
        expected=[("oc3", 2, "CHILD")],
    ),
    Whole("CB-XT-09", ok=OK, bad=without("sw_episodes", "C5"), expected=[("episodes", 8, "CHILD")]),
    Whole("393", ok=OK, bad=edit(OK, "header", 6, SEX="F"), expected=[("header", 6, "MOTHER")]),
    # 399: reviews are not for children only on short breaks
    Whole(
        "399",
        ok=OK,
        bad=edit(edit(OK, "episodes", 8, LS="V3"), "episodes", 8),
        expected=[("reviews", 5, "REVIEW")],
    ),
]


@pytest.mark.parametrize("example", CASES, ids=lambda e: f"{e.rule}-{e.year}")
def test_cross_table_rule(example: Example) -> None:
    example.check()


def test_an_empty_table_counts_as_not_supplied_for_completeness_rules():
    # an XML return always has every table, empty when its groups are absent
    no_social_workers = replace(OK, sw_episodes=table("sw_episodes"))
    assert places("CB-XT-09", 2025, no_social_workers) == []
    assert places("CB-XT-07", 2025, replace(OK, oc2=table("oc2"))) == []
