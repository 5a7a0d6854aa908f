"""The analytics store: multi-year history, idempotent re-import, atomic replacement, and
each year's validation warnings kept as counts."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from careboard.analytics.ssda903.findings import Finding, Severity, WarningCount, warning_counts
from careboard.analytics.ssda903.store import Store, StoreShapeError
from careboard.analytics.ssda903.stored import STORED_TABLES


def episodes(year: int, *rows: tuple[str, str, str | None]) -> pa.Table:
    """Minimised episodes: (child pseudonym, DECOM, DEC) per row, other columns constant."""
    count = len(rows)

    def text(value: str | None) -> pa.Array:
        return pa.array([value] * count, pa.string())

    return pa.table(
        {
            "child": pa.array([r[0] for r in rows], pa.string()),
            "decom": pa.array([dt.date.fromisoformat(r[1]) for r in rows], pa.date32()),
            "rne": text("S"),
            "ls": text("C2"),
            "cin": text("N1"),
            "place": text("U6"),
            "place_provider": text("PR1"),
            "dec": pa.array(
                [dt.date.fromisoformat(r[2]) if r[2] else None for r in rows], pa.date32()
            ),
            "rec": pa.array(["E8" if r[2] else None for r in rows], pa.string()),
            "reason_place_change": text(None),
            "pl_location": text("IN"),
            "pl_distance": pa.array([1.5] * count, pa.float64()),
            "year": pa.array([year] * count, pa.int32()),
        }
    )


def stored_rows(store: Store, table: str = "episodes") -> list[tuple[object, ...]]:
    with store.connect_readonly() as con:
        query = f"SELECT child, decom, dec, year FROM {table} ORDER BY ALL"  # noqa: S608
        return con.execute(query).fetchall()


def all_tables(store: Store) -> dict[str, list[tuple[object, ...]]]:
    with store.connect_readonly() as con:
        return {
            name: con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall()  # noqa: S608
            for name in STORED_TABLES
        } | {"by_year": con.execute("SELECT * FROM by_year.episodes ORDER BY ALL").fetchall()}


def test_a_new_store_has_every_table_empty(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.duckdb")
    with store.connect_readonly() as con:
        for name in STORED_TABLES:
            assert con.execute(f"SELECT count(*) FROM {name}").fetchone() == (0,)  # noqa: S608
    assert store.years() == []


def test_later_year_wins_for_the_same_episode(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.duckdb")
    # 2024 return: episode open at 31 March 2024. 2025 return: the same episode, now ended.
    store.load(2024, {"episodes": episodes(2024, ("p1", "2023-06-01", None))})
    store.load(2025, {"episodes": episodes(2025, ("p1", "2023-06-01", "2024-09-30"))})
    assert stored_rows(store) == [("p1", dt.date(2023, 6, 1), dt.date(2024, 9, 30), 2025)]
    assert store.years() == [2024, 2025]


def test_episodes_only_in_an_earlier_return_stay_in_the_history(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.duckdb")
    store.load(2023, {"episodes": episodes(2023, ("p1", "2022-05-01", "2022-12-01"))})
    store.load(2025, {"episodes": episodes(2025, ("p2", "2024-06-01", None))})
    assert [r[0] for r in stored_rows(store)] == ["p1", "p2"]


def test_loading_an_earlier_year_later_does_not_override_a_later_year(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.duckdb")
    store.load(2025, {"episodes": episodes(2025, ("p1", "2023-06-01", "2024-09-30"))})
    store.load(2024, {"episodes": episodes(2024, ("p1", "2023-06-01", None))})
    assert stored_rows(store) == [("p1", dt.date(2023, 6, 1), dt.date(2024, 9, 30), 2025)]


def test_reloading_a_year_replaces_it(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.duckdb")
    store.load(2025, {"episodes": episodes(2025, ("p1", "2024-06-01", None))})
    store.load(2025, {"episodes": episodes(2025, ("p2", "2024-07-01", None))})
    assert [r[0] for r in stored_rows(store)] == ["p2"]


def test_reimporting_the_same_return_changes_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.duckdb")
    year_2024 = {"episodes": episodes(2024, ("p1", "2023-06-01", None), ("p2", "2023-01-01", None))}
    year_2025 = {"episodes": episodes(2025, ("p1", "2023-06-01", "2024-09-30"))}
    store.load(2024, year_2024)
    store.load(2025, year_2025)
    before = all_tables(store)
    store.load(2025, year_2025)
    assert all_tables(store) == before
    assert before["episodes"] != []


def test_wrong_shape_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.duckdb")
    store.load(2024, {"episodes": episodes(2024, ("p1", "2023-06-01", None))})
    with pytest.raises(StoreShapeError):
        store.load(2025, {"episodes": episodes(2025, ("p2", "2024-06-01", None)).drop(["rne"])})
    with pytest.raises(StoreShapeError):
        store.load(2025, {"episodes": episodes(2024, ("p2", "2024-06-01", None))})
    assert [r[0] for r in stored_rows(store)] == ["p1"]


def test_open_reader_keeps_its_snapshot_while_a_load_replaces_the_file(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.duckdb")
    store.load(2024, {"episodes": episodes(2024, ("p1", "2023-06-01", None))})
    with store.connect_readonly() as reader:
        store.load(2025, {"episodes": episodes(2025, ("p2", "2024-06-01", None))})
        assert reader.execute("SELECT child FROM episodes").fetchall() == [("p1",)]
    assert [r[0] for r in stored_rows(store)] == ["p1", "p2"]


def test_ibis_backend_sees_the_stored_tables(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.duckdb")
    store.load(2024, {"episodes": episodes(2024, ("p1", "2023-06-01", None))})
    backend = store.ibis()
    assert backend.table("episodes").count().execute() == 1


SLOW_LOAD = textwrap.dedent(
    """
    import sys
    import numpy as np
    import pyarrow as pa
    from careboard.analytics.ssda903.store import Store
    from careboard.analytics.ssda903.stored import STORED_TABLES

    rows = 1_500_000
    columns = {}
    for name, sql_type in STORED_TABLES["episodes"].items():
        if sql_type == "VARCHAR":
            columns[name] = pa.array(np.arange(rows) % 50_000).cast(pa.string())
        elif sql_type == "DATE":
            columns[name] = pa.array(range(rows), pa.int32()).cast(pa.date32())
        elif sql_type == "DOUBLE":
            columns[name] = pa.array(np.ones(rows))
        else:
            columns[name] = pa.array(np.full(rows, 2025, dtype=np.int32))
    print("ready", flush=True)
    Store(sys.argv[1]).load(2025, {"episodes": pa.table(columns)})
    print("done", flush=True)
    """
)


def test_a_killed_import_leaves_the_previous_data_live_and_intact(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    store = Store(path)
    store.load(2024, {"episodes": episodes(2024, ("p1", "2023-06-01", None))})
    before = all_tables(store)

    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_LOAD, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    # Wait until the new database file is being written, then kill without warning.
    deadline = time.monotonic() + 60
    partial: list[Path] = []
    while time.monotonic() < deadline and child.poll() is None:
        partial = [p for p in tmp_path.glob("store.duckdb.importing-*") if p.stat().st_size]
        if partial:
            break
        time.sleep(0.005)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert partial, "the import finished before it could be killed part-way"
    assert child.returncode == -signal.SIGKILL

    assert all_tables(store) == before  # the old data, complete
    assert store.years() == [2024]
    # The next import cleans up the half-written file and succeeds.
    store.load(2025, {"episodes": episodes(2025, ("p2", "2024-06-01", None))})
    assert [r[0] for r in stored_rows(store)] == ["p1", "p2"]
    assert list(tmp_path.glob("store.duckdb.importing-*")) == []


def test_a_load_that_fails_part_way_leaves_the_previous_data_and_no_debris(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "store.duckdb")
    store.load(2024, {"episodes": episodes(2024, ("p1", "2023-06-01", None))})
    before = all_tables(store)
    good = episodes(2025, ("p2", "2024-06-01", None))
    # `dec` as text that is no date: the cast fails after header and earlier tables are done.
    broken = good.set_column(
        good.column_names.index("dec"), "dec", pa.array(["not a date"], pa.string())
    )
    with pytest.raises(duckdb.ConversionException):
        store.load(
            2025, {"header": pa.table({c: [] for c in STORED_TABLES["header"]}), "episodes": broken}
        )
    assert all_tables(store) == before
    assert list(tmp_path.glob("store.duckdb.importing-*")) == []


def pl_post_warnings(year: int, count: int = 2) -> list[WarningCount]:
    return [WarningCount(year, "episodes", "PL_POST", "392d", count)]


def test_warning_counts_are_kept_per_year_and_read_back(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.duckdb")
    assert store.warnings() == []
    store.load(
        2024, {"episodes": episodes(2024, ("p1", "2023-06-01", None))}, pl_post_warnings(2024)
    )
    store.load(
        2025,
        {"episodes": episodes(2025, ("p1", "2023-06-01", None))},
        [WarningCount(2025, "oc2", "SDQ_SCORE", "567", 1), WarningCount(2025, "oc2", None, "X", 3)],
    )
    assert store.warnings() == [
        *pl_post_warnings(2024),
        WarningCount(2025, "oc2", None, "X", 3),
        WarningCount(2025, "oc2", "SDQ_SCORE", "567", 1),
    ]
    assert store.warnings([2024]) == pl_post_warnings(2024)
    assert store.warnings([2023]) == []


def test_warning_counts_survive_a_reload_of_another_year(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.duckdb")
    store.load(
        2024, {"episodes": episodes(2024, ("p1", "2023-06-01", None))}, pl_post_warnings(2024)
    )
    store.load(2025, {"episodes": episodes(2025, ("p2", "2024-06-01", None))})
    store.load(2025, {"episodes": episodes(2025, ("p2", "2024-06-01", None))})
    assert store.warnings() == pl_post_warnings(2024)


def test_reloading_a_year_replaces_its_warning_counts(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.duckdb")
    year_2024 = {"episodes": episodes(2024, ("p1", "2023-06-01", None))}
    store.load(2024, year_2024, pl_post_warnings(2024, count=2))
    store.load(2024, year_2024, [WarningCount(2024, "episodes", "DEC", "355", 1)])
    assert store.warnings() == [WarningCount(2024, "episodes", "DEC", "355", 1)]
    store.load(2024, year_2024)  # a load without warnings keeps none for the year
    assert store.warnings() == []


def test_warning_counts_for_another_year_are_refused_and_nothing_changes(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.duckdb")
    store.load(
        2024, {"episodes": episodes(2024, ("p1", "2023-06-01", None))}, pl_post_warnings(2024)
    )
    with pytest.raises(StoreShapeError):
        store.load(
            2025, {"episodes": episodes(2025, ("p2", "2024-06-01", None))}, pl_post_warnings(2024)
        )
    assert store.warnings() == pl_post_warnings(2024)
    assert store.years() == [2024]


def test_a_load_that_fails_part_way_keeps_the_previous_warning_counts(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.duckdb")
    store.load(
        2024, {"episodes": episodes(2024, ("p1", "2023-06-01", None))}, pl_post_warnings(2024)
    )
    good = episodes(2024, ("p2", "2024-06-01", None))
    broken = good.set_column(
        good.column_names.index("dec"), "dec", pa.array(["not a date"], pa.string())
    )
    with pytest.raises(duckdb.ConversionException):
        store.load(2024, {"episodes": broken}, [WarningCount(2024, "episodes", "DEC", "1", 9)])
    assert store.warnings() == pl_post_warnings(2024)


def test_a_store_written_before_warnings_were_kept_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    Store(path).load(2024, {"episodes": episodes(2024, ("p1", "2023-06-01", None))})
    with duckdb.connect(str(path)) as con:  # as an earlier careboard wrote it
        con.execute("DROP TABLE by_year.warnings")
    store = Store(path)
    assert store.warnings() == []
    store.load(
        2025, {"episodes": episodes(2025, ("p2", "2024-06-01", None))}, pl_post_warnings(2025)
    )
    assert store.warnings() == pl_post_warnings(2025)
    assert [r[0] for r in stored_rows(store)] == ["p1", "p2"]


def test_stored_warning_counts_hold_no_rows_or_values(tmp_path: Path) -> None:
    """Only (year, table, column, rule, count): never a line of the file or a cell's value."""
    findings = [
        Finding("392d", Severity.WARNING, "m", "episodes", 4711, "PL_POST", "C••••••", "e.csv"),
        Finding("392d", Severity.WARNING, "m", "episodes", 4712, "PL_POST", "C••••••", "e.csv"),
        Finding("232", Severity.WARNING, "m", "header", 4713, "SEX", "U", "header.csv"),
        Finding("146", Severity.ERROR, "m", "episodes", 4714, "PLACE", "U9", "e.csv"),
    ]
    store = Store(tmp_path / "store.duckdb")
    store.load(2025, {}, warning_counts(findings, 2025))
    with store.connect_readonly() as con:
        info = con.execute("SELECT name FROM pragma_table_info('by_year.warnings')")
        columns = [name for (name,) in info.fetchall()]
        cells = con.execute("SELECT * FROM by_year.warnings ORDER BY ALL").fetchall()
    assert columns == ["year", "table_name", "column_name", "rule_id", "count"]
    assert cells == [(2025, "episodes", "PL_POST", "392d", 2), (2025, "header", "SEX", "232", 1)]
    kept = {str(cell) for row in cells for cell in row}
    assert not kept & {"4711", "4712", "4713", "4714", "C••••••", "U", "U9", "e.csv", "m"}
