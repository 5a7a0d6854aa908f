"""Small factories for the many rules that check one cell against its type.

Each factory registers one rule (so each still has its own id, message and tests) whose query
is written once here: a code valid for the year, a real date, a 0/1 flag, a pattern.
A blank cell fails only when the column is required; a code that belongs to another year is
left to the rule `CB-CODE-YEAR` so that it is reported once, with the years it is valid in.
"""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypedDict, Unpack

from careboard.analytics.ssda903.codes import all_years_codes, codes_for
from careboard.analytics.ssda903.findings import Severity
from careboard.analytics.ssda903.rules.registry import (
    RuleContext,
    rule,
    sql_list,
    sql_str,
)


def _blank_or(column: str, required: bool, condition: str) -> str:
    present_and_bad = f"({column} IS NOT NULL AND {condition})"
    return f"({column} IS NULL OR {present_and_bad})" if required else present_and_bad


def _select(table: str, column: str, where: str) -> str:
    return f"SELECT _row, '{column}' AS col, {column} AS val FROM {table} WHERE {where}"


class Declared(TypedDict, total=False):
    """What a cell rule may declare besides its id, place and message."""

    dfe: str | None
    severity: Severity
    years: Iterable[int]


def cell_rule(
    id: str,
    table: str,
    column: str,
    message: str,
    bad_value: Callable[[RuleContext], str],
    *,
    required: bool,
    **declared: Unpack[Declared],
) -> None:
    """Register: a filled `column` must not satisfy `bad_value` (SQL); blank fails if
    `required`. The other factories below are this with a fixed test."""

    def query(ctx: RuleContext) -> str:
        return _select(table, column, _blank_or(column, required, bad_value(ctx)))

    rule(id, tables=[table], fields=[column], message=message, **declared)(query)


def code_rule(
    id: str,
    table: str,
    column: str,
    message: str,
    *,
    required: bool,
    **declared: Unpack[Declared],
) -> None:
    """Register: `column` holds a code valid this year (blank allowed unless required)."""

    def not_this_years_code(ctx: RuleContext) -> str:
        valid = codes_for(column, ctx.year)
        other_years = all_years_codes(column) - valid
        condition = f"{column} NOT IN {sql_list(valid)}"
        if other_years:
            condition += f" AND {column} NOT IN {sql_list(other_years)}"
        return condition

    cell_rule(id, table, column, message, not_this_years_code, required=required, **declared)


def date_rule(
    id: str,
    table: str,
    column: str,
    message: str,
    *,
    required: bool,
    **declared: Unpack[Declared],
) -> None:
    """Register: `column` is a real DD/MM/YYYY date (blank allowed unless required)."""
    cell_rule(
        id,
        table,
        column,
        message,
        lambda _ctx: f"{column}_D IS NULL",
        required=required,
        **declared,
    )


def pattern_rule(
    id: str,
    table: str,
    column: str,
    pattern: str,
    message: str,
    *,
    required: bool,
    **declared: Unpack[Declared],
) -> None:
    """Register: `column` matches the regular expression `pattern` in full."""
    condition = f"NOT regexp_full_match({column}, {sql_str(pattern)})"
    cell_rule(id, table, column, message, lambda _ctx: condition, required=required, **declared)


def flags_rule(
    id: str,
    table: str,
    columns: tuple[str, ...],
    message: str,
    **declared: Unpack[Declared],
) -> None:
    """Register: each of `columns` is blank, 0 or 1 (one finding per bad cell)."""

    def query(ctx: RuleContext) -> str:
        return " UNION ALL ".join(
            _select(table, column, f"{column} IS NOT NULL AND {column} NOT IN ('0', '1')")
            for column in columns
        )

    rule(id, tables=[table], fields=columns, message=message, **declared)(query)


def overlap_sql(table: str, start: str, end: str) -> str:
    """Rows of `table` starting before the same child's previous row ended (or while it is
    still open), rows ordered by `start`; `start`/`end` are parsed date columns (X_D)."""
    text = start.removesuffix("_D")
    return f"""SELECT _row, '{text}' AS col, {text} AS val FROM (
        SELECT _row, {text}, {start}, lag({end}) OVER w AS prev_end, lag(_row) OVER w AS prev_row
        FROM {table} WHERE CHILD IS NOT NULL AND {start} IS NOT NULL
        WINDOW w AS (PARTITION BY CHILD ORDER BY {start}, _row)) AS ordered
    WHERE prev_row IS NOT NULL AND (prev_end IS NULL OR {start} < prev_end)"""


def all_or_none_sql(table: str, columns: tuple[str, ...]) -> str:
    """The blank cells of rows of `table` that fill some of `columns` but not all."""
    filled = " + ".join(f"CAST({c} IS NOT NULL AS INTEGER)" for c in columns)
    blanks = " UNION ALL ".join(
        f"SELECT _row, '{c}' AS col, {c} AS val FROM partial WHERE {c} IS NULL" for c in columns
    )
    return f"""WITH partial AS (
        SELECT * FROM {table} WHERE ({filled}) BETWEEN 1 AND {len(columns) - 1}) {blanks}"""
