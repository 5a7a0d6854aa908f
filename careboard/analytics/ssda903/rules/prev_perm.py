"""PrevPerm: permanence before this period of care (903-schema.md 2.6).

DATE_PERM may be a partial date (`zz/05/2020`, `zz/zz/2021`, `zz/zz/zzzz`): it is text.
"""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from careboard.analytics.ssda903.rules.builders import code_rule, pattern_rule
from careboard.analytics.ssda903.rules.registry import RuleContext, rule

code_rule(
    "CB-PP-01",
    "prev_perm",
    "PREV_PERM",
    "Previous permanence is missing or not a valid code (P1-P4, Z1).",
    required=True,
)
pattern_rule(
    "633",
    "prev_perm",
    "LA_PERM",
    "[0-9]{3}|NIR|SCO|WAL|NUK",
    "LA that arranged the previous permanence order is not a 3-digit LA code, NIR, "
    "SCO, WAL, NUK or 999.",
    required=False,
    dfe="633",
)

DATE_PERM_PATTERN = (
    "(0[1-9]|[12][0-9]|3[01]|ZZ)/(0[1-9]|1[0-2]|ZZ)/([0-9]{4})|ZZ/ZZ/[0-9]{4}|ZZ/ZZ/ZZZZ"
)


@rule(
    "CB-PP-02",
    tables=["prev_perm"],
    fields=["DATE_PERM"],
    message="Date of the previous permanence order is not DD/MM/YYYY with zz for an "
    "unknown day or month (or zz/zz/zzzz if unknown).",
)
def date_perm_format(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'DATE_PERM' AS col, DATE_PERM AS val FROM prev_perm
    WHERE DATE_PERM IS NOT NULL AND NOT (
        regexp_full_match(upper(DATE_PERM), '{DATE_PERM_PATTERN}')
        AND (upper(DATE_PERM) LIKE 'ZZ/%' OR d903(DATE_PERM) IS NOT NULL))"""


@rule(
    "635",
    tables=["prev_perm"],
    fields=["PREV_PERM", "LA_PERM", "DATE_PERM"],
    dfe="635",
    message="No previous permanence order (Z1) is recorded, yet the LA or date of an "
    "order is given.",
)
def details_without_order(ctx: RuleContext) -> str:
    return """SELECT _row, CASE WHEN LA_PERM IS NOT NULL THEN 'LA_PERM' ELSE 'DATE_PERM' END
        AS col, coalesce(LA_PERM, DATE_PERM) AS val FROM prev_perm
    WHERE PREV_PERM = 'Z1' AND (LA_PERM IS NOT NULL OR DATE_PERM IS NOT NULL)"""
