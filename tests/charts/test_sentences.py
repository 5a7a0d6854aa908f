"""The summary sentence: what a chart shows in words (WCAG 1.1.1 text alternative)."""

from careboard.charts.points import Point, TargetBand
from careboard.charts.sentences import summary


def test_rising():
    points = [Point("2023-24", 78), Point("2024-25", 81)]
    assert summary(points, "%", england={"2024-25": 79}) == (
        "Up from 78% in 2023-24 to 81% in 2024-25, above England (79%)."
    )


def test_falling_and_below_both_benchmarks():
    points = [Point("2023-24", 81), Point("2024-25", 76.4)]
    assert summary(points, "%", england={"2024-25": 79}, neighbours={"2024-25": 80}) == (
        "Down from 81% in 2023-24 to 76.4% in 2024-25, below England (79%) and the "
        "statistical-neighbour average (80%)."
    )


def test_flat_when_the_printed_figures_are_the_same():
    points = [Point("2023-24", 81.02), Point("2024-25", 80.98)]
    assert summary(points, "%") == "Unchanged at 81% from 2023-24 to 2024-25."


def test_the_latest_period_missing_is_said_first_then_the_last_known_change():
    points = [Point("2022-23", 70), Point("2023-24", 72), Point("2024-25", None, "c")]
    assert summary(points, "%", england={"2024-25": 79, "2023-24": 75}) == (
        "No figure for 2024-25 (suppressed to protect children's privacy). "
        "Up from 70% in 2022-23 to 72% in 2023-24, below England (75%)."
    )


def test_a_gap_in_the_middle_compares_the_two_latest_figures_by_name():
    points = [Point("2022-23", 400), Point("2023-24", None, "x"), Point("2024-25", 380)]
    assert summary(points, "days") == "Down from 400 days in 2022-23 to 380 days in 2024-25."


def test_a_single_point():
    assert summary([Point("2024-25", 12)], "count") == (
        "12 in 2024-25, the only period with a figure."
    )


def test_no_figures_at_all():
    assert summary([], "%") == "No figures yet."
    assert summary([Point("2023-24", None, "c"), Point("2024-25", None, "c")], "%") == (
        "No figures to show for 2023-24 to 2024-25 (suppressed to protect children's privacy)."
    )


def test_negative_scores_read_as_numbers():
    points = [Point("2023-24", -1.31), Point("2024-25", -0.9)]
    assert summary(points, "score", england={"2024-25": -1.2}) == (
        "Up from -1.31 in 2023-24 to -0.9 in 2024-25, above England (-1.2)."
    )


def test_target_met_missed_within_and_beyond_tolerance():
    points = [Point("2024-25", 78)]
    met = {"2024-25": TargetBand(75, 5)}
    amber = {"2024-25": TargetBand(80, 5)}
    red = {"2024-25": TargetBand(90, 5)}
    assert summary(points, "%", targets=met).endswith("; meets the 75% target.")
    assert summary(points, "%", targets=amber).endswith(
        "; misses the 80% target, within its tolerance of 5."
    )
    assert summary(points, "%", targets=red).endswith(
        "; misses the 90% target by more than its tolerance of 5."
    )


def test_lower_is_better_target():
    # Placement moves: 9% against a 10% target where lower is better meets it.
    points = [Point("2024-25", 9)]
    assert summary(points, "%", targets={"2024-25": TargetBand(10, 1, "lower")}).endswith(
        "; meets the 10% target."
    )
