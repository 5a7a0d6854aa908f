"""OC2: outcomes for children looked after for 12 months at 31 March (903-schema.md 2.9).

Ages are at 31 March (903-schema.md 4.1, 4.5); eligibility for the cohort itself is checked
in cross_table.py.
"""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from careboard.analytics.ssda903.rules.builders import all_or_none_sql, code_rule, flags_rule
from careboard.analytics.ssda903.rules.registry import RuleContext, rule

OC2_FLAGS = (
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
)
ALL_OR_NONE = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")

flags_rule("CB-OC2-01", "oc2", OC2_FLAGS, "Outcome items must be 0, 1 or blank.")
code_rule(
    "CB-OC2-02",
    "oc2",
    "SDQ_REASON",
    "Reason for no SDQ score is not a valid code (SDQ1-SDQ5).",
    required=False,
)


@rule(
    "180",
    tables=["oc2"],
    fields=["SDQ_SCORE"],
    dfe="180",
    message="SDQ score must be a whole number from 0 to 40.",
)
def sdq_score_range(ctx: RuleContext) -> str:
    return """SELECT _row, 'SDQ_SCORE' AS col, SDQ_SCORE AS val FROM oc2
    WHERE SDQ_SCORE IS NOT NULL AND (NOT regexp_full_match(SDQ_SCORE, '[0-9]{1,2}')
                                     OR CAST(SDQ_SCORE AS INTEGER) > 40)"""


@rule(
    "197a",
    tables=["oc2"],
    fields=["SDQ_SCORE", "SDQ_REASON"],
    dfe="197a",
    message="Give either an SDQ score or a reason why there is none, not both.",
)
def sdq_score_and_reason(ctx: RuleContext) -> str:
    return """SELECT _row, 'SDQ_REASON' AS col, SDQ_REASON AS val FROM oc2
    WHERE SDQ_SCORE IS NOT NULL AND SDQ_REASON IS NOT NULL"""


@rule(
    "182",
    tables=["oc2"],
    fields=ALL_OR_NONE,
    dfe="182",
    message="Immunisations, teeth check, health assessment and substance misuse must be "
    "all filled in or all blank.",
)
def health_items_all_or_none(ctx: RuleContext) -> str:
    return all_or_none_sql("oc2", ALL_OR_NONE)


@rule(
    "192",
    tables=["oc2"],
    fields=["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED"],
    dfe="192, 193",
    message="Intervention received must be given when a substance misuse problem is "
    "identified (SUBSTANCE_MISUSE = 1), and only then.",
)
def intervention_received(ctx: RuleContext) -> str:
    return """SELECT _row, 'INTERVENTION_RECEIVED' AS col, INTERVENTION_RECEIVED AS val
    FROM oc2 WHERE (SUBSTANCE_MISUSE = '1') <> (INTERVENTION_RECEIVED IS NOT NULL)"""


@rule(
    "158",
    tables=["oc2"],
    fields=["INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
    dfe="158, 159",
    message="Intervention offered but refused is only recorded when no intervention was "
    "received (INTERVENTION_RECEIVED = 0), and must then be given.",
)
def intervention_offered(ctx: RuleContext) -> str:
    return """SELECT _row, 'INTERVENTION_OFFERED' AS col, INTERVENTION_OFFERED AS val
    FROM oc2 WHERE (INTERVENTION_RECEIVED = '0') <> (INTERVENTION_OFFERED IS NOT NULL)"""


@rule(
    "542",
    tables=["oc2"],
    fields=["CONVICTED", "DOB"],
    dfe="542, 543",
    message="Convictions are recorded for children 10 or over on 31 March, and only them.",
)
def convicted_age(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'CONVICTED' AS col, CONVICTED AS val FROM oc2
    WHERE DOB_D IS NOT NULL AND (age_at(DOB_D, {ctx.end}) >= 10) <> (CONVICTED IS NOT NULL)"""


@rule(
    "545",
    tables=["oc2"],
    fields=["HEALTH_CHECK", "DOB"],
    dfe="545, 546",
    message="Development checks (HEALTH_CHECK) are recorded for children under 5 on "
    "31 March, and only them.",
)
def health_check_age(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'HEALTH_CHECK' AS col, HEALTH_CHECK AS val FROM oc2
    WHERE DOB_D IS NOT NULL AND (age_at(DOB_D, {ctx.end}) < 5) <> (HEALTH_CHECK IS NOT NULL)"""
