"""Headline rates of a council-sized generated year land near England's (indicators.md,
903-schema 6.3). Computed here with plain DuckDB SQL on the CSV files, independently of the
indicator engine. Bands are wide enough for 2,000 children and tight enough to catch a broken
generator (e.g. a rate of 0% or 100%)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

YEAR = 2025


@pytest.fixture(scope="module")
def con(two_years: Path) -> duckdb.DuckDBPyConnection:
    folder = two_years / str(YEAR)
    con = duckdb.connect()
    for table in ("episodes", "header", "uasc", "oc2", "oc3"):
        con.execute(
            f"CREATE VIEW {table} AS SELECT * FROM read_csv('{folder / table}.csv', "  # noqa: S608
            "all_varchar = true, header = true)"
        )
    con.execute(
        f"CREATE VIEW postcodes AS SELECT * FROM read_csv('{two_years / 'postcodes.csv'}', "  # noqa: S608
        "all_varchar = true, header = true)"
    )
    con.execute("""CREATE VIEW at_31_march AS
        SELECT * FROM episodes WHERE DEC IS NULL AND LS NOT IN ('V3', 'V4')""")
    return con


def rate(con: duckdb.DuckDBPyConnection, sql: str, *params: object) -> float:
    (value,) = con.execute(sql, list(params)).fetchone() or (None,)
    assert value is not None
    return float(value)


def test_about_the_requested_number_of_children(con: duckdb.DuckDBPyConnection) -> None:
    looked_after = rate(con, "SELECT count(DISTINCT CHILD) FROM episodes")
    assert 1700 <= looked_after <= 2300  # --children 2000


def test_foster_placements_at_31_march(con: duckdb.DuckDBPyConnection) -> None:
    # England 67% (2025): PLACE U1-U6 / looked after at 31 March
    assert 0.60 <= rate(con, "SELECT avg((PLACE LIKE 'U%')::INT) FROM at_31_march") <= 0.76


def test_adopted_share_of_children_who_ceased(con: duckdb.DuckDBPyConnection) -> None:
    # England 9% (2025): last cease in the year with REC E11/E12
    share = rate(
        con,
        """
        WITH ceased AS (
            SELECT CHILD, arg_max(REC, strptime(DEC, '%d/%m/%Y')) AS rec FROM episodes
            WHERE REC IS NOT NULL AND REC <> 'X1' GROUP BY CHILD)
        SELECT avg((rec IN ('E11', 'E12'))::INT) FROM ceased""",
    )
    assert 0.05 <= share <= 0.14


def test_health_dental_and_sdq(con: duckdb.DuckDBPyConnection) -> None:
    # England 2025: health assessment 90%, dental 81%, SDQ for 78% of those aged 5-16
    assert 0.86 <= rate(con, "SELECT avg(HEALTH_ASSESSMENT::INT) FROM oc2") <= 0.94
    assert 0.76 <= rate(con, "SELECT avg(TEETH_CHECK::INT) FROM oc2") <= 0.86
    sdq = rate(
        con,
        """
        SELECT avg((SDQ_SCORE IS NOT NULL)::INT) FROM oc2
        WHERE date_sub('year', strptime(DOB, '%d/%m/%Y'), ?::DATE) BETWEEN 5 AND 16
    """,
        f"{YEAR}-03-31",
    )
    assert 0.72 <= sdq <= 0.84


def test_three_or_more_placements_in_the_year(con: duckdb.DuckDBPyConnection) -> None:
    # England 10% (2025): placements = the one open on 1 April plus each new one (S/P/T/B/U)
    share = rate(
        con,
        """
        WITH placements AS (
            SELECT CHILD, count(*) FILTER (WHERE RNE IN ('S', 'P', 'T', 'B', 'U')
                OR strptime(DECOM, '%d/%m/%Y') < ?::DATE) AS n
            FROM episodes GROUP BY CHILD)
        SELECT avg((n >= 3)::INT) FROM placements
        WHERE CHILD IN (SELECT CHILD FROM at_31_march)""",
        f"{YEAR - 1}-04-01",
    )
    assert 0.05 <= share <= 0.16


def test_care_leavers_in_touch_eet_and_suitable(con: duckdb.DuckDBPyConnection) -> None:
    age = f"date_sub('year', strptime(DOB, '%d/%m/%Y'), DATE '{YEAR}-03-31')"
    # DfE excludes DIED and RHOM from the care-leaver denominators
    cohort = f"FROM oc3 WHERE IN_TOUCH NOT IN ('DIED', 'RHOM') AND {age} BETWEEN 19 AND 21"
    in_touch = rate(con, f"SELECT avg((IN_TOUCH = 'YES')::INT) {cohort}")
    assert 0.88 <= in_touch <= 0.97  # England 92% (19-21)
    eet = rate(con, f"SELECT avg((ACTIV SIMILAR TO '[FP][1-5]')::INT) {cohort}")
    assert 0.46 <= eet <= 0.62  # England 54% (19-21)
    suitable = rate(
        con,
        f"""SELECT avg((ACCOM LIKE '%1')::INT) {cohort}
        AND left(ACCOM, 1) NOT IN ('G', 'H', 'R')""",
    )
    assert 0.82 <= suitable <= 0.95  # England 88-89% (19-21)


def test_uasc_share_at_31_march(con: duckdb.DuckDBPyConnection) -> None:
    # England 9% (2024)
    share = rate(
        con,
        """SELECT avg((CHILD IN (SELECT CHILD FROM uasc))::INT)
        FROM (SELECT DISTINCT CHILD FROM at_31_march)""",
    )
    assert 0.05 <= share <= 0.13


def test_placements_outside_the_la_and_far_away(con: duckdb.DuckDBPyConnection) -> None:
    # England 2024: 45% placed outside the LA; 17-22% outside and more than 20 miles away
    outside, far = con.execute("""
        SELECT avg((pl.utla <> 'E08000015')::INT),
               avg((pl.utla <> 'E08000015' AND sqrt(
                   power(pl.oseast1m::INT - home.oseast1m::INT, 2)
                   + power(pl.osnrth1m::INT - home.osnrth1m::INT, 2)) / 1000 / 1.6093 > 20)::INT)
        FROM at_31_march e
        JOIN postcodes pl ON pl.pcd = e.PL_POST
        LEFT JOIN postcodes home ON home.pcd = e.HOME_POST""").fetchone() or (0, 0)
    assert 0.38 <= outside <= 0.54
    assert 0.13 <= far <= 0.25
