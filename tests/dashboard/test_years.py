"""Choosing the period to show and the one to compare with."""

from careboard.dashboard.years import choose, year_label


def test_the_newest_period_with_data_is_shown_unless_another_is_asked_for():
    assert choose([2023, 2025, 2024], {}).year == 2025
    assert choose([2023, 2025, 2024], {"year": "2024"}).year == 2024


def test_a_period_without_data_or_not_a_year_falls_back_to_the_newest():
    assert choose([2024, 2025], {"year": "2019"}).year == 2025
    assert choose([2024, 2025], {"year": "25; drop"}).year == 2025


def test_the_comparison_must_have_data_and_differ_from_the_shown_period():
    assert choose([2023, 2024, 2025], {"compare": "2023"}).compare == 2023
    assert choose([2023, 2024, 2025], {"compare": "2025"}).compare is None
    assert choose([2023, 2024, 2025], {"compare": "2010"}).compare is None


def test_no_data_means_no_period():
    choice = choose([], {"year": "2025"})
    assert (choice.year, choice.available, choice.window()) == (None, (), [])


def test_the_window_covers_at_least_five_and_at_most_ten_periods():
    choice = choose(range(2010, 2026), {})
    assert choice.window(2010) == list(range(2016, 2026))  # ten, though data go back further
    assert choice.window(2024) == list(range(2021, 2026))  # five, though data start in 2024
    assert choice.window(2019) == list(range(2019, 2026))  # from the first period with data


def test_labels_name_the_period_by_both_years():
    assert year_label(2025) == "2024-25"
    assert year_label(2000) == "1999-00"
