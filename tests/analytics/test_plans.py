"""Compiled plans: kept in memory and in the store's folder, replayed by a new process,
never used for other code, tables or indicators."""

from __future__ import annotations

import json
from pathlib import Path

import ibis
import pytest

from careboard.analytics import plans
from careboard.analytics.engine import compute, stored_tables
from careboard.analytics.ssda903.store import Store
from tests.analytics.indicators.builders import child, episode, tables

YEAR = 2025
CODE = ["cla_count_31mar"]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """Two children looked after at 31 March 2025."""
    store = Store(tmp_path / "store.duckdb")
    rows = (child("C1"), episode("C1", "2024-06-01"), child("C2"), episode("C2", "2023-01-01"))
    store.load(YEAR, tables(*rows, year=YEAR))
    plans.forget_in_memory()
    return store


def _count(store: Store) -> int | None:
    return compute(store.ibis(), YEAR, codes=CODE, plans_dir=store.plans_dir)[CODE[0]].numerator


def test_a_new_process_runs_the_plan_kept_in_the_folder(store: Store) -> None:
    assert _count(store) == 2
    [kept] = store.plans_dir.glob("*.json")
    # As a new process would: nothing in memory, the file there. Its query is changed to give
    # 7, so the answer shows whether the file's plan is what ran.
    plans.forget_in_memory()
    plan = json.loads(kept.read_text())
    plan["query"] = (
        "SELECT 2025 AS year, 7 AS numerator, NULL AS denominator, 7 AS cohort, 0 AS caveat, "
        "'cla_count_31mar' AS code"
    )
    kept.write_text(json.dumps(plan))
    assert _count(store) == 7


def test_an_unreadable_plan_file_is_compiled_again_and_replaced(store: Store) -> None:
    assert _count(store) == 2
    [kept] = store.plans_dir.glob("*.json")
    plans.forget_in_memory()
    kept.write_text("{not a plan")
    assert _count(store) == 2
    assert set(json.loads(kept.read_text())) == {"blocks", "query"}


def test_a_plan_file_holds_sql_and_no_data(store: Store) -> None:
    _count(store)
    [kept] = store.plans_dir.glob("*.json")
    with store.connect_readonly() as con:
        pseudonyms = [row[0] for row in con.execute("SELECT child FROM episodes").fetchall()]
    text = kept.read_text()
    assert "SELECT" in text
    assert not any(pseudonym in text for pseudonym in pseudonyms)


def test_keys_differ_by_indicators_and_tables_and_none_for_in_memory_tables(
    store: Store,
) -> None:
    stored = stored_tables(store.ibis())
    key = plans.key_for(CODE, stored)
    assert key == plans.key_for(CODE, stored_tables(store.ibis()))  # another connection
    assert key != plans.key_for(["oc2_count"], stored)
    fewer = {name: table for name, table in stored.items() if name != "oc3"}
    assert key != plans.key_for(CODE, fewer)
    in_memory = {name: ibis.memtable(table.to_pyarrow()) for name, table in stored.items()}
    assert plans.key_for(CODE, in_memory) is None
