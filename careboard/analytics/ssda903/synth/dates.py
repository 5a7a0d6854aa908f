"""Calendar arithmetic on day ordinals (`datetime.date.toordinal`), the generator's date type.

Plain ints keep the life-course code fast; conversions are cached because a return uses a few
thousand distinct days at most. Synthetic children are never born on 29 February, so a
birthday is always a real date and ages follow the calendar (903-schema 4.1) without a leap-day
rule.
"""

from __future__ import annotations

from datetime import date
from functools import cache


def day(year: int, month: int, day_of_month: int) -> int:
    return date(year, month, day_of_month).toordinal()


@cache
def ymd(ordinal: int) -> tuple[int, int, int]:
    value = date.fromordinal(ordinal)
    return value.year, value.month, value.day


@cache
def dmy(ordinal: int) -> str:
    """DD/MM/YYYY, the only date format the DfE validator accepts."""
    year, month, day_of_month = ymd(ordinal)
    return f"{day_of_month:02d}/{month:02d}/{year:04d}"


def birthday(dob: int, years: int) -> int:
    year, month, day_of_month = ymd(dob)
    return date(year + years, month, day_of_month).toordinal()


def age_on(dob: int, when: int) -> int:
    """Whole years from `dob` to `when` by the calendar."""
    year, month, day_of_month = ymd(dob)
    y, m, d = ymd(when)
    return y - year - ((m, d) < (month, day_of_month))


def year_start(collection_year: int) -> int:
    """1 April that opens the collection year named by the year it ends."""
    return day(collection_year - 1, 4, 1)


def year_end(collection_year: int) -> int:
    """31 March that closes the collection year."""
    return day(collection_year, 3, 31)


def collection_year_of(ordinal: int) -> int:
    year, month, _ = ymd(ordinal)
    return year if month <= 3 else year + 1


# Dates where the code lists change inside a life course (903-schema 2.14).
SUPPORTED_ACCOMMODATION_REGULATED = day(2023, 10, 28)  # P2 ends; H5 needs a URN
K3_FROM_DAY = day(2024, 4, 1)  # new supported accommodation is K3
SGO_SPLIT_DAY = day(2018, 4, 1)  # E43/E44 -> E45-E48
