"""Placement location and distance from postcodes (903-schema.md 4.7), before they are dropped.

The lookup is a CSV shaped like the ONS Postcode Directory (ONSPD). Columns read, by name,
case-insensitive, any others ignored:

* `pcd` - the postcode (spaces and case do not matter: `AB1  2CD`, `ab12cd` match);
* `oseast1m`, `osnrth1m` - OS grid easting and northing in metres (blank when unknown);
* the upper-tier local authority: a `utla` column if there is one; otherwise ONSPD's
  county (`oscty`, or `cty`) where it is a real county, else the district (`oslaua`, or
  `laua`). ONSPD marks "no county" with a code ending 99999999.

PL_LOCATION is IN when the placement postcode's upper-tier LA is the responsible LA (`la`,
an ONS code such as E08000015), OUT when it is another, null when either is unknown.
PL_DISTANCE is the straight line between HOME_POST and PL_POST in miles, 1 dp, with DfE's
formula sqrt(dE^2 + dN^2) / 1000 / 1.6093; null when either postcode is unknown or has no
grid reference, and for UASC children, who are exempt from postcodes (392a/b). DfE's 999.9
"not known" is not used: null says the same without polluting averages.

The lookup is joined in DuckDB straight from the CSV, so a full ONSPD (2.7 million rows) is
streamed and never held in Python.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pyarrow as pa

from careboard.analytics.ssda903.tables import ROW

MILES_PER_KM = 1.6093
DERIVED_FIELDS: list[pa.Field] = [
    pa.field(ROW, pa.int32(), nullable=False),
    pa.field("pl_location", pa.string()),
    pa.field("pl_distance", pa.float64()),
]
DERIVED_SCHEMA = pa.schema(DERIVED_FIELDS)


class PostcodeDirectoryError(ValueError):
    """The lookup file cannot be used (missing, or without the columns it needs)."""


def directory_columns(path: Path) -> dict[str, str]:
    """Map the roles pcd/east/north/utla (and county/district) to the file's column names."""
    try:
        with path.open(newline="", encoding="utf-8-sig", errors="replace") as stream:
            header = next(csv.reader(stream), [])
    except OSError as problem:
        raise PostcodeDirectoryError(
            f"cannot read the postcode directory {path}: {problem}"
        ) from problem
    by_lower = {name.strip().lower(): name for name in header}
    roles: dict[str, str] = {}
    for role, candidates in {
        "pcd": ("pcd", "pcds", "pcd2", "postcode"),
        "east": ("oseast1m",),
        "north": ("osnrth1m",),
        "utla": ("utla",),
        "county": ("oscty", "cty"),
        "district": ("oslaua", "laua"),
    }.items():
        found = next((by_lower[c] for c in candidates if c in by_lower), None)
        if found is not None:
            roles[role] = found
    expected = {"pcd": "pcd", "east": "oseast1m", "north": "osnrth1m"}
    missing = [name for role, name in expected.items() if role not in roles]
    if "utla" not in roles and "district" not in roles:
        missing.append("utla (or oslaua/laua)")
    if missing:
        raise PostcodeDirectoryError(
            f"the postcode directory {path.name} lacks column(s): {', '.join(missing)}"
        )
    return roles


def placement_fields(
    episodes: pa.Table,
    *,
    uasc_children: pa.Array | pa.ChunkedArray | None = None,
    postcodes: Path | str | None = None,
    la: str | None = None,
) -> pa.Table:
    """PL_LOCATION and PL_DISTANCE for each raw episode row, keyed by `_row`.

    `episodes` is a raw Episodes table (CHILD, HOME_POST, PL_POST, `_row`). The result has
    one row per episode, in the same order: `_row`, `pl_location`, `pl_distance`.
    """
    rows = episodes.select([ROW])
    if postcodes is None or episodes.num_rows == 0:
        return pa.table(
            {
                ROW: rows.column(ROW),
                "pl_location": pa.nulls(episodes.num_rows, pa.string()),
                "pl_distance": pa.nulls(episodes.num_rows, pa.float64()),
            },
            schema=DERIVED_SCHEMA,
        )
    path = Path(postcodes)
    roles = directory_columns(path)
    if "utla" in roles:
        utla = _quoted(roles["utla"])
    elif "county" in roles:
        county, district = _quoted(roles["county"]), _quoted(roles["district"])
        utla = (
            f"CASE WHEN nullif(trim({county}), '') IS NULL OR {county} LIKE '%99999999' "
            f"THEN {district} ELSE {county} END"
        )
    else:
        utla = _quoted(roles["district"])
    uasc = pa.table(
        {"child": uasc_children if uasc_children is not None else pa.array([], pa.string())}
    )
    places = episodes.select(["CHILD", "HOME_POST", "PL_POST", ROW])
    with duckdb.connect() as con:
        con.register("places", places)
        con.register("uasc", uasc)
        # Identifiers are quoted by _quoted; values go in as parameters.
        result: pa.Table = con.sql(
            f"""
            WITH directory AS (
                SELECT upper(replace({_quoted(roles["pcd"])}, ' ', '')) AS postcode,
                       try_cast({_quoted(roles["east"])} AS DOUBLE) AS east,
                       try_cast({_quoted(roles["north"])} AS DOUBLE) AS north,
                       nullif(trim({utla}), '') AS utla
                FROM read_csv(?, all_varchar = true, header = true)
            ),
            wanted AS (
                SELECT DISTINCT postcode FROM (
                    SELECT upper(replace(HOME_POST, ' ', '')) AS postcode FROM places
                    UNION ALL
                    SELECT upper(replace(PL_POST, ' ', '')) FROM places
                ) WHERE postcode IS NOT NULL
            ),
            found AS (
                SELECT d.* FROM directory d SEMI JOIN wanted w ON d.postcode = w.postcode
                QUALIFY row_number() OVER (PARTITION BY d.postcode) = 1
            )
            SELECT p.{ROW} AS {ROW},
                   CASE WHEN placed.utla IS NULL OR ?::VARCHAR IS NULL THEN NULL
                        WHEN placed.utla = ? THEN 'IN' ELSE 'OUT' END AS pl_location,
                   CASE WHEN p.CHILD IN (SELECT child FROM uasc WHERE child IS NOT NULL)
                        THEN NULL
                        ELSE round(sqrt((home.east - placed.east) ** 2
                                        + (home.north - placed.north) ** 2)
                                   / 1000 / {MILES_PER_KM}, 1)
                   END AS pl_distance
            FROM places p
            LEFT JOIN found home ON home.postcode = upper(replace(p.HOME_POST, ' ', ''))
            LEFT JOIN found placed ON placed.postcode = upper(replace(p.PL_POST, ' ', ''))
            ORDER BY p.{ROW}
            """,  # noqa: S608
            params=[str(path), la, la.strip().upper() if la else None],
        ).to_arrow_table()
    return pa.table({c: result.column(c) for c in DERIVED_SCHEMA.names}, schema=DERIVED_SCHEMA)


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
