"""UASC: unaccompanied asylum-seeking children and when that status ceased (903-schema.md 2.3)."""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from careboard.analytics.ssda903.codes import SEX_MFU_FROM, YEARS
from careboard.analytics.ssda903.rules.builders import code_rule, date_rule
from careboard.analytics.ssda903.rules.registry import WARNING, RuleContext, rule

code_rule(
    "CB-UA-01", "uasc", "SEX", "Sex is missing or not a valid code for this year.", required=True
)
date_rule(
    "CB-UA-02",
    "uasc",
    "DOB",
    "Date of birth is missing or not a real DD/MM/YYYY date.",
    required=True,
)
date_rule(
    "104",
    "uasc",
    "DUC",
    "Date UASC status ceased is not a real DD/MM/YYYY date.",
    required=False,
    dfe="104",
)


@rule(
    "304",
    tables=["uasc"],
    fields=["DUC", "DOB"],
    dfe="304",
    message="Date UASC status ceased is after the child's 18th birthday.",
)
def duc_after_18(ctx: RuleContext) -> str:
    return """SELECT _row, 'DUC' AS col, DUC AS val FROM uasc
    WHERE age_at(DOB_D, DUC_D - 1) >= 18"""


@rule(
    "231",
    tables=["uasc"],
    fields=["DOB"],
    dfe="231",
    severity=WARNING,
    years=range(SEX_MFU_FROM, YEARS.stop),
    message="UASC child is under 11 on 31 March: please confirm the UASC status.",
)
def uasc_under_11(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'DOB' AS col, DOB AS val FROM uasc
    WHERE age_at(DOB_D, {ctx.end}) < 11"""
