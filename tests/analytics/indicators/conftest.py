"""Every indicator test runs on DuckDB and on PySpark (local mode, one session per run).

A test asks for `run`, which computes one indicator on the backend of the current
parameter; the same expected numbers on both backends mean identical results.
Run only DuckDB with `-m "not spark"`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from functools import partial
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import pytest
from ibis.backends import BaseBackend

from careboard.analytics.engine import IndicatorResult, compute
from careboard.analytics.indicators import REGISTRY
from tests.analytics.indicators.builders import Row, as_memtables, as_spark_views, tables

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
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.sql.codegen.wholeStage", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def duckdb_backend() -> BaseBackend:
    return ibis.duckdb.connect()


Loader = Callable[[dict[str, pa.Table], Collection[str]], dict[str, ir.Table]]


@pytest.fixture(params=["duckdb", pytest.param("pyspark", marks=pytest.mark.spark)])
def backend_and_loader(request: pytest.FixtureRequest) -> tuple[BaseBackend, Loader]:
    """A backend, and how to put Arrow tables into it as Ibis tables."""
    if request.param == "duckdb":
        return request.getfixturevalue("duckdb_backend"), as_memtables
    session = request.getfixturevalue("spark_session")
    return ibis.pyspark.connect(session), partial(as_spark_views, session)


@pytest.fixture
def backend(backend_and_loader: tuple[BaseBackend, Loader]) -> BaseBackend:
    return backend_and_loader[0]


@pytest.fixture
def run(backend_and_loader: tuple[BaseBackend, Loader]) -> Run:
    """run(code, *rows, year=Y, years_loaded=...) -> the indicator's result for Y.

    Only the tables the indicator declares are loaded (so the declaration is tested too).
    By default every year up to Y counts as loaded, so history-needing indicators run."""

    def run_one(
        code: str, *rows: Row, year: int, years_loaded: Collection[int] | None = None
    ) -> IndicatorResult:
        loaded = set(range(2010, year + 1)) if years_loaded is None else years_loaded
        backend, load = backend_and_loader
        results = compute(
            backend,
            year,
            tables=load(tables(*rows, year=year), REGISTRY[code].tables),
            codes=[code],
            years_loaded=loaded,
        )
        return results[code]

    return run_one
