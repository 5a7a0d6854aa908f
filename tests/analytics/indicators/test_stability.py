"""Placement stability: 3+ placements in the year or in 2 years; long-term stability."""

from tests.analytics.indicators.builders import child, episode
from tests.analytics.indicators.conftest import Run

YEAR = 2025  # 1 April 2024 to 31 March 2025


def test_placements_in_the_year_count_moves_not_legal_changes(run: Run) -> None:
    # DfE: CLA at 31 March with 3 or more placements in the year, counting the placement open
    # on 1 April. New placement = RNE S/P/T/B/U, not L; placement for adoption with the
    # current foster carer is not a move; temporary placements (T0-T4) are set aside.
    result = run(
        "placements_3plus_pct",
        # THREE: the placement open on 1 April plus two moves = 3.
        episode("THREE", "2023-01-01", dec="2024-06-01", rec="X1"),
        episode("THREE", "2024-06-01", rne="P", dec="2024-11-01", rec="X1"),
        episode("THREE", "2024-11-01", rne="P"),
        # LEGAL: a legal status change (L) keeps the placement: 2.
        episode("LEGAL", "2023-01-01", dec="2024-06-01", rec="X1"),
        episode("LEGAL", "2024-06-01", rne="L", ls="E1", dec="2024-11-01", rec="X1"),
        episode("LEGAL", "2024-11-01", rne="P", ls="E1"),
        # ADOPT: moved once, then placed for adoption with that foster carer (A5, T): 2.
        episode("ADOPT", "2023-01-01", place="U4", dec="2024-05-01", rec="X1"),
        episode("ADOPT", "2024-05-01", rne="P", ls="E1", dec="2024-12-01", rec="X1"),
        episode("ADOPT", "2024-12-01", rne="T", ls="E1", place="A5"),
        # HOSPITAL: a hospital stay (T1) and back to foster care, then one move: 2.
        episode("HOSPITAL", "2023-01-01", dec="2024-06-01", rec="X1"),
        episode("HOSPITAL", "2024-06-01", rne="P", place="T1", dec="2024-06-10", rec="X1"),
        episode("HOSPITAL", "2024-06-10", rne="P", dec="2024-09-01", rec="X1"),
        episode("HOSPITAL", "2024-09-01", rne="P", place="U4"),
        # APRIL: a move on 1 April is a move in the year, and so is the one after: 3.
        episode("APRIL", "2023-01-01", dec="2024-04-01", rec="X1"),
        episode("APRIL", "2024-04-01", rne="P", place="U4", dec="2025-01-01", rec="X1"),
        episode("APRIL", "2025-01-01", rne="P"),
        # LEFT: three placements but not looked after at 31 March.
        episode("LEFT", "2024-04-10", dec="2024-06-01", rec="X1"),
        episode("LEFT", "2024-06-01", rne="P", dec="2024-08-01", rec="X1"),
        episode("LEFT", "2024-08-01", rne="P", dec="2025-01-01", rec="E4A"),
        year=YEAR,
    )
    assert (result.numerator, result.denominator, result.value) == (2, 5, 40.0)


def test_two_year_measure_needs_two_years_in_care_and_three_placements(run: Run) -> None:
    # DfE: CLA 2 years on 31 March (here: looked after continuously since 1 April 2023, a
    # period of care starting that day included) with 3+ placements in those 2 years.
    result = run(
        "placement_moves_2plus_2yr_pct",
        # LONG3: in care since 2022, moved in each year: 3 placements.
        episode("LONG3", "2022-01-01", dec="2023-09-01", rec="X1", year=2024),
        episode("LONG3", "2023-09-01", rne="P", dec="2024-09-01", rec="X1"),
        episode("LONG3", "2024-09-01", rne="P"),
        # LONG2: one move: 2 placements.
        episode("LONG2", "2022-01-01", dec="2024-09-01", rec="X1"),
        episode("LONG2", "2024-09-01", rne="P"),
        # ON_DAY: came into care on 1 April 2023, exactly 2 years: in the cohort, 3.
        episode("ON_DAY", "2023-04-01", dec="2023-10-01", rec="X1", year=2024),
        episode("ON_DAY", "2023-10-01", rne="P", dec="2024-10-01", rec="X1"),
        episode("ON_DAY", "2024-10-01", rne="P"),
        # NEWER: came into care a day later: not in the cohort.
        episode("NEWER", "2023-04-02", dec="2023-10-01", rec="X1", year=2024),
        episode("NEWER", "2023-10-01", rne="P", dec="2024-10-01", rec="X1"),
        episode("NEWER", "2024-10-01", rne="P"),
        # GAP: went home and came back: a break in care, not in the cohort.
        episode("GAP", "2022-01-01", dec="2023-12-01", rec="E4A", year=2024),
        episode("GAP", "2024-01-01", dec="2024-06-01", rec="X1"),
        episode("GAP", "2024-06-01", rne="P"),
        year=YEAR,
    )
    assert (result.numerator, result.denominator, result.value) == (2, 3, 66.7)


def test_two_year_measure_is_not_derivable_without_last_years_return(run: Run) -> None:
    result = run(
        "placement_moves_2plus_2yr_pct",
        episode("C1", "2022-01-01"),
        year=YEAR,
        years_loaded={2025},
    )
    assert result.flags == ("not_derivable",)
    assert (result.value, result.numerator, result.denominator) == (None, None, None)
    assert result.note == "needs the return(s) for 2024"


def test_long_term_stability_counts_same_carer_for_two_years(run: Run) -> None:
    # DfE: CLA at 31 March aged under 16, looked after for 2.5 years or more (here since
    # 1 October 2022), with the same carer for 2 years (since 1 April 2023), counting an
    # adoptive placement together with the placement before it.
    result = run(
        "long_term_stability_pct",
        # SETTLED: same carer since 2020; a legal status change does not matter. Counted.
        child("SETTLED", dob="2012-06-01"),
        episode("SETTLED", "2020-01-01", place="U4", dec="2023-06-01", rec="X1"),
        episode("SETTLED", "2023-06-01", rne="L", ls="E1", place="U4"),
        # MOVED: new carer in June 2023, less than 2 years ago. In the cohort, not counted.
        child("MOVED", dob="2012-06-01"),
        episode("MOVED", "2020-01-01", dec="2023-06-01", rec="X1"),
        episode("MOVED", "2023-06-01", rne="P"),
        # ADOPTIVE: with a foster carer from January 2022, moved to adopters (A6) in
        # 2024: the two placements together last over 2 years. Counted.
        child("ADOPTIVE", dob="2019-06-01"),
        episode("ADOPTIVE", "2021-01-01", dec="2022-01-01", rec="X1"),
        episode("ADOPTIVE", "2022-01-01", rne="P", place="U4", dec="2024-06-01", rec="X1"),
        episode("ADOPTIVE", "2024-06-01", rne="P", ls="E1", place="A6"),
        # SAME_CARER: the carer moved house in 2023 (RNE T, same carer). Counted.
        child("SAME_CARER", dob="2012-06-01"),
        episode("SAME_CARER", "2020-01-01", dec="2023-09-01", rec="X1"),
        episode("SAME_CARER", "2023-09-01", rne="T"),
        # EDGE: in care since 1 October 2022, exactly 2.5 years. In the cohort and counted.
        child("EDGE", dob="2012-06-01"),
        episode("EDGE", "2022-10-01"),
        # RECENT: a day short of 2.5 years. Not in the cohort.
        child("RECENT", dob="2012-06-01"),
        episode("RECENT", "2022-10-02"),
        # SIXTEEN: born June 2008, 16 at 31 March 2025. Not in the cohort.
        child("SIXTEEN", dob="2008-06-01"),
        episode("SIXTEEN", "2015-01-01"),
        year=YEAR,
    )
    assert (result.numerator, result.denominator, result.value) == (4, 5, 80.0)
