"""Codes that belong to another collection year, and the identity columns every table shares.

A code that was valid in some other year (retired, like E43 or F3, or introduced later, like
K3 before 2024-25) is reported here once, saying the years it is valid in, instead of as a
plain invalid code (903-schema.md 2.14).
"""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from careboard.analytics.ssda903.codes import (
    CODED_COLUMNS,
    all_years_codes,
    codes_for,
    years_valid,
)
from careboard.analytics.ssda903.rules.prepare import DATE_COLUMNS
from careboard.analytics.ssda903.rules.registry import RuleContext, rule, sql_str
from careboard.analytics.ssda903.tables import TABLE_COLUMNS

CODED_CELLS: tuple[tuple[str, str], ...] = tuple(
    (table, column)
    for table, columns in TABLE_COLUMNS.items()
    for column in columns
    if column in CODED_COLUMNS
)


def _year_span(years: tuple[int, ...]) -> str:
    """(2017, 2018) -> 'valid in 2016-17 to 2017-18'."""
    first, last = years[0], years[-1]
    named = [f"{y - 1}-{str(y)[2:]}" for y in (first, last)]
    return f"valid in {named[0]}" if first == last else f"valid in {named[0]} to {named[1]}"


@rule(
    "CB-CODE-YEAR",
    tables=[t for t, _ in CODED_CELLS],
    needs=(),
    fields=sorted({c for _, c in CODED_CELLS}),
    message="This code is not valid in this collection year: it was retired, or not yet "
    "introduced.",
)
def code_from_another_year(ctx: RuleContext) -> str:
    parts = []
    for table, column in CODED_CELLS:
        other = sorted(all_years_codes(column) - codes_for(column, ctx.year))
        if not other or table not in ctx.present:
            continue
        spans = " ".join(
            f"WHEN {sql_str(code)} THEN {sql_str(_year_span(years_valid(column, code)))}"
            for code in other
        )
        parts.append(
            f"""SELECT _row, '{column}' AS col, {column} AS val, '{table}' AS tbl,
                CASE {column} {spans} END AS detail
            FROM {table} WHERE {column} IN ({", ".join(sql_str(c) for c in other)})"""
        )
    return " UNION ALL ".join(parts) or _nothing()


def _nothing() -> str:
    return "SELECT 0 AS _row, NULL AS col, NULL AS val WHERE false"


@rule(
    "CB-ID-01",
    tables=list(TABLE_COLUMNS),
    needs=(),
    fields=["CHILD"],
    message="Child ID is missing or not 1 to 20 letters and digits (an ID like 12345.0 "
    "has been through a spreadsheet).",
)
def child_id_format(ctx: RuleContext) -> str:
    return (
        " UNION ALL ".join(
            f"""SELECT _row, 'CHILD' AS col, CHILD AS val, '{table}' AS tbl FROM {table}
        WHERE CHILD IS NULL OR NOT regexp_full_match(CHILD, '[A-Za-z0-9]{{1,20}}')"""
            for table in TABLE_COLUMNS
            if table in ctx.present
        )
        or _nothing()
    )


# Tables whose DOB has no rule of its own (Header: 102, UASC: CB-UA-02).
DOB_TABLES = tuple(
    t for t, cols in DATE_COLUMNS.items() if "DOB" in cols and t not in ("header", "uasc")
)


@rule(
    "CB-DOB-01",
    tables=list(DOB_TABLES),
    needs=(),
    fields=["DOB"],
    message="Date of birth is missing or not a real DD/MM/YYYY date.",
)
def dob_format(ctx: RuleContext) -> str:
    return (
        " UNION ALL ".join(
            f"""SELECT _row, 'DOB' AS col, DOB AS val, '{table}' AS tbl FROM {table}
        WHERE DOB_D IS NULL"""
            for table in DOB_TABLES
            if table in ctx.present
        )
        or _nothing()
    )
