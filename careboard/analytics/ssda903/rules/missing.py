"""Missing: incidents of being missing or away without authorisation (903-schema.md 2.7)."""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from careboard.analytics.ssda903.rules.builders import code_rule, date_rule, overlap_sql
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
    return overlap_sql("missing", "MIS_START_D", "MIS_END_D")


def care_ended() -> str:
    """Each child's last episode in the return when it ended care (reason not X1)."""
    return """SELECT CHILD, DEC_D, REC FROM episodes_chain
    WHERE seq = n_eps AND REC IS NOT NULL AND REC <> 'X1' AND DEC_D IS NOT NULL"""


@rule(
    "577",
    tables=["missing", "episodes"],
    fields=["MIS_END"],
    dfe="577",
    message="The child left care, but a missing incident that started while looked after "
    "has no end date.",
)
def open_incident_after_care(ctx: RuleContext) -> str:
    return f"""SELECT m._row, 'MIS_END' AS col, m.MIS_END AS val
    FROM missing m JOIN ({care_ended()}) e ON e.CHILD = m.CHILD
    WHERE m.MIS_END IS NULL AND m.MIS_START_D <= e.DEC_D"""


@rule(
    "580",
    tables=["episodes", "missing"],
    fields=["REC", "MIS_START", "MIS_END"],
    dfe="580",
    message="The child was missing on the day care ended, so the reason care ended should be E8.",
)
def left_care_while_missing(ctx: RuleContext) -> str:
    return """SELECT e._row, 'REC' AS col, e.REC AS val
    FROM episodes_chain e
    WHERE e.seq = e.n_eps AND e.REC IS NOT NULL AND e.REC NOT IN ('X1', 'E8')
      AND EXISTS (SELECT 1 FROM missing m WHERE m.CHILD = e.CHILD
                  AND m.MIS_START_D <= e.DEC_D AND m.MIS_END_D >= e.DEC_D)"""


@rule(
    "581",
    tables=["missing", "episodes"],
    fields=["MIS_START"],
    dfe="581",
    message="Missing incident starts before the child's first episode in the return began.",
)
def incident_before_care(ctx: RuleContext) -> str:
    return """SELECT m._row, 'MIS_START' AS col, m.MIS_START AS val FROM missing m
    JOIN (SELECT CHILD, min(DECOM_D) AS first_decom FROM episodes_chain GROUP BY CHILD) e
      ON e.CHILD = m.CHILD
    WHERE m.MIS_START_D < e.first_decom"""
