"""SWEpisodes: the social worker allocated to each child, from 2023-24 (903-schema.md 2.11)."""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from careboard.analytics.ssda903.codes import YEARS
from careboard.analytics.ssda903.rules.builders import code_rule, date_rule, overlap_sql
from careboard.analytics.ssda903.rules.registry import RuleContext, rule
from careboard.analytics.ssda903.tables import SW_EPISODES_FROM

SW_YEARS = range(SW_EPISODES_FROM, YEARS.stop)
SW_OPEN_AT_YEAR_END_FROM = 2026  # SW17, 2025-26
# SW_REASON is required for allocations starting on or after 1 April 2023 (SW15).
SW_REASON_FROM = "DATE '2023-04-01'"


@rule(
    "SW02STG1",
    tables=["sw_episodes"],
    fields=["SW_ID"],
    dfe="SW02STG1",
    years=SW_YEARS,
    message="Social worker ID is missing or does not begin with SW or XX.",
)
def social_worker_id(ctx: RuleContext) -> str:
    return """SELECT _row, 'SW_ID' AS col, SW_ID AS val FROM sw_episodes
    WHERE SW_ID IS NULL OR NOT regexp_full_match(upper(SW_ID), '(SW|XX)[A-Z0-9]*')"""


date_rule(
    "CB-SW-01",
    "sw_episodes",
    "SW_DECOM",
    "Start of the social worker episode is missing or not a real DD/MM/YYYY date.",
    required=True,
    years=SW_YEARS,
)
date_rule(
    "CB-SW-02",
    "sw_episodes",
    "SW_DEC",
    "End of the social worker episode is not a real DD/MM/YYYY date.",
    required=False,
    years=SW_YEARS,
)
code_rule(
    "CB-SW-03",
    "sw_episodes",
    "SW_REASON",
    "Reason for the change of social worker is not a valid code.",
    required=False,
    years=SW_YEARS,
)


@rule(
    "SW06",
    tables=["sw_episodes"],
    fields=["SW_DECOM"],
    dfe="SW06",
    years=SW_YEARS,
    message="Social worker episode starts after the end of the collection year.",
)
def starts_in_future(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'SW_DECOM' AS col, SW_DECOM AS val FROM sw_episodes
    WHERE SW_DECOM_D > {ctx.end}"""


@rule(
    "SW07",
    tables=["sw_episodes"],
    fields=["SW_DECOM", "SW_DEC"],
    dfe="SW07",
    years=SW_YEARS,
    message="Social worker episode ends after the end of the collection year or before it started.",
)
def ends_outside_window(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'SW_DEC' AS col, SW_DEC AS val FROM sw_episodes
    WHERE SW_DEC_D > {ctx.end} OR SW_DEC_D < SW_DECOM_D"""


@rule(
    "SW08",
    tables=["sw_episodes"],
    fields=["SW_DECOM", "SW_DEC"],
    dfe="SW08, SW10",
    years=SW_YEARS,
    message="Social worker episode starts before the child's previous one ended: "
    "allocations overlap.",
)
def allocations_overlap(ctx: RuleContext) -> str:
    return overlap_sql("sw_episodes", "SW_DECOM_D", "SW_DEC_D")


@rule(
    "SW11",
    tables=["sw_episodes"],
    fields=["SW_DEC"],
    dfe="SW11",
    years=SW_YEARS,
    message="Social worker episode ends before 31 March but no later allocation is "
    "recorded for the child.",
)
def ended_without_successor(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'SW_DEC' AS col, SW_DEC AS val FROM (
        SELECT _row, SW_DEC, SW_DEC_D,
            lead(_row) OVER (PARTITION BY CHILD ORDER BY SW_DECOM_D, _row) AS next_row
        FROM sw_episodes WHERE CHILD IS NOT NULL AND SW_DECOM_D IS NOT NULL) AS s
    WHERE next_row IS NULL AND SW_DEC_D < {ctx.end}"""


@rule(
    "SW15",
    tables=["sw_episodes"],
    fields=["SW_REASON", "SW_DECOM"],
    dfe="SW13STG1, SW15",
    years=SW_YEARS,
    message="Reason for the change of social worker is required for allocations starting "
    "on or after 1 April 2023.",
)
def reason_required(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'SW_REASON' AS col, SW_REASON AS val FROM sw_episodes
    WHERE SW_REASON IS NULL AND SW_DECOM_D >= {SW_REASON_FROM}"""


@rule(
    "SW17",
    tables=["sw_episodes"],
    fields=["SW_DEC"],
    dfe="SW17",
    years=range(SW_OPEN_AT_YEAR_END_FROM, YEARS.stop),
    message="The child has social worker episodes but none is open on 31 March.",
)
def none_open_at_year_end(ctx: RuleContext) -> str:
    return """SELECT arg_max(_row, SW_DECOM_D) AS _row, 'SW_DEC' AS col,
        arg_max(SW_DEC, SW_DECOM_D) AS val
    FROM sw_episodes WHERE CHILD IS NOT NULL AND SW_DECOM_D IS NOT NULL
    GROUP BY CHILD HAVING count(*) FILTER (WHERE SW_DEC IS NULL) = 0"""
