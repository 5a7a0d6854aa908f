"""The engine: derivability checks, result shape, and identical results on both backends."""

from __future__ import annotations

import json
from pathlib import Path

import ibis
import pyarrow as pa

from careboard.analytics.engine import IndicatorResult, compute, stored_tables
from careboard.analytics.indicators import REGISTRY
from careboard.analytics.ssda903.findings import WarningCount
from careboard.analytics.ssda903.store import Store
from tests.analytics.indicators.builders import child, episode, oc3, tables

YEAR = 2025


def _connection_holding(arrow: dict[str, pa.Table]) -> ibis.BaseBackend:
    con = ibis.duckdb.connect()
    for name, table in arrow.items():
        con.create_table(name, table)
    return con


def test_tables_and_years_are_found_in_the_backend() -> None:
    # Only Episodes and OC3 are stored, for 2025: everything needing another table, or an
    # earlier year, is flagged instead of computed from what happens to be there.
    arrow = tables(child("C1"), episode("C1", "2024-06-01"), oc3("L1", "2006-06-01"), year=YEAR)
    con = _connection_holding({name: arrow[name] for name in ("episodes", "oc3")})
    assert sorted(stored_tables(con)) == ["episodes", "oc3"]
    results = compute(con, YEAR)
    assert results["cla_count_31mar"].numerator == 1
    assert results["care_leavers_17_18_count"].numerator == 1
    assert results["oc2_count"].note == "needs the oc2, header table(s)"
    assert results["adoption_a2_days"].note == "needs the ad1 table(s)"
    assert results["placement_moves_2plus_2yr_pct"].note == "needs the return(s) for 2024"
    assert list(results) == list(REGISTRY)


def test_results_have_the_documented_shape() -> None:
    con = _connection_holding(tables(episode("C1", "2024-06-01"), year=YEAR))
    results = compute(con, YEAR, codes=["cla_count_31mar", "ceased_adopted_pct"])
    count, adopted = results["cla_count_31mar"], results["ceased_adopted_pct"]
    assert count.as_dict() == {
        "code": "cla_count_31mar",
        "year": YEAR,
        "value": 1.0,
        "numerator": 1,
        "denominator": None,
        "cohort_size": 1,
        "flags": [],
        "caveat_count": 0,
        "note": None,
        "warnings": [],
    }
    assert IndicatorResult.from_dict(count.as_dict()) == count
    # Nobody ceased: a percentage of nobody has no value.
    assert (adopted.value, adopted.denominator, adopted.flags) == (None, 0, ("empty_cohort",))


def test_store_written_by_the_import_can_be_computed(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.duckdb")
    arrow = tables(child("C1"), episode("C1", "2024-06-01"), year=YEAR)
    store.load(YEAR, arrow)
    results = compute(store.ibis(), YEAR, codes=["cla_count_31mar", "cla_starters"])
    assert [r.numerator for r in results.values()] == [1, 1]


def test_a_result_with_warnings_reads_back_from_its_dict() -> None:
    warned = IndicatorResult(
        code="placed_outside_la_pct",
        year=YEAR,
        value=50.0,
        numerator=1,
        denominator=2,
        cohort_size=2,
        flags=("data_quality",),
        note="1 validation warning",
        warnings=(WarningCount(YEAR, "episodes", "PL_POST", "392d", 1),),
    )
    written = json.loads(json.dumps(warned.as_dict()))
    assert written["warnings"] == [
        {"year": YEAR, "table": "episodes", "column": "PL_POST", "rule_id": "392d", "count": 1}
    ]
    assert IndicatorResult.from_dict(written) == warned
