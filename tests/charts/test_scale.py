"""The value axis: round ticks that hold every figure, even awkward ones."""

from careboard.charts.scale import Axis


def test_ticks_are_round_and_hold_every_value():
    axis = Axis.fit([71.5, 78, 83.2], start=300, end=0)
    assert axis.low <= 71.5
    assert axis.high >= 83.2
    assert axis.ticks() == [70, 75, 80, 85]


def test_all_equal_values_still_get_an_axis_with_room_around_them():
    axis = Axis.fit([50, 50, 50], start=100, end=0)
    assert axis.low < 50 < axis.high
    assert axis.position(50) == 50  # in the middle, not on an edge


def test_a_percentage_axis_stays_within_0_and_100():
    axis = Axis.fit([2, 99], start=100, end=0, percent=True)
    assert (axis.low, axis.high) == (0, 100)


def test_negative_values_and_zero_are_on_the_axis_for_bars():
    axis = Axis.fit([-1.31, 0.4], start=0, end=100, include_zero=True)
    assert axis.low <= -1.31
    assert axis.high >= 0.4
    assert 0 in axis.ticks()
    assert axis.position(axis.low) == 0
    assert axis.position(axis.high) == 100


def test_no_values_gives_an_axis_around_zero():
    axis = Axis.fit([], start=100, end=0)
    assert axis.low <= 0 < axis.high
