"""Compute the registered indicators for one collection year, or many, on an Ibis backend.

The backend is an Ibis connection (DuckDB by default, PySpark for many councils) holding the
stored 903 tables (ssda903.stored). The engine checks that each indicator can be derived
from the tables and years loaded, runs all the derivable ones as one query, and returns plain
results: no Django, no pandas in the answer.

`compute` builds and compiles the expressions for its year; with Ibis, compiling costs far
more than running the queries on a council's data. `compute_years` gives the same results
for many years but compiles once: on DuckDB the year is a one-row temporary table that the
expressions read, so each further year only refills that table, runs the shared blocks'
compiled queries again and then the final one. Other backends compute year by year.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import sqlglot as sg
import sqlglot.expressions as sge
from ibis.backends import BaseBackend
from ibis.common.exceptions import TableNotFound

from careboard.analytics.indicators import REGISTRY, Indicator
from careboard.analytics.indicators.measures import RESULT_COLUMNS
from careboard.analytics.indicators.registry import Tables, Year
from careboard.analytics.indicators.sharing import computed_once, prepare
from careboard.analytics.ssda903.stored import STORED_TABLES

NOT_DERIVABLE = "not_derivable"
EMPTY_COHORT = "empty_cohort"
CAVEAT = "data_quality"


@dataclass(frozen=True, slots=True)
class IndicatorResult:
    """One indicator for one year. `value` is rounded to one decimal place (a count is the
    numerator itself); numerator, denominator and cohort size are exact. `flags` may hold
    `not_derivable`, `empty_cohort` and `data_quality` (then `caveat_count` rows of the
    cohort carry the indicator's caveat and `note` says which); suppression is added later by
    the disclosure module."""

    code: str
    year: int
    value: float | None
    numerator: int | None
    denominator: int | None
    cohort_size: int | None
    flags: tuple[str, ...] = ()
    caveat_count: int = 0
    note: str | None = None

    def as_dict(self) -> dict[str, Any]:
        result = asdict(self)
        result["flags"] = list(self.flags)
        return result


def stored_tables(backend: BaseBackend) -> dict[str, ir.Table]:
    """The stored 903 tables the backend holds, by name."""
    # Not `list_tables()`: with DuckDB 2 it fails in Ibis 12 (fetch_arrow_table is gone).
    found: dict[str, ir.Table] = {}
    for name in STORED_TABLES:
        try:
            found[name] = backend.table(name)
        except TableNotFound:
            continue
    return found


def loaded_years(backend: BaseBackend, tables: Tables) -> frozenset[int]:
    """Every collection year that appears in any of the tables."""
    if not tables:
        return frozenset()
    years = ibis.union(*(table.select("year").distinct() for table in tables.values()))
    frame = backend.execute(years.distinct())
    return frozenset(int(y) for y in frame["year"] if not _missing(y))


def why_not_derivable(
    indicator: Indicator, year: int, tables: Tables, years: Collection[int]
) -> str | None:
    """The reason the indicator cannot be computed for `year`, or None if it can."""
    absent = [name for name in indicator.tables if name not in tables]
    if absent:
        return f"needs the {', '.join(absent)} table(s)"
    needed = indicator.years_needed(year)
    if indicator.first_year is not None and needed[0] < indicator.first_year:
        return f"needs data from {indicator.first_year} on; {needed[0]} is earlier"
    missing_years = [str(y) for y in needed if y not in years]
    if missing_years:
        return f"needs the return(s) for {', '.join(missing_years)}"
    return None


def compute(
    backend: BaseBackend,
    year: int,
    *,
    tables: Tables | None = None,
    codes: Iterable[str] | None = None,
    years_loaded: Collection[int] | None = None,
) -> dict[str, IndicatorResult]:
    """Compute the indicators (all registered ones unless `codes` is given) for `year`.

    `tables` defaults to the stored tables the backend holds; `years_loaded` defaults to
    every collection year found in them.
    """
    tables = stored_tables(backend) if tables is None else tables
    years = loaded_years(backend, tables) if years_loaded is None else years_loaded
    chosen = [REGISTRY[code] for code in (codes if codes is not None else REGISTRY)]
    results: dict[str, IndicatorResult] = {}
    runnable: list[Indicator] = []
    for indicator in chosen:
        reason = why_not_derivable(indicator, year, tables, years)
        if reason is None:
            runnable.append(indicator)
        else:
            results[indicator.code] = _not_derivable(indicator, year, reason)
    if runnable:
        rows = _run_together(backend, tables, year, runnable)
        for indicator in runnable:
            results[indicator.code] = _result(indicator, year, rows[indicator.code])
    return {indicator.code: results[indicator.code] for indicator in chosen}


def compute_years(
    backend: BaseBackend,
    years: Iterable[int],
    *,
    tables: Tables | None = None,
    codes: Iterable[str] | None = None,
    years_loaded: Collection[int] | None = None,
) -> dict[int, dict[str, IndicatorResult]]:
    """`compute` for each of `years` (in the order given), with the same results, compiling
    the expressions once instead of once a year (on DuckDB; see the module docstring)."""
    wanted = list(dict.fromkeys(years))
    tables = stored_tables(backend) if tables is None else tables
    loaded = loaded_years(backend, tables) if years_loaded is None else years_loaded
    chosen = [REGISTRY[code] for code in (codes if codes is not None else REGISTRY)]
    if backend.name != "duckdb":
        codes_chosen = [indicator.code for indicator in chosen]
        return {
            year: compute(backend, year, tables=tables, codes=codes_chosen, years_loaded=loaded)
            for year in wanted
        }
    reasons = {
        year: {ind.code: why_not_derivable(ind, year, tables, loaded) for ind in chosen}
        for year in wanted
    }
    runnable = [ind for ind in chosen if any(reasons[y][ind.code] is None for y in wanted)]
    rows = _run_each_year(backend, tables, wanted, runnable) if runnable else {}
    results: dict[int, dict[str, IndicatorResult]] = {}
    for year in wanted:
        results[year] = {}
        for indicator in chosen:
            reason = reasons[year][indicator.code]
            results[year][indicator.code] = (
                _result(indicator, year, rows[year][indicator.code])
                if reason is None
                else _not_derivable(indicator, year, reason)
            )
    return results


def _not_derivable(indicator: Indicator, year: int, reason: str) -> IndicatorResult:
    return IndicatorResult(
        code=indicator.code,
        year=year,
        value=None,
        numerator=None,
        denominator=None,
        cohort_size=None,
        flags=(NOT_DERIVABLE,),
        note=reason,
    )


def _together(tables: Tables, year: Year, indicators: list[Indicator]) -> ir.Table:
    """Every indicator's one-row expression in one table, with its code."""
    parts = [
        indicator.compute(tables, year)
        .select(*RESULT_COLUMNS)
        .mutate(code=ibis.literal(indicator.code))
        for indicator in indicators
    ]
    return ibis.union(*parts, distinct=False)


def _run_together(
    backend: BaseBackend, tables: Tables, year: int, indicators: list[Indicator]
) -> dict[str, dict[str, Any]]:
    """Run every indicator's one-row expression in a single query, keyed by code."""
    with computed_once(backend):
        frame = backend.execute(_together(tables, year, indicators))
    return {str(row["code"]): row for row in frame.to_dict("records")}


def _run_each_year(
    backend: BaseBackend, tables: Tables, years: Sequence[int], indicators: list[Indicator]
) -> dict[int, dict[str, dict[str, Any]]]:
    """On DuckDB: build and compile the indicators once, reading the year from a one-row
    temporary table, then for each year set that table, refill the shared blocks and run
    the compiled query. Rows keyed by year, then code."""
    name = f"_careboard_year_{uuid.uuid4().hex[:12]}"
    first = pa.table({"year": pa.array([years[0]], pa.int64())})
    year_table = backend.create_table(name, first, temp=True)
    table = sg.table(name, db="main", catalog="temp", quoted=True)
    update = sge.update(table, {"year": sge.Placeholder()}).sql(backend.dialect)
    rows: dict[int, dict[str, dict[str, Any]]] = {}
    try:
        year = year_table.year.max().as_scalar()
        with computed_once(backend, varying=year_table) as run:
            together = _together(tables, year, indicators)
            query = backend.compile(together)
            prepare(backend, together)
            for position, each in enumerate(years):
                if position:
                    backend.raw_sql(update, parameters=[each])
                    run.refill()
                cursor = backend.raw_sql(query)
                columns = [column[0] for column in cursor.description]
                found = [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]
                rows[each] = {str(row["code"]): row for row in found}
    finally:
        backend.drop_table(name, force=True)
    return rows


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _integer(value: Any) -> int | None:
    return None if _missing(value) else int(value)


def _result(indicator: Indicator, year: int, row: Mapping[str, Any]) -> IndicatorResult:
    numerator = _integer(row["numerator"])
    denominator = _integer(row["denominator"])
    caveats = _integer(row["caveat"]) or 0
    flags: list[str] = []
    value: float | None
    if indicator.unit == "count":
        value = None if numerator is None else float(numerator)
    elif numerator is None or not denominator:
        value = None
        flags.append(EMPTY_COHORT)
    else:
        scale = 100 if indicator.unit == "percent" else 1
        value = round(scale * numerator / denominator, 1)
    if caveats:
        flags.append(CAVEAT)
    return IndicatorResult(
        code=indicator.code,
        year=year,
        value=value,
        numerator=numerator,
        denominator=denominator,
        cohort_size=_integer(row["cohort"]),
        flags=tuple(flags),
        caveat_count=caveats,
        note=indicator.caveat if caveats else None,
    )
