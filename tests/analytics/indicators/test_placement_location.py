"""Placed outside the council's boundary, and more than 20 miles away as well."""

import pytest

from tests.analytics.indicators.builders import Row, episode
from tests.analytics.indicators.conftest import Run

YEAR = 2025

LOOKED_AFTER: tuple[Row, ...] = (
    episode("IN_NEAR", "2023-01-01", pl_location="IN", pl_distance=3.0),
    episode("IN_FAR", "2023-01-01", pl_location="IN", pl_distance=25.0),  # inside: no
    episode("OUT_NEAR", "2023-01-01", pl_location="OUT", pl_distance=12.0),
    episode("OUT_20", "2023-01-01", pl_location="OUT", pl_distance=20.0),  # not > 20
    episode("OUT_FAR", "2023-01-01", pl_location="OUT", pl_distance=35.5),
    # Location not known: stays in the denominator and raises the caveat.
    episode("UNKNOWN", "2023-01-01", pl_location=None, pl_distance=None),
)


@pytest.mark.parametrize(
    ("code", "numerator", "value"),
    [
        # DfE: PL_LOCATION = OUT out of all CLA at 31 March.
        ("placed_outside_la_pct", 3, 50.0),
        # LAIT: outside the boundary and more than 20 miles from home.
        ("placed_over_20_miles_outside_pct", 1, 16.7),
    ],
)
def test_location_counts_out_of_all_children_looked_after(
    run: Run, code: str, numerator: int, value: float
) -> None:
    result = run(code, *LOOKED_AFTER, year=YEAR)
    assert (result.numerator, result.denominator, result.value) == (numerator, 6, value)
    assert result.flags == ("data_quality",)
    assert result.caveat_count == 1
