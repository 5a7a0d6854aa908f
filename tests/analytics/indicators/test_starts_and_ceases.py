"""Starting and ceasing to be looked after, and adoptions among those ceasing."""

from tests.analytics.indicators.builders import episode
from tests.analytics.indicators.conftest import Run

YEAR = 2025  # 1 April 2024 to 31 March 2025


def test_starters_count_each_child_once_from_1_april(run: Run) -> None:
    # Started in year: RNE = S with 1 April <= DECOM <= 31 March, not V3/V4; children once.
    result = run(
        "cla_starters",
        episode("APRIL_1", "2024-04-01"),  # 1 April belongs to this year
        episode("MARCH_31", "2024-03-31"),  # the day before: last year
        episode("TWICE", "2024-05-01", dec="2024-06-01", rec="E4A"),
        episode("TWICE", "2024-09-01"),  # second start: still one child
        episode("MOVE", "2023-01-01", dec="2024-07-01", rec="X1"),
        episode("MOVE", "2024-07-01", rne="P"),  # a placement move is not a start
        episode("BREAK", "2024-08-01", ls="V3", dec="2024-08-03", rec="E4A"),  # short break
        year=YEAR,
    )
    assert result.numerator == 2


def test_ceased_counts_children_whose_care_ended_in_the_year(run: Run) -> None:
    # Ceased in year: REC other than X1 with DEC in the year, not V3/V4; children once.
    result = run(
        "cla_ceased",
        episode("HOME", "2023-01-01", dec="2024-06-01", rec="E4A"),  # ceased
        episode("MOVE", "2023-01-01", dec="2024-06-01", rec="X1"),  # X1: still looked after
        episode("MOVE", "2024-06-01", rne="P"),
        episode("TWICE", "2024-05-01", dec="2024-06-01", rec="E4A"),
        episode("TWICE", "2024-09-01", dec="2025-01-01", rec="E13"),  # one child
        episode("LATER", "2024-05-01", dec="2025-06-01", rec="E4A", year=2026),  # next year
        episode("LAST_YEAR", "2023-05-01", dec="2024-03-31", rec="E4A"),
        episode("BREAK", "2024-08-01", ls="V3", dec="2024-08-03", rec="E4A"),
        year=YEAR,
    )
    assert result.numerator == 2


def test_ceased_adopted_uses_the_last_cease_in_the_year(run: Run) -> None:
    # Adopted: REC E11/E12 on the child's last cease in the year (LAIT/DfE), out of all
    # children ceasing. TWICE went home, came back and was adopted: counted as adopted.
    result = run(
        "ceased_adopted_pct",
        episode("E11", "2022-01-01", ls="E1", place="A5", dec="2024-11-01", rec="E11"),
        episode("E12", "2022-01-01", ls="E1", place="A6", dec="2024-12-01", rec="E12"),
        episode("HOME", "2023-01-01", dec="2024-06-01", rec="E4A"),
        episode("SGO", "2021-01-01", place="U3", dec="2025-02-01", rec="E45"),
        episode("TWICE", "2023-05-01", dec="2024-05-01", rec="E4A"),
        episode("TWICE", "2024-07-01", ls="E1", place="A6", dec="2025-03-01", rec="E11"),
        episode("STAYING", "2023-01-01"),  # not ceased: outside the denominator
        year=YEAR,
    )
    assert (result.numerator, result.denominator, result.value) == (3, 5, 60.0)


def test_special_guardianship_counts_the_retired_codes_too(run: Run) -> None:
    # SGO: REC E45-E48; before 2018-19 the codes were E43/E44 (903-schema 2.14).
    result = run(
        "ceased_sgo_pct",
        episode("E43", "2015-01-01", dec="2017-06-01", rec="E43"),
        episode("E44", "2015-01-01", dec="2017-07-01", rec="E44"),
        episode("HOME", "2015-01-01", dec="2017-08-01", rec="E4A"),
        episode("ADOPTED", "2015-01-01", ls="E1", place="A6", dec="2017-09-01", rec="E11"),
        year=2018,
    )
    assert (result.numerator, result.denominator, result.value) == (2, 4, 50.0)
