"""DuckDB and PySpark give identical results for every indicator on realistic data."""

from __future__ import annotations

import secrets
from typing import Any

import ibis
import pyarrow as pa
import pytest

from careboard.analytics.engine import compute
from careboard.analytics.indicators import REGISTRY
from careboard.analytics.ssda903.minimise import minimise
from careboard.analytics.ssda903.reader import read_return
from careboard.analytics.ssda903.store import Store
from careboard.analytics.ssda903.stored import STORED_TABLES
from careboard.analytics.ssda903.synth.generate import SynthRequest, generate
from tests.analytics.indicators.builders import as_memtables, as_spark_views

YEARS = (2023, 2024, 2025)


@pytest.fixture(scope="module")
def synthetic_history(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pa.Table]:
    """Three years of synthetic returns, read, minimised and stored as the import does."""
    out = tmp_path_factory.mktemp("synth")
    generate(SynthRequest(children=80, first_year=YEARS[0], last_year=YEARS[-1], seed=7, out=out))
    store = Store(out / "store.duckdb")
    key = secrets.token_bytes(32)
    for year in YEARS:
        raw = read_return(out / str(year), year)
        store.load(year, minimise(raw, key=key, postcodes=out / "postcodes.csv", la="E08000015"))
    with store.connect_readonly() as con:
        return {name: con.table(name).to_arrow_table() for name in STORED_TABLES}


@pytest.mark.spark
@pytest.mark.slow
def test_duckdb_and_pyspark_give_identical_results(
    synthetic_history: dict[str, pa.Table], spark_session: Any
) -> None:
    year = YEARS[-1]
    on_duckdb = compute(
        ibis.duckdb.connect(),
        year,
        tables=as_memtables(synthetic_history, STORED_TABLES),
        years_loaded=YEARS,
    )
    on_spark = compute(
        ibis.pyspark.connect(spark_session),
        year,
        tables=as_spark_views(spark_session, synthetic_history, STORED_TABLES),
        years_loaded=YEARS,
    )
    assert on_duckdb == on_spark
    # The data is rich enough for the comparison to mean something.
    assert (on_duckdb["cla_count_31mar"].numerator or 0) > 20
    with_a_value = [code for code, result in on_duckdb.items() if result.value is not None]
    assert len(with_a_value) >= len(REGISTRY) - 3
