"""Due dates from the 2014-16 plan's worded timescales (seed 004)."""

from __future__ import annotations

from datetime import date

import pytest

from careboard.demo.timescales import due_date_from_timescale


@pytest.mark.parametrize(
    ("timescale", "due"),
    [
        ("March 2015", date(2015, 3, 31)),
        ("June 2014 and annually", date(2014, 6, 30)),
        ("July 2014 and ongoing", date(2014, 7, 31)),
        ("December  2014", date(2014, 12, 31)),
        ("February 2016", date(2016, 2, 29)),  # a leap year
        ("Ongoing", None),
        ("Not stated", None),
    ],
)
def test_due_date_is_the_end_of_the_named_month(timescale: str, due: date | None) -> None:
    assert due_date_from_timescale(timescale) == due
