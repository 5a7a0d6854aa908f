"""Every indicator test runs on DuckDB and on PySpark (local mode, one session per run).

A test asks for `run`, which computes one indicator on the backend of the current
parameter; the same expected numbers on both backends mean identical results.
Run only DuckDB with `-m "not spark"`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from typing import Any

import ibis
import pytest
from ibis.backends import BaseBackend

from careboard.analytics.engine import IndicatorResult, compute
from tests.analytics.indicators.builders import Row, tables

Run = Callable[..., IndicatorResult]


@pytest.fixture(scope="session")
def spark_session() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[1]")
        .appName("careboard-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.default.parallelism", "1")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def duckdb_backend() -> BaseBackend:
    return ibis.duckdb.connect()


@pytest.fixture(params=["duckdb", pytest.param("pyspark", marks=pytest.mark.spark)])
def backend(request: pytest.FixtureRequest) -> BaseBackend:
    if request.param == "duckdb":
        connection: BaseBackend = request.getfixturevalue("duckdb_backend")
        return connection
    return ibis.pyspark.connect(request.getfixturevalue("spark_session"))


@pytest.fixture
def run(backend: BaseBackend) -> Run:
    """run(code, *rows, year=Y, years_loaded=...) -> the indicator's result for Y.

    By default every year up to Y counts as loaded, so history-needing indicators run."""

    def run_one(
        code: str, *rows: Row, year: int, years_loaded: Collection[int] | None = None
    ) -> IndicatorResult:
        loaded = set(range(2010, year + 1)) if years_loaded is None else years_loaded
        results = compute(
            backend, year, tables=tables(*rows, year=year), codes=[code], years_loaded=loaded
        )
        return results[code]

    return run_one
