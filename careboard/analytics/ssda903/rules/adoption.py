"""AD1 (adoptions in the year) and PlacedAdoption (decisions to place for adoption):
903-schema.md 2.4 and 2.5.
"""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from careboard.analytics.ssda903.rules.builders import (
    all_or_none_sql,
    code_rule,
    date_rule,
    flags_rule,
    overlap_sql,
)
from careboard.analytics.ssda903.rules.registry import RuleContext, rule

AD1_ITEMS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")

date_rule(
    "112",
    "ad1",
    "DATE_INT",
    "Date of the decision that the child should be placed for adoption is not a real "
    "DD/MM/YYYY date.",
    required=False,
    dfe="112",
)
date_rule(
    "113",
    "ad1",
    "DATE_MATCH",
    "Date the child was matched with adopters is not a real DD/MM/YYYY date.",
    required=False,
    dfe="113",
)
flags_rule(
    "114",
    "ad1",
    ("FOSTER_CARE",),
    "Adopted by former foster carers (FOSTER_CARE) must be 0 or 1.",
    dfe="114",
)
code_rule("CB-AD-01", "ad1", "NB_ADOPTR", "Number of adopters must be 1 or 2.", required=False)
code_rule(
    "CB-AD-02",
    "ad1",
    "SEX_ADOPTR",
    "Sex of adopters is not a valid code (M1, F1, MM, FF, MF).",
    required=False,
)
code_rule(
    "CB-AD-03",
    "ad1",
    "LS_ADOPTR",
    "Legal status of adopters is not a valid code (L0, L11, L12, L2, L3, L4).",
    required=False,
)
date_rule(
    "115",
    "placed_adoption",
    "DATE_PLACED",
    "Date of the decision to place for adoption is missing or not a real DD/MM/YYYY date.",
    required=True,
    dfe="115",
)
date_rule(
    "116",
    "placed_adoption",
    "DATE_PLACED_CEASED",
    "Date of the decision that the child should no longer be placed for adoption is "
    "not a real DD/MM/YYYY date.",
    required=False,
    dfe="116",
)
code_rule(
    "CB-AD-04",
    "placed_adoption",
    "REASON_PLACED_CEASED",
    "Reason the child is no longer to be placed for adoption is not a valid code (RD1-RD4).",
    required=False,
)


@rule(
    "151",
    tables=["ad1"],
    fields=AD1_ITEMS,
    dfe="151",
    message="Adoption details must be all filled in or all blank.",
)
def adoption_items_all_or_none(ctx: RuleContext) -> str:
    return all_or_none_sql("ad1", AD1_ITEMS)


@rule(
    "333",
    tables=["ad1"],
    fields=["DATE_INT", "DATE_MATCH"],
    dfe="333",
    message="Child was matched with adopters before the decision to place for adoption.",
)
def matched_before_decision(ctx: RuleContext) -> str:
    return """SELECT _row, 'DATE_MATCH' AS col, DATE_MATCH AS val FROM ad1
    WHERE DATE_MATCH_D < DATE_INT_D"""


@rule(
    "CB-AD-05",
    tables=["ad1"],
    fields=["DATE_INT", "DATE_MATCH"],
    message="Adoption decision or matching date is after the end of the collection year.",
)
def adoption_dates_in_future(ctx: RuleContext) -> str:
    return " UNION ALL ".join(
        f"SELECT _row, '{c}' AS col, {c} AS val FROM ad1 WHERE {c}_D > {ctx.end}"
        for c in ("DATE_INT", "DATE_MATCH")
    )


@rule(
    "119",
    tables=["placed_adoption"],
    fields=["DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    dfe="119",
    message="Date and reason the child should no longer be placed for adoption must both "
    "be given or both blank.",
)
def ceased_date_and_reason(ctx: RuleContext) -> str:
    return """SELECT _row,
        CASE WHEN DATE_PLACED_CEASED IS NULL THEN 'DATE_PLACED_CEASED'
             ELSE 'REASON_PLACED_CEASED' END AS col,
        coalesce(DATE_PLACED_CEASED, REASON_PLACED_CEASED) AS val
    FROM placed_adoption WHERE (DATE_PLACED_CEASED IS NULL) <> (REASON_PLACED_CEASED IS NULL)"""


@rule(
    "117",
    tables=["placed_adoption"],
    fields=["DATE_PLACED", "DATE_PLACED_CEASED"],
    dfe="117",
    message="Date of a decision about placing for adoption is after the end of the "
    "collection year.",
)
def placed_dates_in_future(ctx: RuleContext) -> str:
    return " UNION ALL ".join(
        f"SELECT _row, '{c}' AS col, {c} AS val FROM placed_adoption WHERE {c}_D > {ctx.end}"
        for c in ("DATE_PLACED", "DATE_PLACED_CEASED")
    )


@rule(
    "522",
    tables=["placed_adoption"],
    fields=["DATE_PLACED", "DATE_PLACED_CEASED"],
    dfe="522",
    message="The decision to stop placing for adoption is dated before the decision to place.",
)
def ceased_before_placed(ctx: RuleContext) -> str:
    return """SELECT _row, 'DATE_PLACED_CEASED' AS col, DATE_PLACED_CEASED AS val
    FROM placed_adoption WHERE DATE_PLACED_CEASED_D < DATE_PLACED_D"""


@rule(
    "184",
    tables=["placed_adoption"],
    fields=["DATE_PLACED", "DOB"],
    dfe="184",
    message="Decision to place for adoption is dated before the child's birth.",
)
def placed_before_birth(ctx: RuleContext) -> str:
    return """SELECT _row, 'DATE_PLACED' AS col, DATE_PLACED AS val FROM placed_adoption
    WHERE DATE_PLACED_D < DOB_D"""


@rule(
    "579",
    tables=["placed_adoption"],
    fields=["DATE_PLACED", "DATE_PLACED_CEASED"],
    dfe="579",
    message="A decision to place for adoption starts before the child's previous decision "
    "was reversed: decisions overlap.",
)
def placed_decisions_overlap(ctx: RuleContext) -> str:
    return overlap_sql("placed_adoption", "DATE_PLACED_D", "DATE_PLACED_CEASED_D")


@rule(
    "CB-AD-06",
    tables=["ad1"],
    fields=["NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
    dfe="511, 514, 517-520, 524",
    message="Number, sex and legal status of the adopters disagree (one adopter: M1/F1 and "
    "L0; a married or unmarried different-sex couple: MF; a same-sex couple: MM/FF).",
)
def adopters_agree(ctx: RuleContext) -> str:
    return """SELECT _row, 'SEX_ADOPTR' AS col, SEX_ADOPTR AS val FROM ad1
        WHERE (NB_ADOPTR = '1' AND SEX_ADOPTR NOT IN ('M1', 'F1'))
           OR (NB_ADOPTR = '2' AND SEX_ADOPTR IN ('M1', 'F1'))
           OR (LS_ADOPTR IN ('L11', 'L3') AND SEX_ADOPTR <> 'MF')
           OR (LS_ADOPTR IN ('L12', 'L4') AND SEX_ADOPTR NOT IN ('MM', 'FF'))
    UNION ALL SELECT _row, 'LS_ADOPTR' AS col, LS_ADOPTR AS val FROM ad1
        WHERE (LS_ADOPTR = 'L0') <> (NB_ADOPTR = '1')"""
