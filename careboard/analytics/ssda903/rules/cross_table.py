"""Links between tables: every child in Header, the same DOB everywhere, one row per child
where the table allows one, and the tables that must (or must not) accompany an episode
history (903-schema.md 1.3, 3.1 items 3-5, 4.4-4.6).
"""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from careboard.analytics.ssda903.codes import SHORT_BREAKS, YEARS
from careboard.analytics.ssda903.findings import Severity
from careboard.analytics.ssda903.rules.registry import (
    ERROR,
    WARNING,
    RuleContext,
    rule,
    sql_list,
)
from careboard.analytics.ssda903.tables import SW_EPISODES_FROM, TABLE_COLUMNS

CHILD_TABLES = tuple(t for t in TABLE_COLUMNS if t != "header")
DOB_TABLES = tuple(t for t, cols in TABLE_COLUMNS.items() if "DOB" in cols and t != "header")
NOT_SHORT_BREAK = f"LS NOT IN {sql_list(SHORT_BREAKS)}"
PREV_PERM_FROM = "DATE '2016-04-01'"  # PrevPerm applies to periods starting from then (634)


@rule(
    "CB-XT-01",
    tables=["header", *CHILD_TABLES],
    needs=["header"],
    fields=["CHILD"],
    dfe="INT01-INT09",
    message="This child is not in the Header table; every child needs a Header row.",
)
def child_missing_from_header(ctx: RuleContext) -> str:
    return " UNION ALL ".join(
        f"""SELECT _row, 'CHILD' AS col, CHILD AS val, '{t}' AS tbl FROM {t} x
        WHERE CHILD IS NOT NULL AND NOT EXISTS (SELECT 1 FROM header h WHERE h.CHILD = x.CHILD)"""
        for t in CHILD_TABLES
    )


@rule(
    "CB-XT-02",
    tables=["header", *DOB_TABLES],
    needs=["header"],
    fields=["DOB"],
    dfe="INT11-INT18",
    message="Date of birth differs from the child's date of birth in Header.",
)
def dob_differs_from_header(ctx: RuleContext) -> str:
    return " UNION ALL ".join(
        f"""SELECT x._row, 'DOB' AS col, x.DOB AS val, '{t}' AS tbl
        FROM {t} x JOIN header_dob h ON h.CHILD = x.CHILD
        WHERE coalesce(x.DOB_D <> h.dob, x.DOB IS DISTINCT FROM h.dob_text)"""
        for t in DOB_TABLES
    )


@rule(
    "INT21",
    tables=["uasc", "header"],
    fields=["SEX"],
    dfe="INT21",
    message="Sex in the UASC table differs from the child's sex in Header.",
)
def uasc_sex_differs(ctx: RuleContext) -> str:
    return """SELECT u._row, 'SEX' AS col, u.SEX AS val FROM uasc u
    JOIN (SELECT CHILD, arg_min(SEX, _row) AS sex FROM header GROUP BY CHILD) h
      ON h.CHILD = u.CHILD
    WHERE u.SEX IS DISTINCT FROM h.sex"""


@rule(
    "EPI",
    tables=["header", "episodes"],
    fields=["CHILD"],
    dfe="EPI",
    message="This Header child has no episodes and no care leaver (OC3) row.",
)
def header_child_without_episodes(ctx: RuleContext) -> str:
    return """SELECT _row, 'CHILD' AS col, CHILD AS val FROM header h
    WHERE CHILD IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = h.CHILD)
      AND NOT EXISTS (SELECT 1 FROM oc3 o WHERE o.CHILD = h.CHILD)"""


# (rule id, DfE number, table, key columns, severity, message)
DUPLICATE_KEYS: tuple[tuple[str, str | None, str, tuple[str, ...], Severity, str], ...] = (
    ("CB-DUP-01", None, "header", ("CHILD",), ERROR, "Child appears more than once in Header."),
    ("INT31", "INT31", "ad1", ("CHILD",), ERROR, "Child appears more than once in AD1."),
    ("INT33", "INT33", "oc2", ("CHILD",), ERROR, "Child appears more than once in OC2."),
    ("INT34", "INT34", "oc3", ("CHILD",), ERROR, "Child appears more than once in OC3."),
    ("INT35", "INT35", "prev_perm", ("CHILD",), ERROR, "Child appears more than once in PrevPerm."),
    ("CB-DUP-02", None, "uasc", ("CHILD",), ERROR, "Child appears more than once in UASC."),
    (
        "CB-DUP-03",
        None,
        "episodes",
        ("CHILD", "DECOM"),
        ERROR,
        "Two episodes of the same child start on the same date.",
    ),
    (
        "CB-DUP-04",
        None,
        "reviews",
        ("CHILD", "REVIEW"),
        WARNING,
        "The same child has two reviews on the same date.",
    ),
    (
        "CB-DUP-05",
        None,
        "missing",
        ("CHILD", "MIS_START"),
        WARNING,
        "The same child has two missing incidents starting on the same date.",
    ),
    (
        "CB-DUP-06",
        None,
        "placed_adoption",
        ("CHILD", "DATE_PLACED"),
        ERROR,
        "The same child has two decisions to place for adoption on the same date.",
    ),
)


def _duplicate_rule(
    rule_id: str,
    dfe: str | None,
    table: str,
    key: tuple[str, ...],
    severity: Severity,
    message: str,
) -> None:
    @rule(rule_id, tables=[table], fields=key, dfe=dfe, severity=severity, message=message)
    def query(ctx: RuleContext) -> str:
        columns = ", ".join(key)
        last = key[-1]
        return f"""SELECT _row, '{last}' AS col, {last} AS val FROM (
            SELECT _row, {columns},
                row_number() OVER (PARTITION BY {columns} ORDER BY _row) AS nth
            FROM {table} WHERE {" AND ".join(f"{c} IS NOT NULL" for c in key)}) AS k
        WHERE nth > 1"""


for _key in DUPLICATE_KEYS:
    _duplicate_rule(*_key)


def started_in_year(ctx: RuleContext) -> str:
    """Episodes starting a period of care in the year (RNE = S, 1 April to 31 March)."""
    return f"""SELECT * FROM episodes
    WHERE RNE = 'S' AND DECOM_D BETWEEN greatest({ctx.start}, {PREV_PERM_FROM}) AND {ctx.end}"""


@rule(
    "630",
    tables=["episodes"],
    fields=["CHILD", "RNE", "DECOM"],
    dfe="630",
    message="Child started to be looked after in the year but has no PrevPerm row.",
)
def starter_without_prev_perm(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'DECOM' AS col, DECOM AS val FROM ({started_in_year(ctx)}) s
    WHERE NOT EXISTS (SELECT 1 FROM prev_perm p WHERE p.CHILD = s.CHILD)"""


@rule(
    "CB-XT-03",
    tables=["prev_perm", "episodes"],
    fields=["CHILD"],
    severity=WARNING,
    message="PrevPerm row for a child who did not start to be looked after in the year.",
)
def prev_perm_without_start(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'CHILD' AS col, CHILD AS val FROM prev_perm p
    WHERE NOT EXISTS (SELECT 1 FROM ({started_in_year(ctx)}) s WHERE s.CHILD = p.CHILD)"""


def adopted_in_year(ctx: RuleContext) -> str:
    return f"""SELECT * FROM episodes
    WHERE REC IN ('E11', 'E12') AND DEC_D BETWEEN {ctx.start} AND {ctx.end}"""


@rule(
    "CB-XT-04",
    tables=["episodes"],
    fields=["REC", "CHILD"],
    dfe="601, 602",
    message="Child was adopted in the year (E11/E12) but has no AD1 row.",
)
def adopted_without_ad1(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'REC' AS col, REC AS val FROM ({adopted_in_year(ctx)}) a
    WHERE NOT EXISTS (SELECT 1 FROM ad1 d WHERE d.CHILD = a.CHILD)"""


@rule(
    "CB-XT-05",
    tables=["ad1", "episodes"],
    fields=["CHILD"],
    dfe="601, 602",
    message="AD1 row for a child whose episodes show no adoption (E11/E12) in the year.",
)
def ad1_without_adoption(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'CHILD' AS col, CHILD AS val FROM ad1 d
    WHERE NOT EXISTS (SELECT 1 FROM ({adopted_in_year(ctx)}) a WHERE a.CHILD = d.CHILD)"""


@rule(
    "335",
    tables=["ad1", "episodes"],
    fields=["FOSTER_CARE", "PLACE"],
    dfe="335",
    message="Adopted by former foster carers (FOSTER_CARE) does not fit the last "
    "placement: 1 goes with A3/A5, 0 with A4/A6.",
)
def foster_care_fits_placement(ctx: RuleContext) -> str:
    return f"""SELECT d._row, 'FOSTER_CARE' AS col, d.FOSTER_CARE AS val FROM ad1 d
    JOIN ({adopted_in_year(ctx)}) a ON a.CHILD = d.CHILD
    WHERE (d.FOSTER_CARE = '1' AND a.PLACE IN ('A4', 'A6'))
       OR (d.FOSTER_CARE = '0' AND a.PLACE IN ('A3', 'A5'))"""


@rule(
    "551",
    tables=["episodes"],
    fields=["PLACE"],
    dfe="551",
    message="Child is placed for adoption (A3-A6) but has no decision to place for "
    "adoption in PlacedAdoption.",
)
def adoption_placement_without_decision(ctx: RuleContext) -> str:
    return """SELECT _row, 'PLACE' AS col, PLACE AS val FROM episodes e
    WHERE PLACE IN ('A3', 'A4', 'A5', 'A6')
      AND NOT EXISTS (SELECT 1 FROM placed_adoption p WHERE p.CHILD = e.CHILD)"""


@rule(
    "553",
    tables=["episodes"],
    fields=["LS"],
    dfe="553",
    message="Child has a placement order (E1) but no decision to place for adoption in "
    "PlacedAdoption.",
)
def placement_order_without_decision(ctx: RuleContext) -> str:
    return """SELECT _row, 'LS' AS col, LS AS val FROM episodes e
    WHERE LS = 'E1' AND NOT EXISTS (SELECT 1 FROM placed_adoption p WHERE p.CHILD = e.CHILD)"""


@rule(
    "523",
    tables=["ad1", "placed_adoption"],
    fields=["DATE_INT", "DATE_PLACED"],
    dfe="523",
    message="Date of the decision to place for adoption in AD1 (DATE_INT) matches none "
    "of the child's decisions in PlacedAdoption (DATE_PLACED).",
)
def date_int_matches_decision(ctx: RuleContext) -> str:
    return """SELECT _row, 'DATE_INT' AS col, DATE_INT AS val FROM ad1 d
    WHERE DATE_INT_D IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM placed_adoption p
        WHERE p.CHILD = d.CHILD AND p.DATE_PLACED_D = d.DATE_INT_D)"""


@rule(
    "134",
    tables=["ad1", "oc3"],
    fields=["CHILD"],
    dfe="134",
    message="Adoption details (AD1) are given for a child in the care leavers table (OC3).",
)
def adoption_for_care_leaver(ctx: RuleContext) -> str:
    return """SELECT _row, 'CHILD' AS col, CHILD AS val FROM ad1 d
    WHERE EXISTS (SELECT 1 FROM oc3 o WHERE o.CHILD = d.CHILD
                  AND coalesce(o.IN_TOUCH, o.ACTIV, o.ACCOM) IS NOT NULL)"""


OC2_ITEMS = (
    "SDQ_SCORE",
    "SDQ_REASON",
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
)
OC2_FILLED = f"coalesce({', '.join(OC2_ITEMS)}) IS NOT NULL"


@rule(
    "215",
    tables=["oc2", "oc3"],
    fields=["CHILD"],
    dfe="215",
    message="Outcomes (OC2) are given for a young person in the care leavers table (OC3).",
)
def outcomes_for_care_leaver(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'CHILD' AS col, CHILD AS val FROM oc2 c
    WHERE {OC2_FILLED} AND EXISTS (SELECT 1 FROM oc3 o WHERE o.CHILD = c.CHILD
                  AND coalesce(o.IN_TOUCH, o.ACTIV, o.ACCOM) IS NOT NULL)"""


def oc2_cohort(ctx: RuleContext) -> str:
    """Children looked after on 31 March and continuously since 1 April (903-schema 4.4, 4.5)."""
    return f"""SELECT CHILD FROM episodes WHERE CHILD IS NOT NULL GROUP BY CHILD
    HAVING count(*) FILTER (WHERE DEC IS NULL AND DECOM_D <= {ctx.end} AND {NOT_SHORT_BREAK}) > 0
       AND count(*) FILTER (WHERE RNE = 'S' AND DECOM_D > {ctx.start}) = 0
       AND count(*) FILTER (WHERE REC IS NOT NULL AND REC <> 'X1'
                            AND DEC_D >= {ctx.start} AND DEC_D < {ctx.end}) = 0
       AND count(*) FILTER (WHERE LS IN {sql_list(SHORT_BREAKS)}
                            AND coalesce(DEC_D, {ctx.end}) >= {ctx.start}) = 0
       AND count(*) FILTER (WHERE DECOM_D IS NULL) = 0"""


@rule(
    "CB-XT-06",
    tables=["oc2", "episodes"],
    fields=["CHILD"],
    dfe="190, 191",
    message="Outcomes (OC2) are given for a child who was not looked after continuously "
    "for the 12 months to 31 March.",
)
def outcomes_outside_cohort(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'CHILD' AS col, CHILD AS val FROM oc2 o
    WHERE {OC2_FILLED} AND NOT EXISTS (
        SELECT 1 FROM ({oc2_cohort(ctx)}) c WHERE c.CHILD = o.CHILD)"""


@rule(
    "CB-XT-07",
    tables=["episodes", "oc2"],
    fields=["CHILD"],
    dfe="190, 191",
    message="Child was looked after continuously for the 12 months to 31 March but has no "
    "outcomes (OC2) row.",
)
def cohort_without_outcomes(ctx: RuleContext) -> str:
    return f"""SELECT min(e._row) AS _row, 'CHILD' AS col, e.CHILD AS val
    FROM episodes e JOIN ({oc2_cohort(ctx)}) c ON c.CHILD = e.CHILD
    WHERE NOT EXISTS (SELECT 1 FROM oc2 o WHERE o.CHILD = e.CHILD)
      AND EXISTS (SELECT 1 FROM oc2)  -- an empty table counts as not supplied
    GROUP BY e.CHILD"""


@rule(
    "CB-XT-08",
    tables=["oc3", "episodes"],
    fields=["CHILD"],
    dfe="1007, 1016",
    message="Care leaver information (OC3) is given for a young person still looked after "
    "on 31 March.",
)
def care_leaver_still_looked_after(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'CHILD' AS col, CHILD AS val FROM oc3 o
    WHERE coalesce(IN_TOUCH, ACTIV, ACCOM) IS NOT NULL AND EXISTS (
        SELECT 1 FROM episodes e WHERE e.CHILD = o.CHILD AND e.DEC IS NULL
        AND e.{NOT_SHORT_BREAK})"""


@rule(
    "1000",
    tables=["oc3", "episodes"],
    fields=["CHILD", "REC"],
    dfe="1000",
    message="Care leaver information (OC3) is given for a young person who died while "
    "looked after (E2).",
)
def care_leaver_died_in_care(ctx: RuleContext) -> str:
    return """SELECT _row, 'CHILD' AS col, CHILD AS val FROM oc3 o
    WHERE EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = o.CHILD AND e.REC = 'E2')"""


@rule(
    "CB-XT-09",
    tables=["episodes", "sw_episodes"],
    fields=["CHILD"],
    years=range(SW_EPISODES_FROM, YEARS.stop),
    message="Child is looked after on 31 March but has no social worker episode.",
)
def looked_after_without_social_worker(ctx: RuleContext) -> str:
    return f"""SELECT min(_row) AS _row, 'CHILD' AS col, CHILD AS val FROM episodes e
    WHERE DEC IS NULL AND DECOM_D <= {ctx.end} AND {NOT_SHORT_BREAK}
      AND NOT EXISTS (SELECT 1 FROM sw_episodes s WHERE s.CHILD = e.CHILD)
      AND EXISTS (SELECT 1 FROM sw_episodes)  -- an empty table counts as not supplied
    GROUP BY CHILD"""
