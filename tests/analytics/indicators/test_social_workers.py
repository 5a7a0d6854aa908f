"""Children looked after with 3 or more social workers (SWEpisodes, from 2023-24)."""

from tests.analytics.indicators.builders import episode, social_worker
from tests.analytics.indicators.conftest import Run

YEAR = 2025  # 1 April 2024 to 31 March 2025

CHILDREN = (
    # THREE: SW1 (open on 1 April), SW2 and SW3: 3 social workers. Counted.
    episode("THREE", "2023-01-01"),
    social_worker("THREE", "SW1", "2024-01-01", "2024-05-01"),
    social_worker("THREE", "SW2", "2024-05-01", "2024-09-01"),
    social_worker("THREE", "SW3", "2024-09-01"),
    # BACK: back to an earlier social worker: 2 different ones.
    episode("BACK", "2023-01-01"),
    social_worker("BACK", "SW1", "2024-01-01", "2024-06-01"),
    social_worker("BACK", "SW2", "2024-06-01", "2024-09-01"),
    social_worker("BACK", "SW1", "2024-09-01"),
    # OLD: SW0 left on 31 March 2024, before the year: 2 in the year.
    episode("OLD", "2023-01-01"),
    social_worker("OLD", "SW0", "2023-01-01", "2024-03-31"),
    social_worker("OLD", "SW1", "2024-03-31", "2024-12-01"),
    social_worker("OLD", "SW2", "2024-12-01"),
    # NONE: no social worker episodes: in the denominator only.
    episode("NONE", "2023-01-01"),
    # LEFT: three social workers but left care before 31 March.
    episode("LEFT", "2023-01-01", dec="2025-01-01", rec="E4A"),
    social_worker("LEFT", "SW1", "2024-01-01", "2024-05-01"),
    social_worker("LEFT", "SW2", "2024-05-01", "2024-09-01"),
    social_worker("LEFT", "SW3", "2024-09-01", "2025-01-01"),
)


def test_three_or_more_different_social_workers_in_the_year(run: Run) -> None:
    # DfE stability measure: CLA at 31 March with 3+ different SW_IDs in the year (including
    # time not looked after; returning to an earlier social worker adds none).
    result = run("sw_changes_2plus_pct", *CHILDREN, year=YEAR)
    assert (result.numerator, result.denominator, result.value) == (1, 4, 25.0)


def test_two_year_version_counts_social_workers_since_april_two_years_before(run: Run) -> None:
    # The strategy's variant: the same count over 1 April 2023 to 31 March 2025. OLD's SW0
    # now counts (SW0, SW1, SW2).
    result = run("sw_changes_2plus_2yr_pct", *CHILDREN, year=YEAR)
    assert (result.numerator, result.denominator) == (2, 4)


def test_social_worker_measures_start_with_the_2023_24_return(run: Run) -> None:
    # SWEpisodes was first collected in 2023-24: nothing for 2022-23, and the 2-year
    # version needs two years of it.
    before = run("sw_changes_2plus_pct", episode("C1", "2022-01-01"), year=2023)
    two_years = run("sw_changes_2plus_2yr_pct", episode("C1", "2022-01-01"), year=2024)
    assert before.flags == two_years.flags == ("not_derivable",)
    assert before.note == "needs data from 2024 on; 2023 is earlier"
