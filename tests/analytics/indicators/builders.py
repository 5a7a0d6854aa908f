"""A tiny language for writing 903 fixtures as examples: one call per row.

    tables(
        child("C1", dob="2012-06-01"),
        episode("C1", "2024-01-10", rne="S", ls="C2", place="U4"),
        year=2025,
    )

Dates are ISO strings. Each row belongs to the return for `year` unless given `year=`.
Columns not named are NULL, except for the defaults below that make a row valid.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from careboard.analytics.ssda903.stored import STORED_TABLES

Row = tuple[str, dict[str, Any]]

_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "DATE": pa.date32(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
}


def _row(table: str, **values: Any) -> Row:
    return table, values


def child(child: str, dob: str = "2012-06-01", *, sex: str = "F", year: int | None = None) -> Row:
    """A Header row."""
    return _row("header", child=child, dob=dob, sex=sex, ethnic="WBRI", year=year)


def episode(
    child: str,
    decom: str,
    *,
    rne: str = "S",
    ls: str = "C2",
    place: str = "U6",
    dec: str | None = None,
    rec: str | None = None,
    pl_location: str | None = "IN",
    pl_distance: float | None = 4.0,
    year: int | None = None,
) -> Row:
    """An Episodes row; open (DEC blank) unless `dec` and `rec` are given."""
    return _row(
        "episodes",
        child=child,
        decom=decom,
        rne=rne,
        ls=ls,
        cin="N1",
        place=place,
        place_provider="PR1",
        dec=dec,
        rec=rec,
        pl_location=pl_location,
        pl_distance=pl_distance,
        year=year,
    )


def uasc(child: str, *, dob: str = "2008-06-01", duc: str | None = None) -> Row:
    return _row("uasc", child=child, dob=dob, duc=duc)


def ad1(child: str, *, date_match: str, foster_care: int = 0, year: int | None = None) -> Row:
    return _row(
        "ad1",
        child=child,
        dob="2020-01-01",
        date_int=date_match,
        date_match=date_match,
        foster_care=foster_care,
        nb_adoptr=2,
        sex_adoptr="MF",
        ls_adoptr="L11",
        year=year,
    )


def missing(child: str, kind: str, start: str, end: str | None = None) -> Row:
    """A Missing row: kind M (missing) or A (away without authorisation)."""
    return _row(
        "missing", child=child, dob="2010-01-01", missing=kind, mis_start=start, mis_end=end
    )


def oc2(child: str, *, year: int | None = None, **items: Any) -> Row:
    """An OC2 row; name the items (health_assessment=1, sdq_score=12, ...)."""
    return _row("oc2", child=child, dob="2012-06-01", year=year, **items)


def oc3(
    child: str,
    dob: str,
    *,
    in_touch: str = "YES",
    activ: str = "F2",
    accom: str = "U1",
    year: int | None = None,
) -> Row:
    return _row("oc3", child=child, dob=dob, in_touch=in_touch, activ=activ, accom=accom, year=year)


def social_worker(child: str, sw_id: str, start: str, end: str | None = None) -> Row:
    """A SWEpisodes row."""
    return _row(
        "sw_episodes",
        child=child,
        dob="2012-06-01",
        sw_id=sw_id,
        sw_decom=start,
        sw_dec=end,
        sw_reason="MANAGE",
    )


def _value(kind: str, value: Any) -> Any:
    if kind == "DATE" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def tables(*rows: Row, year: int) -> dict[str, pa.Table]:
    """Every stored table as an Arrow table (empty where no row names it)."""
    result: dict[str, pa.Table] = {}
    for name, columns in STORED_TABLES.items():
        mine = [values for table, values in rows if table == name]
        unknown = {key for values in mine for key in values} - set(columns)
        assert not unknown, f"{name} has no column(s) {unknown}"
        data = {
            column: pa.array(
                [
                    _value(kind, values.get(column))
                    if column != "year"
                    else values.get("year") or year
                    for values in mine
                ],
                type=_ARROW_TYPES[kind],
            )
            for column, kind in columns.items()
        }
        result[name] = pa.table(data)
    return result


def as_memtables(arrow: dict[str, pa.Table], names: Collection[str]) -> dict[str, ir.Table]:
    return {name: ibis.memtable(arrow[name]) for name in names}


def as_spark_views(
    session: Any, arrow: dict[str, pa.Table], names: Collection[str]
) -> dict[str, ir.Table]:
    """Temporary views straight from Arrow (an Ibis memtable would go through pandas,
    where a missing string becomes "nan")."""
    suffix = uuid.uuid4().hex[:12]
    connection = ibis.pyspark.connect(session)
    for name in names:
        session.createDataFrame(arrow[name]).createOrReplaceTempView(f"{name}_{suffix}")
    return {name: connection.table(f"{name}_{suffix}") for name in names}
