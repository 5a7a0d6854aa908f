"""Children who went missing, or were away without authorisation, during the year."""

import pytest

from tests.analytics.indicators.builders import episode, missing
from tests.analytics.indicators.conftest import Run

YEAR = 2025  # 1 April 2024 to 31 March 2025

CHILDREN = (
    episode("MISSING", "2023-01-01"),
    missing("MISSING", "M", "2024-06-01", "2024-06-02"),
    episode("AWAY", "2023-01-01"),
    missing("AWAY", "A", "2024-07-01", "2024-07-01"),
    episode("BOTH", "2023-01-01"),
    missing("BOTH", "M", "2024-08-01", "2024-08-03"),
    missing("BOTH", "A", "2024-09-01", "2024-09-01"),
    missing("BOTH", "M", "2024-10-01", "2024-10-02"),  # a second incident: one child
    # LAST_YEAR: the only incident began before 1 April.
    episode("LAST_YEAR", "2023-01-01"),
    missing("LAST_YEAR", "M", "2024-03-20", "2024-03-21"),
    # LEFT: left care in May, went missing in April: looked after during the year.
    episode("LEFT", "2023-01-01", dec="2024-05-01", rec="E4A"),
    missing("LEFT", "M", "2024-04-20", "2024-04-21"),
    # BREAKS: short breaks only: outside the cohort even with an incident.
    episode("BREAKS", "2024-06-01", ls="V3", dec="2024-06-03", rec="E4A"),
    missing("BREAKS", "M", "2024-06-02", "2024-06-02"),
    episode("NONE", "2023-01-01"),
)


@pytest.mark.parametrize(
    ("code", "numerator", "value"),
    [
        # DfE: children looked after during the year with an incident of that kind
        # starting in the year, out of all children looked after during the year.
        ("missing_in_year_pct", 3, 50.0),
        ("away_no_auth_in_year_pct", 2, 33.3),
    ],
)
def test_children_with_an_incident_in_the_year(
    run: Run, code: str, numerator: int, value: float
) -> None:
    result = run(code, *CHILDREN, year=YEAR)
    assert (result.numerator, result.denominator, result.value) == (numerator, 6, value)
