"""Compute the registered indicators for one collection year, or many, on an Ibis backend.

The backend is an Ibis connection (DuckDB by default, PySpark for many councils) holding the
stored 903 tables (ssda903.stored). The engine checks that each indicator can be derived
from the tables and years loaded, then runs all the derivable ones for every year asked for
as one query: the definitions take the table of years and compute them all at once (see
indicators.registry), the shared building blocks once each. It returns plain results: no
Django, no pandas in the answer.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa
from ibis.backends import BaseBackend
from ibis.common.exceptions import TableNotFound

from careboard.analytics import plans
from careboard.analytics.indicators import REGISTRY, Indicator
from careboard.analytics.indicators.measures import RESULT_COLUMNS
from careboard.analytics.indicators.registry import Tables
from careboard.analytics.indicators.sharing import computed_once, drop_temporary, prepare
from careboard.analytics.ssda903.findings import WarningCount
from careboard.analytics.ssda903.stored import STORED_TABLES

NOT_DERIVABLE = "not_derivable"
EMPTY_COHORT = "empty_cohort"
CAVEAT = "data_quality"


@dataclass(frozen=True, slots=True)
class IndicatorResult:
    """One indicator for one year. `value` is rounded to one decimal place (a count is the
    numerator itself); numerator, denominator and cohort size are exact. `flags` may hold
    `not_derivable`, `empty_cohort` and `data_quality`: then `caveat_count` rows of the
    cohort carry the indicator's caveat, or `warnings` lists the validation warnings of the
    returns it reads that concern fields it uses (added by `validation_caveats`), and `note`
    says which. Suppression is added later by the disclosure module."""

    code: str
    year: int
    value: float | None
    numerator: int | None
    denominator: int | None
    cohort_size: int | None
    flags: tuple[str, ...] = ()
    caveat_count: int = 0
    note: str | None = None
    warnings: tuple[WarningCount, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        result = asdict(self)
        result["flags"] = list(self.flags)
        result["warnings"] = [asdict(warning) for warning in self.warnings]
        return result

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IndicatorResult:
        """The result `as_dict` gave (read back from JSON, for example)."""
        return cls(
            **{
                **data,
                "flags": tuple(data.get("flags", ())),
                "warnings": tuple(WarningCount(**w) for w in data.get("warnings", ())),
            }
        )


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
    plans_dir: Path | None = None,
) -> dict[str, IndicatorResult]:
    """Compute the indicators (all registered ones unless `codes` is given) for `year`.

    `tables` defaults to the stored tables the backend holds; `years_loaded` defaults to
    every collection year found in them. On DuckDB, compiled plans are kept in memory and,
    with `plans_dir`, in files there (see `careboard.analytics.plans`).
    """
    return compute_years(
        backend,
        [year],
        tables=tables,
        codes=codes,
        years_loaded=years_loaded,
        plans_dir=plans_dir,
    )[year]


def compute_years(
    backend: BaseBackend,
    years: Iterable[int],
    *,
    tables: Tables | None = None,
    codes: Iterable[str] | None = None,
    years_loaded: Collection[int] | None = None,
    plans_dir: Path | None = None,
) -> dict[int, dict[str, IndicatorResult]]:
    """`compute` for each of `years` (in the order given), all in one query."""
    wanted = list(dict.fromkeys(years))
    tables = stored_tables(backend) if tables is None else tables
    loaded = loaded_years(backend, tables) if years_loaded is None else years_loaded
    chosen = [REGISTRY[code] for code in (codes if codes is not None else REGISTRY)]
    reasons = {
        year: {ind.code: why_not_derivable(ind, year, tables, loaded) for ind in chosen}
        for year in wanted
    }
    runnable = [ind for ind in chosen if any(reasons[y][ind.code] is None for y in wanted)]
    rows = _run_together(backend, tables, wanted, runnable, plans_dir) if runnable else {}
    return {
        year: {
            ind.code: _not_derivable(ind, year, reason)
            if (reason := reasons[year][ind.code]) is not None
            else _result(ind, year, rows[year, ind.code])
            for ind in chosen
        }
        for year in wanted
    }


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


def _together(tables: Tables, years: ir.Table, indicators: list[Indicator]) -> ir.Table:
    """Every indicator's rows (one a year) in one table, with its code."""
    parts = [
        indicator.compute(tables, years)
        .select("year", *RESULT_COLUMNS)
        .mutate(code=ibis.literal(indicator.code))
        for indicator in indicators
    ]
    return ibis.union(*parts, distinct=False)


def _run_together(
    backend: BaseBackend,
    tables: Tables,
    years: Sequence[int],
    indicators: list[Indicator],
    plans_dir: Path | None,
) -> dict[tuple[int, str], dict[str, Any]]:
    """Run every indicator for every year in a single query, keyed by year and code."""
    if backend.name == "duckdb":
        found = _run_on_duckdb(backend, tables, years, indicators, plans_dir)
    else:
        years_table = ibis.memtable(_years_arrow(years))
        with computed_once(backend):
            found = backend.execute(_together(tables, years_table, indicators)).to_dict("records")
    return {(int(row["year"]), str(row["code"])): row for row in found}


YEARS_TABLE = "_careboard_years"  # the years a plan's statements read


def _run_on_duckdb(
    backend: BaseBackend,
    tables: Tables,
    years: Sequence[int],
    indicators: list[Indicator],
    plans_dir: Path | None,
) -> list[dict[str, Any]]:
    key = plans.key_for([indicator.code for indicator in indicators], tables)
    backend.create_table(YEARS_TABLE, _years_arrow(years), temp=True, overwrite=True)
    try:
        plan = plans.find(key, plans_dir) if key is not None else None
        if plan is not None:
            return _replay(backend, plan)
        years_table = backend.table(YEARS_TABLE, database=("temp", "main"))
        with computed_once(backend) as run:
            together = _together(tables, years_table, indicators)
            plan = plans.Plan(blocks=tuple(run.created), query=backend.compile(together))
            prepare(backend, together)
            found = _fetch(backend, plan.query)
        if key is not None:
            plans.keep(key, plan, plans_dir)
        return found
    finally:
        drop_temporary(backend, YEARS_TABLE)


def _replay(backend: BaseBackend, plan: plans.Plan) -> list[dict[str, Any]]:
    try:
        for _, statement in plan.blocks:
            backend.raw_sql(statement)
        return _fetch(backend, plan.query)
    finally:
        for name, _ in plan.blocks:
            drop_temporary(backend, name)


def _fetch(backend: BaseBackend, query: str) -> list[dict[str, Any]]:
    cursor = backend.raw_sql(query)
    columns = [column[0] for column in cursor.description]
    return [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]


def _years_arrow(years: Sequence[int]) -> pa.Table:
    return pa.table({"year": pa.array(years, pa.int64())})


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
