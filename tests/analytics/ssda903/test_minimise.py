"""Minimisation (903-schema.md 5.3, security.md): the stored shape, and nothing more."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from pathlib import Path

import pyarrow as pa
import pytest

from careboard.analytics.ssda903.minimise import PseudonymKeyError, minimise, pseudonym
from careboard.analytics.ssda903.reader import RawReturn, read_return
from careboard.analytics.ssda903.stored import STORED_TABLES

KEY = b"test-key-0123456789abcdef"
DUCKDB_TO_ARROW = {
    "VARCHAR": pa.string(),
    "DATE": pa.date32(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
}

FILES = {
    "header.csv": (
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
        "KID01,1,15/06/2010,WBRI,UN1,,\n"
        "KID02,2,31/01/2007,BAFR,A123456789012,1,01/03/2024\n"
        "KID03,2,31/02/2009,WBRI,,0,\n"
    ),
    "episodes.csv": (
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,"
        "HOME_POST,PL_POST,URN\n"
        "KID01,01/04/2024,S,C2,N1,U6,PR1,,,,CH41 1AA,CH62 2BB,SC123456\n"
        "KID02,2024-05-01,S,V2,N4,K2,PR4,1/6/24,E8,,CH41 1AA,ME14 1XX,\n"
    ),
    "oc2.csv": (
        "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,"
        "HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n"
        "KID01,15/06/2010,17,,0,,1,1,1,0,,\n"
        "KID02,31/01/2007,1.0,SDQ4,x,,1,0,1,1,1,0\n"
    ),
    "sw.csv": (
        "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n"
        "KID01,15/06/2010,SW123,01/04/2024,01/05/2024,MANAGE\n"
        "KID02,31/01/2007,SW123,01/04/2024,,MANAGE\n"
        "KID01,15/06/2010,SW456,01/05/2024,,LEFTRL\n"
    ),
}
ONSPD = (
    "pcd,oseast1m,osnrth1m,oscty,oslaua\n"
    "CH41 1AA,330000,390000,E99999999,E08000015\n"
    "CH62 2BB,333000,394000,E99999999,E08000015\n"
    "ME14 1XX,576000,156000,E10000016,E07000110\n"
)


@pytest.fixture
def raw(tmp_path: Path) -> RawReturn:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text)
    read = read_return(tmp_path, 2025)
    assert read.findings == []
    return read


@pytest.fixture
def minimised(raw: RawReturn, tmp_path: Path) -> dict[str, pa.Table]:
    (tmp_path / "lookup.csv.txt").write_text(ONSPD)
    return minimise(raw, key=KEY, postcodes=tmp_path / "lookup.csv.txt", la="E08000015")


def test_every_stored_table_has_exactly_the_stored_columns_and_types(
    minimised: dict[str, pa.Table],
) -> None:
    assert list(minimised) == list(STORED_TABLES)
    for name, columns in STORED_TABLES.items():
        schema = minimised[name].schema
        assert schema.names == list(columns), name
        assert schema.types == [DUCKDB_TO_ARROW[t] for t in columns.values()], name


def test_child_becomes_the_keyed_hmac_of_its_id(minimised: dict[str, pa.Table]) -> None:
    expected = hmac.new(KEY, b"child:KID01", hashlib.sha256).hexdigest()
    assert minimised["header"].column("child").to_pylist()[0] == expected
    assert minimised["episodes"].column("child").to_pylist()[0] == expected
    assert pseudonym(KEY, "child", "KID01") == expected


def test_a_different_key_gives_different_pseudonyms(raw: RawReturn) -> None:
    one = minimise(raw, key=KEY)["header"].column("child")
    other = minimise(raw, key=b"another-key-0123456789")["header"].column("child")
    assert set(one.to_pylist()).isdisjoint(other.to_pylist())


def test_social_worker_id_is_pseudonymised_apart_from_children(
    minimised: dict[str, pa.Table],
) -> None:
    rows = minimised["sw_episodes"].to_pylist()
    # One row each, in file order, however many children share a worker.
    assert [r["sw_id"] for r in rows] == [
        pseudonym(KEY, "sw", "SW123"),
        pseudonym(KEY, "sw", "SW123"),
        pseudonym(KEY, "sw", "SW456"),
    ]
    assert rows[0]["sw_id"] != pseudonym(KEY, "child", "SW123")


def test_each_raw_row_gives_exactly_one_stored_row(
    raw: RawReturn, minimised: dict[str, pa.Table]
) -> None:
    for name in STORED_TABLES:
        assert minimised[name].num_rows == raw.table(name).num_rows, name


def test_header_is_minimised(minimised: dict[str, pa.Table]) -> None:
    rows = minimised["header"].to_pylist()
    assert [(r["sex"], r["dob"], r["is_mother"], r["upn_known"], r["year"]) for r in rows] == [
        ("M", dt.date(2010, 6, 1), None, False, 2025),  # SEX 1 -> M; UN1 is no UPN
        ("F", dt.date(2007, 1, 1), True, True, 2025),  # DOB to first of month
        ("F", None, False, False, 2025),  # 31/02/2009 is no date
    ]


def test_postcodes_and_urn_are_replaced_by_location_and_distance(
    minimised: dict[str, pa.Table],
) -> None:
    episodes = minimised["episodes"]
    assert not {"home_post", "pl_post", "urn"} & set(episodes.column_names)
    assert episodes.column("pl_location").to_pylist() == ["IN", "OUT"]
    assert episodes.column("pl_distance").to_pylist()[0] == 3.1


def test_dates_are_strictly_dd_mm_yyyy(minimised: dict[str, pa.Table]) -> None:
    episodes = minimised["episodes"]
    assert episodes.column("decom").to_pylist() == [dt.date(2024, 4, 1), None]  # 2024-05-01
    assert episodes.column("dec").to_pylist() == [None, None]  # open; 1/6/24


def test_integers_are_digits_only(minimised: dict[str, pa.Table]) -> None:
    oc2 = minimised["oc2"]
    assert oc2.column("sdq_score").to_pylist() == [17, None]  # "1.0" is not an integer
    assert oc2.column("convicted").to_pylist() == [0, None]
    assert oc2.column("health_check").to_pylist() == [None, None]


def test_short_key_is_refused(raw: RawReturn) -> None:
    with pytest.raises(PseudonymKeyError):
        minimise(raw, key=b"short")


def test_nothing_personal_survives(minimised: dict[str, pa.Table]) -> None:
    text = repr({name: table.to_pylist() for name, table in minimised.items()})
    for personal in ("KID01", "KID02", "SW123", "A123456789012", "CH41", "SC123456", "15/06/2010"):
        assert personal not in text
