"""Reviews: statutory reviews held in the year and how the child took part (903-schema.md 2.8)."""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from careboard.analytics.ssda903.codes import SHORT_BREAKS
from careboard.analytics.ssda903.rules.builders import code_rule, date_rule
from careboard.analytics.ssda903.rules.registry import RuleContext, rule, sql_list

date_rule(
    "166",
    "reviews",
    "REVIEW",
    "Review date is missing or not a real DD/MM/YYYY date.",
    required=True,
    dfe="166",
)
code_rule(
    "167",
    "reviews",
    "REVIEW_CODE",
    "How the child took part in the review is missing or not a valid code (PN0-PN7).",
    required=True,
    dfe="167",
)


@rule(
    "CB-RV-01",
    tables=["reviews"],
    fields=["REVIEW"],
    message="Review date is outside the collection year.",
)
def review_outside_year(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'REVIEW' AS col, REVIEW AS val FROM reviews
    WHERE REVIEW_D > {ctx.end} OR REVIEW_D < {ctx.start}"""


@rule(
    "440",
    tables=["reviews"],
    fields=["REVIEW_CODE", "REVIEW", "DOB"],
    dfe="440",
    message="Review code PN0 is only for children under 4 on the review date.",
)
def pn0_for_older_child(ctx: RuleContext) -> str:
    return """SELECT _row, 'REVIEW_CODE' AS col, REVIEW_CODE AS val FROM reviews
    WHERE REVIEW_CODE = 'PN0' AND age_at(DOB_D, REVIEW_D) >= 4"""


@rule(
    "441",
    tables=["reviews"],
    fields=["REVIEW_CODE", "REVIEW", "DOB"],
    dfe="441",
    message="A child under 4 on the review date must have review code PN0.",
)
def under_4_not_pn0(ctx: RuleContext) -> str:
    return """SELECT _row, 'REVIEW_CODE' AS col, REVIEW_CODE AS val FROM reviews
    WHERE REVIEW_CODE <> 'PN0' AND age_at(DOB_D, REVIEW_D) < 4"""


@rule(
    "399",
    tables=["reviews", "episodes"],
    fields=["REVIEW", "LS"],
    dfe="399",
    message="Reviews are not recorded for a child whose only episodes are short breaks (V3/V4).",
)
def review_for_short_breaks_only(ctx: RuleContext) -> str:
    return f"""SELECT r._row, 'REVIEW' AS col, r.REVIEW AS val FROM reviews r
    WHERE EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = r.CHILD)
      AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = r.CHILD
                      AND e.LS NOT IN {sql_list(SHORT_BREAKS)})"""
