"""Cell clean-up shared by the CSV and XML readers, done column-wise in Arrow.

Every 903 column arrives as text: surrounding white space is removed, empty cells become
null and values are upper-cased (codes are case-insensitive, 903-schema.md 1.4), except
the identifiers CHILD and SW_ID whose case the LA chose. Nothing is typed here: Excel
damage such as `12345.0` or `2024-03-31` must reach the validator as written.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from careboard.analytics.ssda903.tables import ROW, TABLE_COLUMNS

KEEP_CASE = frozenset({"CHILD", "SW_ID"})


def raw_schema(table: str) -> pa.Schema:
    """The shape of a raw table: every 903 column as text, then the source line number."""
    fields: list[pa.Field] = [pa.field(column, pa.string()) for column in TABLE_COLUMNS[table]]
    fields.append(pa.field(ROW, pa.int32(), nullable=False))
    return pa.schema(fields)


def empty_raw_table(table: str) -> pa.Table:
    return raw_schema(table).empty_table()


def clean_column(column: str, values: pa.Array) -> pa.Array:
    """Strip, turn empty into null, and upper-case unless the column keeps its case."""
    stripped = pc.utf8_trim_whitespace(values)
    if column not in KEEP_CASE:
        stripped = pc.utf8_upper(stripped)
    is_empty = pc.equal(stripped, pa.scalar("", pa.string()))
    cleaned: pa.Array = pc.if_else(is_empty, pa.scalar(None, pa.string()), stripped)
    return cleaned


def clean_batch(table: str, batch: pa.RecordBatch, rows: pa.Array) -> pa.RecordBatch:
    """One batch in the raw shape: 903 columns in order (absent ones null), then `_row`."""
    arrays: list[pa.Array] = []
    for column in TABLE_COLUMNS[table]:
        index = batch.schema.get_field_index(column)
        if index < 0:
            arrays.append(pa.nulls(batch.num_rows, pa.string()))
        else:
            arrays.append(clean_column(column, batch.column(index)))
    arrays.append(rows)
    return pa.RecordBatch.from_arrays(arrays, schema=raw_schema(table))


def drop_blank_rows(table: str, data: pa.Table) -> tuple[pa.Table, pa.Array]:
    """Remove rows whose every 903 cell is empty (Excel leaves them at the end of sheets).

    Returns the kept table and the line numbers of the removed rows.
    """
    if data.num_rows == 0:
        return data, pa.array([], pa.int32())
    blank = pc.is_null(data.column(TABLE_COLUMNS[table][0]))
    for column in TABLE_COLUMNS[table][1:]:
        blank = pc.and_(blank, pc.is_null(data.column(column)))
    if not pc.any(blank).as_py():
        return data, pa.array([], pa.int32())  # the usual case: no copy
    return data.filter(pc.invert(blank)), data.column(ROW).filter(blank).combine_chunks()
