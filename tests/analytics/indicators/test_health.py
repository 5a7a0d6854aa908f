"""Health of children looked after for 12 months at 31 March (the OC2 cohort)."""

import pytest

from tests.analytics.indicators.builders import child, episode, oc2
from tests.analytics.indicators.conftest import Run

YEAR = 2025  # 1 April 2024 to 31 March 2025; ages below are at 31 March 2025

COHORT = (
    # A (12): everything up to date, SDQ score 12.
    child("A", dob="2012-06-01"),
    episode("A", "2023-01-01"),
    oc2("A", health_assessment=1, teeth_check=1, immunisations=1, sdq_score=12),
    # B (10): came into care on 1 April 2024 - in the cohort (DfE includes a 1 April
    # start). Refused the health assessment (recorded 0); the child refused the SDQ.
    child("B", dob="2014-06-01"),
    episode("B", "2024-04-01"),
    oc2("B", health_assessment=0, teeth_check=1, immunisations=1, sdq_reason="SDQ5"),
    # F (3): no OC2 row at all - counts as not received, and raises the caveat.
    child("F", dob="2021-05-01"),
    episode("F", "2022-06-01"),
    # G (17): too old for the SDQ.
    child("G", dob="2008-01-01"),
    episode("G", "2022-06-01"),
    oc2("G", health_assessment=1, teeth_check=0, immunisations=1),
    # H (5, born March 2020): SDQ age, score 20.
    child("H", dob="2020-03-01"),
    episode("H", "2022-06-01"),
    oc2("H", health_assessment=1, teeth_check=0, immunisations=1, sdq_score=20),
    # I (4, born April 2020): too young for the SDQ even with a score.
    child("I", dob="2020-04-01"),
    episode("I", "2022-06-01"),
    oc2("I", health_assessment=0, teeth_check=1, immunisations=0, health_check=1, sdq_score=9),
    # Not in the cohort:
    # LATE came into care on 2 April 2024, less than 12 months.
    child("LATE", dob="2012-06-01"),
    episode("LATE", "2024-04-02"),
    oc2("LATE", health_assessment=1, teeth_check=1, immunisations=1),
    # BREAK went home in August and came back in September: not continuous.
    child("BREAK", dob="2012-06-01"),
    episode("BREAK", "2022-01-01", dec="2024-08-01", rec="E4A"),
    episode("BREAK", "2024-09-01"),
    # V4 is looked after under a series of short breaks.
    child("V4", dob="2012-06-01"),
    episode("V4", "2022-01-01", ls="V4"),
)


@pytest.mark.parametrize(
    ("code", "numerator", "denominator", "value"),
    [
        # OC2 cohort with the item = 1 out of the cohort (all ages); a refusal (0) or a
        # missing row is "not received".
        ("oc2_health_assessment_pct", 3, 6, 50.0),  # A, G, H
        ("oc2_dental_check_pct", 3, 6, 50.0),  # A, B, I
        ("oc2_immunisations_pct", 4, 6, 66.7),  # A, B, G, H
        # Development checks: under 5 at 31 March only (F, I).
        ("oc2_development_check_pct", 1, 2, 50.0),  # I
        # SDQ: aged 5-16 at 31 March (A, B, H); a reason code is not a score.
        ("oc2_sdq_completed_pct", 2, 3, 66.7),  # A, H
        # Average score of those with one: (12 + 20) / 2.
        ("oc2_sdq_average", 32, 2, 16.0),
    ],
)
def test_oc2_items(run: Run, code: str, numerator: int, denominator: int, value: float) -> None:
    result = run(code, *COHORT, year=YEAR)
    assert (result.numerator, result.denominator, result.value) == (
        numerator,
        denominator,
        value,
    )


def test_oc2_count_and_the_missing_row_caveat(run: Run) -> None:
    # CLA 12 months at 31 March: A, B, F, G, H, I. F has no OC2 row (validator rule 190).
    result = run("oc2_count", *COHORT, year=YEAR)
    assert (result.numerator, result.value, result.cohort_size) == (6, 6.0, 6)
    assert (result.flags, result.caveat_count) == (("data_quality",), 1)
