"""`compute_years` (every year in one pass) gives exactly what `compute` gives year by year,
on realistic synthetic data imported as the app imports it."""

from __future__ import annotations

import secrets
from typing import Any

import ibis
import pytest

from careboard.analytics import plans
from careboard.analytics.engine import compute, compute_years
from careboard.analytics.indicators import REGISTRY
from careboard.analytics.ssda903.minimise import minimise
from careboard.analytics.ssda903.reader import read_return
from careboard.analytics.ssda903.store import Store
from careboard.analytics.ssda903.stored import STORED_TABLES
from careboard.analytics.ssda903.synth.generate import SynthRequest, generate
from tests.analytics.indicators.builders import as_spark_views

HISTORY = (2022, 2023, 2024, 2025)


@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """Four years of synthetic returns for a few hundred children, imported as the app does.
    The years straddle 2022 (apprenticeships recorded apart) and 2024 (SWEpisodes begin), so
    which indicators are derivable changes from year to year."""
    out = tmp_path_factory.mktemp("synth")
    request = SynthRequest(
        children=250, first_year=HISTORY[0], last_year=HISTORY[-1], seed=11, out=out
    )
    generate(request)
    store = Store(out / "store.duckdb")
    key = secrets.token_bytes(32)
    for year in HISTORY:
        raw = read_return(out / str(year), year)
        store.load(year, minimise(raw, key=key, postcodes=out / "postcodes.csv", la="E08000015"))
    return store


def test_all_years_at_once_match_each_year_on_its_own(synthetic_store: Store) -> None:
    backend = synthetic_store.ibis()
    year_by_year = {year: compute(backend, year) for year in HISTORY}
    at_once = compute_years(backend, HISTORY)
    assert list(at_once) == list(HISTORY)
    for year in HISTORY:
        assert list(at_once[year]) == list(REGISTRY)
        assert at_once[year] == year_by_year[year], year
    # The comparison means something: most indicators have a value in the last year, and
    # the first year lacks the history some need.
    last = at_once[HISTORY[-1]]
    assert (last["cla_count_31mar"].numerator or 0) > 50
    assert sum(result.value is not None for result in last.values()) >= len(REGISTRY) - 3
    assert "not_derivable" in at_once[HISTORY[0]]["adoption_a1_days"].flags


def test_all_years_at_once_honour_codes_and_unloaded_years(synthetic_store: Store) -> None:
    backend = synthetic_store.ibis()
    codes = ["oc2_count", "cla_count_31mar"]
    results = compute_years(backend, [2025, 2019], codes=codes, years_loaded=HISTORY)
    assert list(results) == [2025, 2019]
    assert list(results[2025]) == codes
    assert results[2025] == compute(backend, 2025, codes=codes, years_loaded=HISTORY)
    # 2019 is not loaded: nothing can be computed for it.
    assert {r.flags for r in results[2019].values()} == {("not_derivable",)}
    assert compute_years(backend, []) == {}


def test_a_compiled_plan_is_run_again_for_other_years(synthetic_store: Store) -> None:
    plans.forget_in_memory()
    in_2025 = compute_years(synthetic_store.ibis(), [2025])
    assert plans.kept_in_memory() == 1
    # Another connection, and other years whose derivable indicators are those of 2025:
    # the plan is replayed (no new one), and it reads the years of this call.
    again = synthetic_store.ibis()
    both = compute_years(again, [2024, 2025])
    assert plans.kept_in_memory() == 1
    assert both[2025] == in_2025[2025]
    assert both[2024] == compute(again, 2024)
    # Nothing is left behind on the connection.
    temporary = again.raw_sql("SELECT table_name FROM duckdb_tables() WHERE temporary")
    assert temporary.fetchall() == []


def test_plans_are_kept_only_for_stored_tables(synthetic_store: Store) -> None:
    plans.forget_in_memory()
    with synthetic_store.connect_readonly() as con:
        arrow = {name: con.table(name).to_arrow_table() for name in STORED_TABLES}
    in_memory = {name: ibis.memtable(table) for name, table in arrow.items()}
    backend = ibis.duckdb.connect()
    results = compute(backend, 2025, tables=in_memory, years_loaded=HISTORY)
    assert results == compute(synthetic_store.ibis(), 2025)
    assert plans.kept_in_memory() == 1  # the stored tables' plan only


@pytest.mark.spark
@pytest.mark.slow
def test_all_years_at_once_match_each_year_on_pyspark(
    synthetic_store: Store, spark_session: Any
) -> None:
    with synthetic_store.connect_readonly() as con:
        arrow = {name: con.table(name).to_arrow_table() for name in STORED_TABLES}
    backend = ibis.pyspark.connect(spark_session)
    stored = as_spark_views(spark_session, arrow, STORED_TABLES)
    at_once = compute_years(backend, HISTORY, tables=stored, years_loaded=HISTORY)
    for year in HISTORY:
        alone = compute(backend, year, tables=stored, years_loaded=HISTORY)
        assert at_once[year] == alone, year
