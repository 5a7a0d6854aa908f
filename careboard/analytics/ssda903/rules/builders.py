"""Small factories for the many rules that check one cell against its type.

Each factory registers one rule (so each still has its own id, message and tests) whose query
is written once here: a code valid for the year, a real date, a 0/1 flag, a pattern.
A blank cell fails only when the column is required; a code that belongs to another year is
left to the rule `CB-CODE-YEAR` so that it is reported once, with the years it is valid in.
"""

from __future__ import annotations

from collections.abc import Iterable

from careboard.analytics.ssda903.codes import YEARS, all_years_codes, codes_for
from careboard.analytics.ssda903.findings import Severity
from careboard.analytics.ssda903.rules.registry import (
    ERROR,
    RuleContext,
    rule,
    sql_list,
    sql_str,
)


def _blank_or(column: str, required: bool, condition: str) -> str:
    present_and_bad = f"({column} IS NOT NULL AND {condition})"
    return f"({column} IS NULL OR {present_and_bad})" if required else present_and_bad


def _select(table: str, column: str, where: str) -> str:
    return f"SELECT _row, '{column}' AS col, {column} AS val FROM {table} WHERE {where}"  # noqa: S608


def code_rule(
    id: str,
    table: str,
    column: str,
    message: str,
    *,
    required: bool,
    dfe: str | None = None,
    severity: Severity = ERROR,
    years: Iterable[int] = YEARS,
) -> None:
    """Register: `column` holds a code valid this year (blank allowed unless required)."""

    def query(ctx: RuleContext) -> str:
        valid = codes_for(column, ctx.year)
        other_years = all_years_codes(column) - valid
        condition = f"{column} NOT IN {sql_list(valid)}"
        if other_years:
            condition += f" AND {column} NOT IN {sql_list(other_years)}"
        return _select(table, column, _blank_or(column, required, condition))

    rule(
        id,
        tables=[table],
        fields=[column],
        message=message,
        severity=severity,
        dfe=dfe,
        years=years,
    )(query)


def date_rule(
    id: str,
    table: str,
    column: str,
    message: str,
    *,
    required: bool,
    dfe: str | None = None,
    severity: Severity = ERROR,
    years: Iterable[int] = YEARS,
) -> None:
    """Register: `column` is a real DD/MM/YYYY date (blank allowed unless required)."""

    def query(ctx: RuleContext) -> str:
        return _select(table, column, _blank_or(column, required, f"{column}_D IS NULL"))

    rule(
        id,
        tables=[table],
        fields=[column],
        message=message,
        severity=severity,
        dfe=dfe,
        years=years,
    )(query)


def pattern_rule(
    id: str,
    table: str,
    column: str,
    pattern: str,
    message: str,
    *,
    required: bool,
    dfe: str | None = None,
    severity: Severity = ERROR,
    years: Iterable[int] = YEARS,
) -> None:
    """Register: `column` matches the regular expression `pattern` in full."""

    def query(ctx: RuleContext) -> str:
        condition = f"NOT regexp_full_match({column}, {sql_str(pattern)})"
        return _select(table, column, _blank_or(column, required, condition))

    rule(
        id,
        tables=[table],
        fields=[column],
        message=message,
        severity=severity,
        dfe=dfe,
        years=years,
    )(query)


def flags_rule(
    id: str,
    table: str,
    columns: tuple[str, ...],
    message: str,
    *,
    dfe: str | None = None,
    severity: Severity = ERROR,
    years: Iterable[int] = YEARS,
) -> None:
    """Register: each of `columns` is blank, 0 or 1 (one finding per bad cell)."""

    def query(ctx: RuleContext) -> str:
        return " UNION ALL ".join(
            _select(table, column, f"{column} IS NOT NULL AND {column} NOT IN ('0', '1')")
            for column in columns
        )

    rule(
        id, tables=[table], fields=columns, message=message, severity=severity, dfe=dfe, years=years
    )(query)
