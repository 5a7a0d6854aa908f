"""Figures written in their units, as the summary sentences and tables print them."""

import pytest

from careboard.charts.points import Point, TargetBand, point_text, value_text


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (81, "%", "81%"),
        (70.53, "percent", "70.5%"),
        (426, "days", "426 days"),
        (1, "days", "1 day"),
        (12.5, "weeks", "12.5 weeks"),
        (1234, "count", "1,234"),
        (-1.31, "score", "-1.31"),  # Progress 8 is often negative
        (-0.001, "score", "0"),  # never "-0"
        (23.456, "", "23.46"),
    ],
)
def test_a_figure_is_written_in_its_unit(value, unit, expected):
    assert value_text(value, unit) == expected


def test_a_missing_figure_says_why():
    assert point_text(Point("2024-25", None, "c"), "%") == (
        "c (suppressed to protect children's privacy)"
    )
    assert point_text(Point("2024-25", None, "x"), "%") == "x (not derivable)"
    assert point_text(Point("2024-25", None), "%") == "Awaiting data"


def test_a_point_refuses_an_infinite_value():
    with pytest.raises(ValueError, match="cannot show"):
        Point("2024-25", float("inf"))


def test_the_tolerance_band_lies_on_the_worse_side_of_the_target():
    # analytics.rag: higher is better -> Amber from target - tolerance up to the target.
    assert (TargetBand(80, 5).low, TargetBand(80, 5).high) == (75, 80)
    assert (TargetBand(10, 2, "lower").low, TargetBand(10, 2, "lower").high) == (10, 12)


def test_a_negative_tolerance_is_refused():
    with pytest.raises(ValueError, match="negative"):
        TargetBand(80, -1)
