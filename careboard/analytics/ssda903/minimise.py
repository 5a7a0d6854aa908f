"""Minimisation: a RawReturn becomes the stored shape (`stored.STORED_TABLES`), in DuckDB SQL.

What happens to each field and why is in docs/903-minimisation.md. In short:

* CHILD and SW_ID -> keyed HMAC-SHA256 pseudonyms (`pseudonym`): stable across years for
  one key, useless without it. The message is `child:<CHILD>` or `sw:<SW_ID>`, so a child
  and a member of staff with the same ID do not get the same pseudonym.
* UPN -> `upn_known`; MOTHER and MC_DOB -> `is_mother`; DOB -> the first of its month.
* HOME_POST, PL_POST -> `pl_location`, `pl_distance` (see `postcodes`); URN dropped.
* SEX 1/2 (to 2023-24) -> M/F, the coding used from 2024-25.
* Dates are read strictly as DD/MM/YYYY; anything else (31/02/2024, 2024-03-31, 1/4/24)
  becomes null. The validator reports such cells; minimisation does not.

Everything runs as one SQL statement per table over the Arrow tables, with no Python loop
over rows. The key never enters SQL text: its HMAC pads sit in a one-row table.
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

import duckdb
import pyarrow as pa

from careboard.analytics.ssda903.postcodes import placement_fields
from careboard.analytics.ssda903.reader import RawReturn
from careboard.analytics.ssda903.stored import STORED_TABLES
from careboard.analytics.ssda903.tables import ROW

MIN_KEY_BYTES = 16
UPN_UNKNOWN = ("UN1", "UN2", "UN3", "UN4", "UN5")
_BLOCK = 64  # SHA-256 block size in bytes


class PseudonymKeyError(ValueError):
    """The key is missing or too short to keep CHILD values from being guessed."""


def check_key(key: bytes) -> bytes:
    if len(key) < MIN_KEY_BYTES:
        raise PseudonymKeyError(
            f"the pseudonym key must be at least {MIN_KEY_BYTES} bytes (it is {len(key)})"
        )
    return key


def pseudonym(key: bytes, kind: str, value: str) -> str:
    """The reference pseudonym (hex HMAC-SHA256 of `kind:value`); SQL must agree with it."""
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def _hmac_pads(key: bytes) -> pa.Table:
    """RFC 2104 inner and outer pads, so SQL can compute HMAC with two sha256 calls."""
    if len(key) > _BLOCK:
        key = hashlib.sha256(key).digest()
    key = key.ljust(_BLOCK, b"\x00")
    return pa.table(
        {
            "ipad": pa.array([bytes(b ^ 0x36 for b in key)], pa.binary()),
            "opad": pa.array([bytes(b ^ 0x5C for b in key)], pa.binary()),
        }
    )


_MACROS = [
    """CREATE TEMP MACRO pseudonym(kind, value) AS CASE WHEN value IS NULL THEN NULL ELSE
       sha256((SELECT opad FROM hmac_pads)
              || unhex(sha256((SELECT ipad FROM hmac_pads) || encode(kind || ':' || value))))
       END""",
    """CREATE TEMP MACRO strict_date(value) AS
       CASE WHEN regexp_full_match(value, '[0-9]{2}/[0-9]{2}/[0-9]{4}')
            THEN CAST(try_strptime(value, '%d/%m/%Y') AS DATE) END""",
    """CREATE TEMP MACRO strict_int(value) AS
       CASE WHEN regexp_full_match(value, '[0-9]{1,9}') THEN CAST(value AS INTEGER) END""",
]


def _expression(table: str, column: str, sql_type: str) -> str:
    """SQL for one stored column, from the raw columns (upper-case names) of `table`."""
    special = {
        "child": "child_ids.pseudonym",
        "sw_id": "sw_ids.pseudonym",
        "dob": "date_trunc('month', strict_date(raw.DOB))",
        "sex": "CASE raw.SEX WHEN '1' THEN 'M' WHEN '2' THEN 'F' ELSE raw.SEX END",
        "is_mother": (
            "CASE WHEN raw.MOTHER = '1' OR raw.MC_DOB IS NOT NULL THEN true "
            "WHEN raw.MOTHER = '0' THEN false END"
        ),
        "upn_known": f"raw.UPN IS NOT NULL AND raw.UPN NOT IN {UPN_UNKNOWN!r}",
        "pl_location": "derived.pl_location",
        "pl_distance": "derived.pl_distance",
        "year": "$year",
    }
    if column in special:
        expression = special[column]
    elif sql_type == "DATE":
        expression = f"strict_date(raw.{column.upper()})"
    elif sql_type == "INTEGER":
        expression = f"strict_int(raw.{column.upper()})"
    else:
        expression = f"raw.{column.upper()}"
    return f"CAST({expression} AS {sql_type}) AS {column}"


def minimise(
    raw: RawReturn,
    *,
    key: bytes,
    postcodes: Path | str | None = None,
    la: str | None = None,
) -> dict[str, pa.Table]:
    """The minimised tables of one return, one per `STORED_TABLES` entry, in that shape."""
    check_key(key)
    episodes = raw.table("episodes")
    derived = placement_fields(
        episodes, uasc_children=raw.table("uasc").column("CHILD"), postcodes=postcodes, la=la
    )
    minimised: dict[str, pa.Table] = {}
    with duckdb.connect() as con:
        con.register("hmac_pads", _hmac_pads(key))
        for macro in _MACROS:
            con.execute(macro)
        con.register("derived", derived)
        for table in STORED_TABLES:
            con.register(f"raw_{table}", raw.table(table))
        _pseudonym_table(con, "child_ids", "child", "CHILD", list(STORED_TABLES))
        _pseudonym_table(con, "sw_ids", "sw", "SW_ID", ["sw_episodes"])
        for table, columns in STORED_TABLES.items():
            select = ",\n".join(_expression(table, c, t) for c, t in columns.items())
            joins = ["LEFT JOIN child_ids ON child_ids.id = raw.CHILD"]
            if table == "episodes":
                joins.append(f"LEFT JOIN derived ON derived.{ROW} = raw.{ROW}")
            if table == "sw_episodes":
                joins.append("LEFT JOIN sw_ids ON sw_ids.id = raw.SW_ID")
            query = (
                f"SELECT {select} FROM raw_{table} AS raw {' '.join(joins)} "  # noqa: S608
                f"ORDER BY raw.{ROW}"
            )
            minimised[table] = con.sql(query, params={"year": raw.year}).to_arrow_table()
    return minimised


def _pseudonym_table(
    con: duckdb.DuckDBPyConnection, name: str, kind: str, column: str, tables: list[str]
) -> None:
    """Hash each distinct ID once (a child appears in many rows and tables), then join."""
    ids = " UNION ALL ".join(f"SELECT {column} AS id FROM raw_{t}" for t in tables)  # noqa: S608
    con.execute(
        f"CREATE TEMP TABLE {name} AS SELECT id, pseudonym('{kind}', id) AS pseudonym "  # noqa: S608
        f"FROM (SELECT DISTINCT id FROM ({ids}) WHERE id IS NOT NULL)"
    )
