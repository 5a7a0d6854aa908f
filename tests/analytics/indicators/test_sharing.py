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


def test_a_block_is_built_once_inside_a_run_and_dropped_after() -> None:
    con = ibis.duckdb.connect()
    stored = as_memtables(tables(*ROWS, year=YEAR), ["episodes"])
    with computed_once(con):
        first = looked_after_on_31_march(stored, YEAR)
        again = looked_after_on_31_march(stored, YEAR)
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
    assert looked_after_on_31_march(stored, YEAR) is not looked_after_on_31_march(stored, YEAR)


def test_engine_results_match_each_definition_run_on_its_own() -> None:
    con = ibis.duckdb.connect()
    stored = as_memtables(tables(*ROWS, year=YEAR), list(tables(year=YEAR)))
    results = compute(con, YEAR, tables=stored, years_loaded=range(2020, YEAR + 1))
    for code, definition in REGISTRY.items():
        if "not_derivable" in results[code].flags:
            continue
        alone = con.execute(definition.compute(stored, YEAR).select(*RESULT_COLUMNS))
        row = alone.iloc[0]
        assert results[code].numerator == int(row["numerator"]), code
        assert results[code].cohort_size == int(row["cohort"]), code


def test_a_refill_recomputes_only_the_blocks_that_read_the_varying_table() -> None:
    # The year is a one-row table, as in engine.compute_years. A stays in care; B is adopted
    # on 1 September 2024, so B is looked after at 31 March 2024 but not at 31 March 2025.
    con = ibis.duckdb.connect()
    rows = (
        episode("A", "2023-01-01", dec="2024-06-01", rec="X1"),
        episode("A", "2024-06-01", rne="P"),
        episode("B", "2023-05-01", dec="2024-09-01", rec="E11"),
    )
    stored = as_memtables(tables(*rows, year=2025), ["episodes"])
    year_table = con.create_table(
        "year_under_test", pa.table({"year": pa.array([2024], pa.int64())}), temp=True
    )
    with computed_once(con, varying=year_table) as run:
        at_31_march = looked_after_on_31_march(stored, year_table.year.max().as_scalar())
        in_2024 = sorted(con.execute(at_31_march.child))
        con.raw_sql("UPDATE year_under_test SET year = 2025")
        run.refill()
        in_2025 = sorted(con.execute(at_31_march.child))
        # The chains over the whole history do not depend on the year; the year's chains
        # and the children looked after at 31 March do.
        varies = [step.varies for step in run.steps]
    assert (in_2024, in_2025) == (["A", "B"], ["A"])
    assert varies == [False, True, True]
