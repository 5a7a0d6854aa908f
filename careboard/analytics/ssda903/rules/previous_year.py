"""Last year's return against this one (903-schema.md 1.3 "Previous year", 3.2 E13-E14).

These rules run only when last year's return is given (`validate_return(previous=...)`);
careboard keeps each year's import, so the importer can pass it.
"""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from careboard.analytics.ssda903.codes import K3_FROM, YEARS, Z1_SPLIT_FROM
from careboard.analytics.ssda903.rules.registry import WARNING, RuleContext, rule

CARRIED_FIELDS = ("RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER")


@rule(
    "CB-PY-01",
    tables=["episodes"],
    fields=["CHILD", "DECOM"],
    dfe="502",
    needs_previous=["episodes"],
    message="The child's episode open on 31 March last year is missing from this year's "
    "episodes (same start date expected).",
)
def open_episode_not_carried(ctx: RuleContext) -> str:
    return """SELECT min(e._row) AS _row, 'DECOM' AS col, p.DECOM AS val
    FROM prev_episodes p LEFT JOIN episodes e ON e.CHILD = p.CHILD
    WHERE p.DEC IS NULL AND p.DECOM_D IS NOT NULL AND p.CHILD IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM episodes x WHERE x.CHILD = p.CHILD AND x.DECOM_D = p.DECOM_D)
    GROUP BY p.CHILD, p.DECOM"""


def _same_value(column: str, year: int) -> str:
    """SQL: this year's value equals last year's, allowing the renamed placement codes."""
    same = f"e.{column} IS NOT DISTINCT FROM p.{column}"
    if column == "PLACE" and year == K3_FROM:
        same += " OR (p.PLACE = 'H5' AND e.PLACE = 'K3')"
    if column == "PLACE" and year == Z1_SPLIT_FROM:
        same += " OR (p.PLACE = 'Z1' AND e.PLACE IN ('Z11', 'Z12', 'Z13', 'Z14'))"
    return f"({same})"


@rule(
    "CB-PY-02",
    tables=["episodes"],
    fields=CARRIED_FIELDS,
    dfe="503A-503J",
    needs_previous=["episodes"],
    message="An episode carried over from last year's return has changed: its details "
    "must match last year's (only H5 to K3 in 2024-25 and Z1 to Z11-Z14 in 2025-26 may "
    "change).",
)
def carried_episode_changed(ctx: RuleContext) -> str:
    return " UNION ALL ".join(
        f"""SELECT e._row, '{c}' AS col, e.{c} AS val FROM episodes e
        JOIN prev_episodes p ON p.CHILD = e.CHILD AND p.DECOM_D = e.DECOM_D
        WHERE NOT {_same_value(c, ctx.year)}"""
        for c in CARRIED_FIELDS
    )


@rule(
    "CB-PY-03",
    tables=["episodes"],
    fields=["DECOM"],
    dfe="562",
    needs_previous=["episodes"],
    message="Episode started before this collection year but is not in last year's return.",
)
def earlier_episode_unknown(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'DECOM' AS col, DECOM AS val FROM episodes e
    WHERE DECOM_D < {ctx.start} AND NOT EXISTS (
        SELECT 1 FROM prev_episodes p WHERE p.CHILD = e.CHILD AND p.DECOM_D = e.DECOM_D)"""


def _changed_rule(rule_id: str, column: str, message: str, now: str, then: str) -> None:
    @rule(
        rule_id,
        tables=["header"],
        fields=[column],
        dfe="202-208",
        severity=WARNING,
        needs_previous=["header"],
        message=message,
    )
    def query(ctx: RuleContext) -> str:
        return f"""SELECT h._row, '{column}' AS col, h.{column} AS val FROM header h
        JOIN prev_header p ON p.CHILD = h.CHILD
        WHERE {now} IS NOT NULL AND {then} IS NOT NULL AND {now} <> {then}"""


def _sex_as_letter(alias: str) -> str:
    return f"CASE {alias}.SEX WHEN '1' THEN 'M' WHEN '2' THEN 'F' ELSE {alias}.SEX END"


_changed_rule(
    "CB-PY-04", "DOB", "Date of birth differs from last year's return.", "h.DOB_D", "p.DOB_D"
)
_changed_rule(
    "CB-PY-05",
    "SEX",
    "Sex differs from last year's return (1/2 read as M/F).",
    _sex_as_letter("h"),
    _sex_as_letter("p"),
)
_changed_rule(
    "CB-PY-06", "ETHNIC", "Ethnicity differs from last year's return.", "h.ETHNIC", "p.ETHNIC"
)
_changed_rule(
    "CB-PY-07",
    "UPN",
    "A known UPN differs from last year's return.",
    "CASE WHEN h.UPN NOT LIKE 'UN_' THEN h.UPN END",
    "CASE WHEN p.UPN NOT LIKE 'UN_' THEN p.UPN END",
)


@rule(
    "348",
    tables=["oc3"],
    fields=["IN_TOUCH"],
    dfe="348",
    years=range(Z1_SPLIT_FROM, YEARS.stop),
    needs_previous=["oc3"],
    message="Last year's return recorded that this young person had died (DIED); this "
    "year's care leaver information should say so too.",
)
def death_persists(ctx: RuleContext) -> str:
    return """SELECT o._row, 'IN_TOUCH' AS col, o.IN_TOUCH AS val FROM oc3 o
    JOIN prev_oc3 p ON p.CHILD = o.CHILD
    WHERE p.IN_TOUCH = 'DIED' AND o.IN_TOUCH IS DISTINCT FROM 'DIED'"""


@rule(
    "CB-PY-08",
    tables=["sw_episodes"],
    fields=["SW_ID", "SW_DECOM"],
    dfe="SW16a-SW16c",
    years=range(2025, YEARS.stop),
    needs_previous=["sw_episodes"],
    message="The social worker allocation open on 31 March last year is missing from this "
    "year's social worker episodes (same worker and start date expected).",
)
def open_allocation_not_carried(ctx: RuleContext) -> str:
    return """SELECT min(s._row) AS _row, 'SW_DECOM' AS col, p.SW_DECOM AS val
    FROM prev_sw_episodes p JOIN sw_episodes s ON s.CHILD = p.CHILD
    WHERE p.SW_DEC IS NULL AND p.SW_DECOM_D IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM sw_episodes x WHERE x.CHILD = p.CHILD
                      AND x.SW_DECOM_D = p.SW_DECOM_D AND x.SW_ID = p.SW_ID)
    GROUP BY p.CHILD, p.SW_DECOM"""
