"""Dates and ages by calendar arithmetic (903-schema 4.1), checked on DuckDB."""

import datetime as dt

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careboard.analytics.indicators.periods import (
    age_at_31_march,
    age_on,
    collection_year_of,
    year_end,
    year_start,
    years_before_31_march,
)


@pytest.mark.parametrize(
    ("years", "months", "first_day"),
    [
        (1, 0, dt.date(2024, 4, 1)),  # 12 months: a period of care from 1 April counts
        (2, 0, dt.date(2023, 4, 1)),
        (2, 6, dt.date(2022, 10, 1)),  # 2.5 years
        (3, 0, dt.date(2022, 4, 1)),  # the adoption scorecard's 3 years
    ],
)
def test_spans_ending_on_31_march(years: int, months: int, first_day: dt.date) -> None:
    assert years_before_31_march(2025, years, months) == first_day
    # The same day when the year is an Ibis expression (a building block's `year` column)
    as_expression = years_before_31_march(ibis.literal(2025, "int64"), years, months)
    assert DUCKDB.to_pyarrow(as_expression).as_py() == first_day


def test_year_start_and_end_are_the_same_days_for_an_expression_year() -> None:
    year = ibis.literal(2025, "int64")
    assert DUCKDB.to_pyarrow(year_start(year)).as_py() == year_start(2025) == dt.date(2024, 4, 1)
    assert DUCKDB.to_pyarrow(year_end(year)).as_py() == year_end(2025) == dt.date(2025, 3, 31)


def _reference_age(dob: dt.date, day: dt.date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
DUCKDB = ibis.duckdb.connect()


@settings(deadline=None, max_examples=25)
@given(pairs=st.lists(st.tuples(dates, dates), min_size=1, max_size=200))
def test_ages_match_calendar_arithmetic(pairs: list[tuple[dt.date, dt.date]]) -> None:
    table = ibis.memtable(
        pa.table(
            {
                "dob": pa.array([dob for dob, _ in pairs], pa.date32()),
                "day": pa.array([day for _, day in pairs], pa.date32()),
                "n": pa.array(range(len(pairs)), pa.int64()),
            }
        )
    )
    expr = table.select(
        "n",
        on_day=age_on(table.dob, table.day),
        at_31_march=age_at_31_march(table.dob, 2025),
        year_of_day=collection_year_of(table.day),
    ).order_by("n")
    got = DUCKDB.execute(expr).to_dict("records")
    for (dob, day), row in zip(pairs, got, strict=True):
        assert row["on_day"] == _reference_age(dob, day)
        assert row["at_31_march"] == _reference_age(dob, dt.date(2025, 3, 31))
        assert row["year_of_day"] == (day.year + 1 if day.month >= 4 else day.year)


def test_29_february_birthdays_come_on_1_march_in_other_years() -> None:
    # Born 29 February 2008: not yet 17 on 28 February 2025, 17 on 1 March 2025.
    born = ibis.literal(dt.date(2008, 2, 29))
    assert DUCKDB.execute(age_on(born, ibis.literal(dt.date(2025, 2, 28)))) == 16
    assert DUCKDB.execute(age_on(born, ibis.literal(dt.date(2025, 3, 1)))) == 17
