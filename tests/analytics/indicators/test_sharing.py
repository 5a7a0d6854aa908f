"""Shared building blocks are materialised once per engine run, without changing results."""

from __future__ import annotations

import ibis
import pyarrow as pa

from careboard.analytics.engine import compute
from careboard.analytics.indicators import REGISTRY
from careboard.analytics.indicators.cohorts import looked_after_on_31_march
from careboard.analytics.indicators.measures import RESULT_COLUMNS
from careboard.analytics.indicators.sharing import computed_once
from tests.analytics.indicators.builders import as_memtables, child, episode, oc2, tables
from tests.analytics.indicators.test_adoption import ADOPTIONS
from tests.analytics.indicators.test_stability import YEAR

ROWS = (
    *ADOPTIONS,
    child("A", dob="2012-06-01"),
    episode("A", "2023-01-01", dec="2024-06-01", rec="X1"),
    episode("A", "2024-06-01", rne="P"),
    oc2("A", health_assessment=1, teeth_check=0, immunisations=1, sdq_score=12),
)


def _years(*years: int) -> ibis.Table:
    return ibis.memtable(pa.table({"year": pa.array(years, pa.int64())}))


def test_a_block_is_built_once_inside_a_run_and_dropped_after() -> None:
    con = ibis.duckdb.connect()
    stored = as_memtables(tables(*ROWS, year=YEAR), ["episodes"])
    years = _years(YEAR)
    with computed_once(con):
        first = looked_after_on_31_march(stored, years)
        again = looked_after_on_31_march(stored, years)
        assert first is again
        name = first.get_name().rsplit(".", 1)[-1]
        assert name.startswith("_careboard_block_")
        assert name in _tables_in(con)
        assert con.execute(first.count()) == 1  # child A
    assert name not in _tables_in(con)


def _tables_in(con: ibis.BaseBackend) -> set[str]:
    rows = con.raw_sql("SELECT table_name FROM duckdb_tables()").fetchall()
    return {row[0] for row in rows}


def test_outside_a_run_a_block_is_a_plain_expression() -> None:
    stored = as_memtables(tables(*ROWS, year=YEAR), ["episodes"])
    years = _years(YEAR)
    assert looked_after_on_31_march(stored, years) is not looked_after_on_31_march(stored, years)


def test_engine_results_match_each_definition_run_on_its_own() -> None:
    con = ibis.duckdb.connect()
    stored = as_memtables(tables(*ROWS, year=YEAR), list(tables(year=YEAR)))
    results = compute(con, YEAR, tables=stored, years_loaded=range(2020, YEAR + 1))
    for code, definition in REGISTRY.items():
        if "not_derivable" in results[code].flags:
            continue
        alone = con.execute(definition.compute(stored, _years(YEAR)).select(*RESULT_COLUMNS))
        row = alone.iloc[0]
        assert results[code].numerator == int(row["numerator"]), code
        assert results[code].cohort_size == int(row["cohort"]), code


def test_a_block_holds_every_year_asked_for() -> None:
    # A stays in care; B is adopted on 1 September 2024, so B is looked after at 31 March
    # 2024 but not at 31 March 2025.
    con = ibis.duckdb.connect()
    rows = (
        episode("A", "2023-01-01", dec="2024-06-01", rec="X1"),
        episode("A", "2024-06-01", rne="P"),
        episode("B", "2023-05-01", dec="2024-09-01", rec="E11"),
    )
    stored = as_memtables(tables(*rows, year=2025), ["episodes"])
    with computed_once(con):
        at_31_march = looked_after_on_31_march(stored, _years(2024, 2025))
        found = con.execute(at_31_march.select("year", "child").order_by("year", "child"))
    assert list(found.itertuples(index=False, name=None)) == [
        (2024, "A"),
        (2024, "B"),
        (2025, "A"),
    ]
