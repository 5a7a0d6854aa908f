"""Missing: incidents of being missing or away without authorisation (903-schema.md 2.7)."""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from careboard.analytics.ssda903.rules.builders import code_rule, date_rule
from careboard.analytics.ssda903.rules.registry import RuleContext, rule

code_rule(
    "1006",
    "missing",
    "MISSING",
    "Missing or away without authorisation must be M or A.",
    required=True,
    dfe="1006",
)
date_rule(
    "1004",
    "missing",
    "MIS_START",
    "Start of the missing incident is missing or not a real DD/MM/YYYY date.",
    required=True,
    dfe="1004",
)
date_rule(
    "1005",
    "missing",
    "MIS_END",
    "End of the missing incident is not a real DD/MM/YYYY date.",
    required=False,
    dfe="1005",
)


@rule(
    "567",
    tables=["missing"],
    fields=["MIS_START", "MIS_END"],
    dfe="567",
    message="Missing incident ends before it starts.",
)
def ends_before_start(ctx: RuleContext) -> str:
    return """SELECT _row, 'MIS_END' AS col, MIS_END AS val FROM missing
    WHERE MIS_END_D < MIS_START_D"""


@rule(
    "570",
    tables=["missing"],
    fields=["MIS_START"],
    dfe="570",
    message="Missing incident starts after the end of the collection year.",
)
def starts_in_future(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'MIS_START' AS col, MIS_START AS val FROM missing
    WHERE MIS_START_D > {ctx.end}"""


@rule(
    "571",
    tables=["missing"],
    fields=["MIS_END"],
    dfe="571",
    message="Missing incident ends outside the collection year.",
)
def ends_outside_year(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'MIS_END' AS col, MIS_END AS val FROM missing
    WHERE MIS_END_D > {ctx.end} OR MIS_END_D < {ctx.start}"""


@rule(
    "586",
    tables=["missing"],
    fields=["MIS_START", "DOB"],
    dfe="586",
    message="Missing incident starts before the child's date of birth.",
)
def starts_before_birth(ctx: RuleContext) -> str:
    return """SELECT _row, 'MIS_START' AS col, MIS_START AS val FROM missing
    WHERE MIS_START_D < DOB_D"""


@rule(
    "574",
    tables=["missing"],
    fields=["MIS_START", "MIS_END"],
    dfe="574",
    message="Missing incident starts before the child's previous incident ended: "
    "incidents overlap.",
)
def incidents_overlap(ctx: RuleContext) -> str:
    return """SELECT _row, 'MIS_START' AS col, MIS_START AS val FROM (
        SELECT _row, MIS_START, MIS_START_D, lag(MIS_END_D) OVER w AS prev_end,
            lag(_row) OVER w AS prev_row
        FROM missing WHERE CHILD IS NOT NULL AND MIS_START_D IS NOT NULL
        WINDOW w AS (PARTITION BY CHILD ORDER BY MIS_START_D, _row)) AS m
    WHERE prev_row IS NOT NULL AND (prev_end IS NULL OR MIS_START_D < prev_end)"""
