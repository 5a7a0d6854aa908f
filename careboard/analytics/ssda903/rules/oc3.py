"""OC3: care leavers aged 17 to 21 in the year (903-schema.md 2.10, 2.13.10-2.13.12)."""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from careboard.analytics.ssda903.codes import YEARS
from careboard.analytics.ssda903.rules.builders import all_or_none_sql, code_rule
from careboard.analytics.ssda903.rules.registry import WARNING, RuleContext, rule

OC3_ITEMS = ("IN_TOUCH", "ACTIV", "ACCOM")
FOYER_RULE_FROM = 2024  # rule 347, 2023-24

code_rule("131", "oc3", "IN_TOUCH", "In touch is not a valid code.", required=False, dfe="131")
code_rule(
    "132",
    "oc3",
    "ACTIV",
    "Main activity is not a valid code for this year.",
    required=False,
    dfe="132",
)
code_rule("133", "oc3", "ACCOM", "Accommodation is not a valid code.", required=False, dfe="133")


@rule(
    "153",
    tables=["oc3"],
    fields=OC3_ITEMS,
    dfe="153",
    message="In touch, activity and accommodation must be all filled in or all blank.",
)
def items_all_or_none(ctx: RuleContext) -> str:
    return all_or_none_sql("oc3", OC3_ITEMS)


@rule(
    "344",
    tables=["oc3"],
    fields=OC3_ITEMS,
    dfe="344",
    message="The young person died or returned home (DIED/RHOM): activity and "
    "accommodation must be 0.",
)
def died_or_home_needs_zero(ctx: RuleContext) -> str:
    return """SELECT _row, 'ACTIV' AS col, ACTIV AS val FROM oc3
        WHERE IN_TOUCH IN ('DIED', 'RHOM') AND ACTIV IS DISTINCT FROM '0'
    UNION ALL SELECT _row, 'ACCOM' AS col, ACCOM AS val FROM oc3
        WHERE IN_TOUCH IN ('DIED', 'RHOM') AND ACCOM IS DISTINCT FROM '0'"""


@rule(
    "345",
    tables=["oc3"],
    fields=OC3_ITEMS,
    dfe="345",
    message="The LA is in touch (YES), so activity and accommodation are known and cannot be 0.",
)
def in_touch_needs_values(ctx: RuleContext) -> str:
    return """SELECT _row, 'ACTIV' AS col, ACTIV AS val FROM oc3
        WHERE IN_TOUCH = 'YES' AND ACTIV = '0'
    UNION ALL SELECT _row, 'ACCOM' AS col, ACCOM AS val FROM oc3
        WHERE IN_TOUCH = 'YES' AND ACCOM = '0'"""


@rule(
    "391",
    tables=["oc3"],
    fields=["DOB"],
    dfe="391",
    message="Care leaver information is for young people whose 17th to 21st birthday falls "
    "in the year; this young person is outside that range on 31 March.",
)
def care_leaver_age(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'DOB' AS col, DOB AS val FROM oc3
    WHERE age_at(DOB_D, {ctx.end}) NOT BETWEEN 17 AND 21"""


@rule(
    "347",
    tables=["oc3"],
    fields=["ACCOM", "DOB"],
    dfe="347",
    severity=WARNING,
    years=range(FOYER_RULE_FROM, YEARS.stop),
    message="Accommodation is a foyer (T1/T2), which is for young people 18 or over.",
)
def foyer_under_18(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'ACCOM' AS col, ACCOM AS val FROM oc3
    WHERE ACCOM IN ('T1', 'T2') AND age_at(DOB_D, {ctx.end}) < 18"""


@rule(
    "3001",
    tables=["oc3"],
    fields=["ACCOM", "DOB"],
    dfe="3001",
    message="Living with former foster carers (Z1/Z2) is only possible from 18; this young "
    "person is 17 on 31 March.",
)
def former_foster_carer_at_17(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'ACCOM' AS col, ACCOM AS val FROM oc3
    WHERE ACCOM IN ('Z1', 'Z2') AND age_at(DOB_D, {ctx.end}) = 17"""
