"""Age limits on episodes: legal status and placement by age at the start of the episode,
reason ceased by age when it ended (903-schema.md 2.13.3-2.13.6, 3.2 E16).

The child's age comes from Header's DOB (Header is master, 903-schema.md 1.3), carried on
`episodes_chain`; episodes of children with no valid Header DOB are left to the cross-table
rules.
"""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from careboard.analytics.ssda903.codes import YEARS
from careboard.analytics.ssda903.findings import Severity
from careboard.analytics.ssda903.rules.registry import (
    ERROR,
    RuleContext,
    rule,
    sql_list,
)

P2_AGE_16_FROM = 2024  # 2023-24: independent living from 16, not 15 (rule 370)

# (rule, column, codes, date the age is taken at, test that fails, message, years)
AgeLimit = tuple[str, str, frozenset[str], str, str, str, range]
AGE_LIMITS: tuple[AgeLimit, ...] = (
    (
        "358",
        "LS",
        frozenset({"J1", "J2", "J3"}),
        "DECOM",
        "< 10",
        "A youth justice legal status (J1-J3) needs the child to be 10 or over.",
        YEARS,
    ),
    (
        "371",
        "PLACE",
        frozenset({"H5", "K3"}),
        "DECOM",
        "< 16",
        "Semi-independent or supported accommodation (H5/K3) needs the young person to be 16 "
        "or over.",
        range(P2_AGE_16_FROM, YEARS.stop),
    ),
    (
        "372",
        "PLACE",
        frozenset({"R5"}),
        "DECOM",
        "< 10",
        "A young offender institution (R5) needs the child to be 10 or over.",
        YEARS,
    ),
    (
        "373",
        "PLACE",
        frozenset({"S1"}),
        "DECOM",
        "< 4",
        "A residential school (S1) needs the child to be 4 or over.",
        YEARS,
    ),
    (
        "374",
        "PLACE",
        frozenset({"P3"}),
        "DECOM",
        "< 14",
        "Residential employment (P3) needs the young person to be 14 or over.",
        YEARS,
    ),
    (
        "386",
        "REC",
        frozenset({"E11", "E12"}),
        "DEC",
        ">= 18",
        "A child cannot be adopted (E11/E12) at 18 or over.",
        YEARS,
    ),
    (
        "387",
        "REC",
        frozenset({"E5", "E6"}),
        "DEC",
        "< 14",
        "Moving to independent living (E5/E6) needs the young person to be 14 or over.",
        YEARS,
    ),
    (
        "389",
        "REC",
        frozenset({"E7"}),
        "DEC",
        "< 16",
        "Moving to adult residential care (E7) needs the young person to be 16 or over.",
        YEARS,
    ),
    (
        "407",
        "REC",
        frozenset({"E45", "E46", "E47", "E48"}),
        "DEC",
        ">= 18",
        "A special guardianship order (E45-E48) cannot be made at 18 or over.",
        YEARS,
    ),
    (
        "460",
        "REC",
        frozenset({"E17"}),
        "DEC",
        "< 18",
        "Staying with current carers after 18 (E17) needs the young person to be 18 or over.",
        YEARS,
    ),
)


def _source(at: str) -> str:
    """Episodes with the child's DOB: the chain when the age is taken at DECOM (episodes
    without a real DECOM are not in it), all episodes when it is taken at DEC."""
    if at == "DECOM":
        return "episodes_chain"
    return "(SELECT e.*, h.dob FROM episodes e JOIN header_dob h ON h.CHILD = e.CHILD) AS e"


def _age_rule(
    rule_id: str,
    column: str,
    codes: frozenset[str],
    at: str,
    failing: str,
    message: str,
    years: range,
    severity: Severity = ERROR,
) -> None:
    @rule(
        rule_id,
        tables=["episodes", "header"],
        fields=[column, at, "DOB"],
        dfe=rule_id,
        message=message,
        years=years,
        severity=severity,
    )
    def query(ctx: RuleContext) -> str:
        return f"""SELECT _row, '{column}' AS col, {column} AS val FROM {_source(at)}
        WHERE {column} IN {sql_list(codes)} AND age_at(dob, {at}_D) {failing}"""


for _limit in AGE_LIMITS:
    _age_rule(*_limit)


@rule(
    "370",
    tables=["episodes", "header"],
    fields=["PLACE", "DECOM", "DOB"],
    dfe="370",
    message="Independent living (P2) needs the young person to be 16 or over (15 or over "
    "before 2023-24).",
)
def independent_living_age(ctx: RuleContext) -> str:
    minimum = 16 if ctx.year >= P2_AGE_16_FROM else 15
    return f"""SELECT _row, 'PLACE' AS col, PLACE AS val FROM episodes_chain
    WHERE PLACE = 'P2' AND age_at(dob, DECOM_D) < {minimum}"""
