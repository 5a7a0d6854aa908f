"""The analytics store: one DuckDB file per installation holding the minimised 903 tables.

Layout inside the file:

* `by_year.<table>` - each collection year's minimised rows exactly as loaded;
* `main.<table>` (the `STORED_TABLES` names) - the de-duplicated history the indicators
  read: per `HISTORY_KEYS` key, the rows of the latest year holding that key;
* `by_year.loads` - row counts per year and table;
* `by_year.warnings` - each year's validation warnings counted by table, column and rule
  (`findings.WarningCount`): aggregate counts only, no rows, row numbers or values.

`load` never writes into the live file. It builds a complete new file beside it (copying the
other years from the live one), checkpoints and fsyncs it, and renames it over the live file
with `os.replace`, which POSIX makes atomic: a reader, or a restart after a crash, sees the
old store or the new one, never a mixture. Loads are serialised with a lock file; the
half-written files of a killed load are removed by the next one.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from careboard.analytics.ssda903.findings import WarningCount
from careboard.analytics.ssda903.stored import HISTORY_KEYS, STORED_TABLES

PARTIAL_MARK = ".importing-"
WARNINGS_TABLE = "by_year.warnings"
WARNINGS_COLUMNS = (
    "year INTEGER, table_name VARCHAR, column_name VARCHAR, rule_id VARCHAR, count BIGINT"
)


class StoreShapeError(ValueError):
    """Tables given to `load` do not have the STORED_TABLES shape (a bug in the caller)."""


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class Store:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    # reading ------------------------------------------------------------------------------
    def connect_readonly(self) -> duckdb.DuckDBPyConnection:
        """A connection where the history tables appear under their STORED_TABLES names.

        The file is attached read-only to a fresh in-memory database, so each connection
        sees the store as it was when it was opened, even if a load replaces it meanwhile.
        """
        self._ensure_exists()
        con = duckdb.connect()
        con.execute(f"ATTACH {_literal(str(self.path))} AS store (READ_ONLY)")
        con.execute("USE store")
        return con

    @property
    def plans_dir(self) -> Path:
        """Where the indicator engine keeps its compiled plans for this store (no data)."""
        return self.path.with_name(self.path.name + ".plans")

    def ibis(self) -> Any:
        """The same, as an Ibis DuckDB backend (for indicator expressions)."""
        import ibis

        return ibis.duckdb.from_connection(self.connect_readonly())

    def years(self) -> list[int]:
        if not self.path.exists():
            return []
        with self.connect_readonly() as con:
            rows = con.execute("SELECT DISTINCT year FROM by_year.loads ORDER BY year")
            return [int(year) for (year,) in rows.fetchall()]

    def warnings(self, years: Iterable[int] | None = None) -> list[WarningCount]:
        """The validation warnings kept for `years` (default: every year), by year, table,
        column and rule. A store written before warnings were kept has none."""
        if not self.path.exists():
            return []
        with self.connect_readonly() as con:
            return read_warnings(con, years)

    # writing ------------------------------------------------------------------------------
    def load(
        self,
        year: int,
        tables: Mapping[str, pa.Table],
        warnings: Sequence[WarningCount] | None = None,
    ) -> dict[str, int]:
        """Replace `year`'s data with `tables` and rebuild the history, atomically.

        `tables` maps STORED_TABLES names to Arrow tables of exactly that shape; a table not
        given has no rows that year. `warnings` is the year's validation warnings, counted
        (`findings.warning_counts`); they replace the year's counts in the same rebuild, and
        a load without them keeps none for the year. Returns the number of rows loaded per
        table.
        """
        _check_shape(year, tables)
        kept = list(warnings or ())
        _check_warnings(year, kept)
        with self._lock():
            counts = self._rebuild(year, tables, kept)
        return counts

    def _ensure_exists(self) -> None:
        if self.path.exists():
            return
        with self._lock():
            if not self.path.exists():
                self._rebuild(None, {}, [])

    @contextmanager
    def _lock(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(self.path.name + ".lock")
        with lock_path.open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                self._remove_partial_files()
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _remove_partial_files(self) -> None:
        """Left-overs of loads that were killed; only called while holding the lock."""
        for leftover in self.path.parent.glob(self.path.name + PARTIAL_MARK + "*"):
            leftover.unlink(missing_ok=True)

    def _rebuild(
        self, year: int | None, tables: Mapping[str, pa.Table], warnings: list[WarningCount]
    ) -> dict[str, int]:
        partial = self.path.with_name(f"{self.path.name}{PARTIAL_MARK}{os.getpid()}")
        try:
            counts = self._write_partial(partial, year, tables, warnings)
            _fsync(partial)
            os.replace(partial, self.path)
        except BaseException:
            for leftover in (partial, partial.with_name(partial.name + ".wal")):
                leftover.unlink(missing_ok=True)
            raise
        _fsync(self.path.parent)
        return counts

    def _write_partial(
        self,
        partial: Path,
        year: int | None,
        tables: Mapping[str, pa.Table],
        warnings: list[WarningCount],
    ) -> dict[str, int]:
        counts: dict[str, int] = {}
        con = duckdb.connect(str(partial))
        try:
            has_live = self.path.exists()
            if has_live:
                con.execute(f"ATTACH {_literal(str(self.path))} AS live (READ_ONLY)")
            con.execute("CREATE SCHEMA by_year")
            con.execute(
                "CREATE TABLE by_year.loads (year INTEGER, table_name VARCHAR, rows BIGINT)"
            )
            for name, columns in STORED_TABLES.items():
                counts[name] = self._rebuild_table(con, name, columns, year, tables, has_live)
            _rebuild_warnings(con, year, warnings, has_live)
            if has_live:
                con.execute("DETACH live")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        return counts

    def _rebuild_table(
        self,
        con: duckdb.DuckDBPyConnection,
        name: str,
        columns: dict[str, str],
        year: int | None,
        tables: Mapping[str, pa.Table],
        has_live: bool,
    ) -> int:
        table = _quoted(name)
        definition = ", ".join(f"{_quoted(c)} {t}" for c, t in columns.items())
        column_list = ", ".join(_quoted(c) for c in columns)
        keys = ", ".join(_quoted(k) for k in HISTORY_KEYS[name])
        con.execute(f"CREATE TABLE by_year.{table} ({definition})")
        if has_live:
            con.execute(
                f"INSERT INTO by_year.{table} SELECT {column_list} "  # noqa: S608
                f"FROM live.by_year.{table} WHERE year IS DISTINCT FROM ?",
                [year],
            )
        loaded = 0
        incoming = tables.get(name)
        if year is not None and incoming is not None and incoming.num_rows:
            con.register("incoming", incoming)
            casts = ", ".join(f"CAST({_quoted(c)} AS {t})" for c, t in columns.items())
            con.execute(f"INSERT INTO by_year.{table} SELECT {casts} FROM incoming")  # noqa: S608
            con.unregister("incoming")
            loaded = incoming.num_rows
        con.execute(
            f"""CREATE TABLE main.{table} AS
                SELECT {column_list} FROM by_year.{table}
                QUALIFY year = max(year) OVER (PARTITION BY {keys})"""  # noqa: S608
        )
        con.execute(
            f"""INSERT INTO by_year.loads
                SELECT year, {_literal(name)}, count(*) FROM by_year.{table}
                GROUP BY year"""  # noqa: S608
        )
        return loaded


def read_warnings(
    con: duckdb.DuckDBPyConnection, years: Iterable[int] | None = None
) -> list[WarningCount]:
    """`Store.warnings` on a connection from `connect_readonly` (the same snapshot of the
    store as the one the indicators are computed on)."""
    if not _has_warnings_table(con, "store"):
        return []
    wanted = None if years is None else set(years)
    rows = con.execute(
        f"""SELECT year, table_name, column_name, rule_id, count FROM {WARNINGS_TABLE}
            ORDER BY year, table_name NULLS FIRST, column_name NULLS FIRST, rule_id"""  # noqa: S608
    ).fetchall()
    return [
        WarningCount(int(year), table, column, rule_id, int(count))
        for year, table, column, rule_id, count in rows
        if wanted is None or year in wanted
    ]


def _has_warnings_table(con: duckdb.DuckDBPyConnection, database: str) -> bool:
    found = con.execute(
        """SELECT count(*) FROM duckdb_tables()
           WHERE database_name = ? AND schema_name = 'by_year' AND table_name = 'warnings'""",
        [database],
    ).fetchone()
    return bool(found and found[0])


def _rebuild_warnings(
    con: duckdb.DuckDBPyConnection, year: int | None, warnings: list[WarningCount], has_live: bool
) -> None:
    """The other years' warning counts from the live file (if it has them), then `year`'s."""
    con.execute(f"CREATE TABLE {WARNINGS_TABLE} ({WARNINGS_COLUMNS})")
    if has_live and _has_warnings_table(con, "live"):
        con.execute(
            f"""INSERT INTO {WARNINGS_TABLE}
                SELECT year, table_name, column_name, rule_id, count
                FROM live.{WARNINGS_TABLE} WHERE year IS DISTINCT FROM ?""",  # noqa: S608
            [year],
        )
    if warnings:
        con.executemany(
            f"INSERT INTO {WARNINGS_TABLE} VALUES (?, ?, ?, ?, ?)",  # noqa: S608
            [(w.year, w.table, w.column, w.rule_id, w.count) for w in warnings],
        )


def _check_warnings(year: int, warnings: list[WarningCount]) -> None:
    for warning in warnings:
        if not isinstance(warning, WarningCount):
            raise StoreShapeError(f"warnings must be WarningCount rows, not {type(warning)}")
        if warning.year != year:
            raise StoreShapeError(f"a warning count for {warning.year}, not {year}")
        if warning.count < 1:
            raise StoreShapeError(f"a warning count of {warning.count}")


def _check_shape(year: int, tables: Mapping[str, pa.Table]) -> None:
    unknown = set(tables) - set(STORED_TABLES)
    if unknown:
        raise StoreShapeError(f"not stored tables: {', '.join(sorted(unknown))}")
    for name, table in tables.items():
        expected = list(STORED_TABLES[name])
        if table.column_names != expected:
            raise StoreShapeError(f"{name} has columns {table.column_names}, not {expected}")
        years = set(table.column("year").unique().to_pylist())
        if years - {year}:
            raise StoreShapeError(
                f"{name} holds rows for years {sorted(years, key=str)}, not {year}"
            )


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
