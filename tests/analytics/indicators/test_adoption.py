"""Adoption timeliness: A1, A10, A2 and A20 over the 3 years to 31 March."""

import pytest

from tests.analytics.indicators.builders import ad1, episode
from tests.analytics.indicators.conftest import Run

YEAR = 2025  # window: 1 April 2022 to 31 March 2025

ADOPTIONS = (
    # NEW_FAMILY: entered care 1 Jan 2021, placement order 1 Jun 2022, matched 1 Dec 2022,
    # moved in with adopters (A6) 1 Jan 2023, adopted 1 Sep 2023.
    episode("NEW_FAMILY", "2021-01-01", dec="2022-02-01", rec="X1", year=2022),
    episode("NEW_FAMILY", "2022-02-01", rne="P", place="U4", dec="2022-06-01", rec="X1"),
    episode("NEW_FAMILY", "2022-06-01", rne="L", ls="E1", place="U4", dec="2023-01-01", rec="X1"),
    episode(
        "NEW_FAMILY",
        "2023-01-01",
        rne="P",
        ls="E1",
        place="A6",
        dec="2023-09-01",
        rec="E12",
        year=2024,
    ),
    ad1("NEW_FAMILY", date_match="2022-12-01", foster_care=0, year=2024),
    # FOSTER_CARER: entered care 1 Mar 2022 with a fostering-for-adoption carer (U5), order
    # 1 Sep 2022, matched 1 Aug 2022 (before the order), placed for adoption with the same
    # carer (A5, RNE T) 1 Mar 2023, adopted by them 1 Oct 2024.
    episode("FOSTER_CARER", "2022-03-01", place="U5", dec="2022-09-01", rec="X1"),
    episode("FOSTER_CARER", "2022-09-01", rne="L", ls="E1", place="U5", dec="2023-03-01", rec="X1"),
    episode(
        "FOSTER_CARER", "2023-03-01", rne="T", ls="E1", place="A5", dec="2024-10-01", rec="E11"
    ),
    ad1("FOSTER_CARER", date_match="2022-08-01", foster_care=1, year=2025),
    # CONSENT: placed with consent (A4), no placement order: entered care 1 Jan 2023,
    # placed 1 Jun 2023, adopted 1 May 2024.
    episode("CONSENT", "2023-01-01", ls="V2", dec="2023-06-01", rec="X1"),
    episode("CONSENT", "2023-06-01", rne="P", ls="V2", place="A4", dec="2024-05-01", rec="E11"),
    ad1("CONSENT", date_match="2023-05-01", year=2025),
    # BEFORE_DATA: the period of care began before the returns loaded (first known episode
    # is a move): left out of A1, A10 and A20, and flagged. Order 1 Oct 2022, matched
    # 1 Nov 2022.
    episode("BEFORE_DATA", "2022-01-01", rne="P", dec="2022-10-01", rec="X1"),
    episode("BEFORE_DATA", "2022-10-01", rne="P", ls="E1", place="A6", dec="2023-05-01", rec="E11"),
    ad1("BEFORE_DATA", date_match="2022-11-01", year=2024),
    # OLD: adopted in March 2022, before the window.
    episode("OLD", "2020-01-01", ls="E1", place="A6", dec="2022-03-01", rec="E11"),
    ad1("OLD", date_match="2019-12-01", year=2022),
)


@pytest.mark.parametrize(
    ("code", "numerator", "denominator", "value"),
    [
        # A1: entering care -> placed for adoption.
        # NEW_FAMILY 730 (1/1/21-1/1/23), FOSTER_CARER 365 (1/3/22-1/3/23), CONSENT 151.
        ("adoption_a1_days", 1246, 3, 415.3),
        # A10: as A1, but FOSTER_CARER counts to moving in with the carer: 0 days.
        ("adoption_a10_days", 881, 3, 293.7),
        # A2: placement order -> match, 0 if matched first; CONSENT has no order.
        # NEW_FAMILY 183 (1/6/22-1/12/22), FOSTER_CARER 0, BEFORE_DATA 31.
        ("adoption_a2_days", 214, 3, 71.3),
        # A20: entering care -> placement order: NEW_FAMILY 516, FOSTER_CARER 184.
        ("adoption_a20_days", 700, 2, 350.0),
    ],
)
def test_adoption_timeliness(
    run: Run, code: str, numerator: int, denominator: int, value: float
) -> None:
    result = run(code, *ADOPTIONS, year=YEAR)
    assert (result.numerator, result.denominator, result.value) == (
        numerator,
        denominator,
        value,
    )


def test_unknown_start_of_care_is_flagged(run: Run) -> None:
    result = run("adoption_a1_days", *ADOPTIONS, year=YEAR)
    assert (result.flags, result.caveat_count) == (("data_quality",), 1)


def test_a1_needs_three_years_of_returns(run: Run) -> None:
    # Scorecard measures are 3-year rolling means: 2023, 2024 and 2025 must all be loaded.
    result = run("adoption_a1_days", *ADOPTIONS, year=YEAR, years_loaded={2024, 2025})
    assert result.flags == ("not_derivable",)
    assert result.note == "needs the return(s) for 2023"
