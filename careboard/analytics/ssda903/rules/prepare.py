"""Load a return's Arrow tables into one in-memory DuckDB connection, ready for the rules.

For every 903 table `t` (present or not) the connection holds a table `t` with the raw text
columns, `_row`, and for each date column `X` a parsed `X_D` (DATE; NULL when blank or not
a real DD/MM/YYYY date). Absent tables are empty, so rules that merely consult them still
run. Last year's tables, when given, are loaded the same way as `prev_t`.

`episodes_chain` holds each child's episodes in DECOM order with the neighbouring episodes'
values (LAG/LEAD), the position in the chain, the period-of-care number and the child's
Header DOB (`dob`), computed once for all chain and age rules; episodes without a CHILD or
a real DECOM are left out (rules 141 and CB-ID-01 report them). `header_dob` gives each
Header child's first DOB.

SQL macros: `d903(text)` parses a 903 date, `age_at(dob, day)` gives whole years of age by
calendar arithmetic (a 29 February birthday is reached on 1 March in other years).
"""

from __future__ import annotations

from collections.abc import Mapping

import duckdb
import pyarrow as pa

from careboard.analytics.ssda903.tables import ROW, TABLE_COLUMNS

DATE_COLUMNS: dict[str, tuple[str, ...]] = {
    "header": ("DOB", "MC_DOB"),
    "episodes": ("DECOM", "DEC"),
    "uasc": ("DOB", "DUC"),
    "ad1": ("DOB", "DATE_INT", "DATE_MATCH"),
    "placed_adoption": ("DOB", "DATE_PLACED", "DATE_PLACED_CEASED"),
    "prev_perm": ("DOB",),  # DATE_PERM may be partial (zz/05/2020): kept as text
    "missing": ("DOB", "MIS_START", "MIS_END"),
    "reviews": ("DOB", "REVIEW"),
    "oc2": ("DOB",),
    "oc3": ("DOB",),
    "sw_episodes": ("DOB", "SW_DECOM", "SW_DEC"),
}

DATE_PATTERN = "[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}"

_MACROS = (
    f"""CREATE MACRO d903(s) AS CASE WHEN regexp_full_match(s, '{DATE_PATTERN}')
        THEN CAST(try_strptime(s, '%d/%m/%Y') AS DATE) END""",
    """CREATE MACRO age_at(dob, d) AS date_diff('year', dob, d)
        - CASE WHEN month(d) * 100 + day(d) < month(dob) * 100 + day(dob) THEN 1 ELSE 0 END""",
)

_CHAIN = """
CREATE TABLE episodes_chain AS
SELECT e.*,
    row_number() OVER w AS seq,
    count(*) OVER (PARTITION BY CHILD) AS n_eps,
    lag(DECOM_D) OVER w AS prev_decom, lag(DEC_D) OVER w AS prev_dec,
    lag(REC) OVER w AS prev_rec, lag(LS) OVER w AS prev_ls, lag(CIN) OVER w AS prev_cin,
    lag(PLACE) OVER w AS prev_place, lag(PLACE_PROVIDER) OVER w AS prev_provider,
    lag(URN) OVER w AS prev_urn, lag(PL_POST) OVER w AS prev_pl_post,
    lag(_row) OVER w AS prev_row,
    lead(DECOM_D) OVER w AS next_decom, lead(RNE) OVER w AS next_rne,
    lead(PLACE) OVER w AS next_place,
    sum(CASE WHEN RNE = 'S' THEN 1 ELSE 0 END) OVER (w ROWS UNBOUNDED PRECEDING) AS poc,
    h.dob
FROM episodes e LEFT JOIN header_dob h USING (CHILD)
WHERE CHILD IS NOT NULL AND DECOM_D IS NOT NULL
WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM_D, _row)
"""

_HEADER_DOB = """
CREATE TABLE header_dob AS
SELECT CHILD, arg_min(DOB_D, _row) AS dob, arg_min(DOB, _row) AS dob_text
FROM header WHERE CHILD IS NOT NULL GROUP BY CHILD
"""


def _typed(name: str, table: pa.Table | None) -> pa.Table:
    """The table with exactly the 903 columns (text) and `_row`, whatever arrived."""
    columns = TABLE_COLUMNS[name]
    length = 0 if table is None else table.num_rows
    arrays: list[pa.Array | pa.ChunkedArray] = []
    for column in columns:
        if table is not None and column in table.column_names:
            arrays.append(table.column(column).cast(pa.string()))
        else:
            arrays.append(pa.nulls(length, pa.string()))
    if table is not None and ROW in table.column_names:
        arrays.append(table.column(ROW).cast(pa.int64()))
    else:
        arrays.append(pa.array(range(2, length + 2), pa.int64()))
    return pa.Table.from_arrays(arrays, names=[*columns, ROW])


def _load_sql(
    con: duckdb.DuckDBPyConnection, name: str, target: str, table: pa.Table | None
) -> str:
    """The statement that creates `target` typed; registers the Arrow data if there is any."""
    parsed = "".join(f", d903({c}) AS {c}_D" for c in DATE_COLUMNS[name])
    if table is None:  # an empty table of the right shape, without touching Arrow
        columns = ", ".join(
            [f"{c} VARCHAR" for c in TABLE_COLUMNS[name]]
            + [f"{ROW} BIGINT"]
            + [f"{c}_D DATE" for c in DATE_COLUMNS[name]]
        )
        return f"CREATE TABLE {target} ({columns});"
    arrow_name = f"arrow_{target}"
    con.register(arrow_name, _typed(name, table))
    return f"CREATE TABLE {target} AS SELECT *{parsed} FROM {arrow_name};"  # noqa: S608


def prepare(
    tables: Mapping[str, pa.Table],
    previous: Mapping[str, pa.Table] | None = None,
    threads: int | None = None,
) -> duckdb.DuckDBPyConnection:
    """A fresh in-memory DuckDB connection holding this return (and last year's)."""
    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar = false")  # nothing drawn on the user's terminal
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    statements = [f"{macro};" for macro in _MACROS]
    for name in TABLE_COLUMNS:
        statements.append(_load_sql(con, name, name, tables.get(name)))
        statements.append(_load_sql(con, name, f"prev_{name}", (previous or {}).get(name)))
    statements += [f"{_HEADER_DOB};", f"{_CHAIN};"]
    con.execute("\n".join(statements))
    for name in TABLE_COLUMNS:
        if name in tables:
            con.unregister(f"arrow_{name}")
        if name in (previous or {}):
            con.unregister(f"arrow_prev_{name}")
    return con
