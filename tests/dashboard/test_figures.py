"""A period's figure in words: a value, awaiting data, not derivable, suppressed."""

import pytest

from careboard.dashboard.figures import year_figure
from careboard.indicators.models import IndicatorValue, Judgement, ValueSource
from careboard.indicators.records import NewValue, enter_value, set_target
from tests.dashboard.conftest import entry


def stored(entry, year):
    row = IndicatorValue.objects.filter(entry=entry, year=year, is_current=True).first()
    return row, Judgement.objects.filter(entry=entry, year=year).first()


@pytest.mark.django_db
def test_a_value_with_its_status_word_sentence_and_benchmarks(foster):
    figure = year_figure(foster, 2025, *stored(foster, 2025))
    assert (figure.value, figure.numerator, figure.denominator) == (70.0, 140, 200)
    assert (figure.status, figure.status_word) == ("red", "Red")
    assert figure.sentence.startswith("Red: 70% is 10 points below the 80% target")
    assert (figure.target, figure.tolerance) == (80, 5)
    assert figure.england is not None  # DfE published foster placements for 2024-25
    assert figure.point().value == 70.0


@pytest.mark.django_db
def test_no_row_is_awaiting_data(awaiting):
    figure = year_figure(awaiting, 2025, None, None)
    assert (figure.state, figure.state_words, figure.value) == ("awaiting", "Awaiting data", None)
    assert figure.status_word == "No status"
    assert figure.point().symbol == ""


@pytest.mark.django_db
def test_not_derivable_says_why(uasc):
    figure = year_figure(uasc, 2024, *stored(uasc, 2024))
    assert (figure.state, figure.note) == ("not_derivable", "No 2023 return to compare with")
    assert figure.point().symbol == "x"
    assert figure.status_word == "Contextual"


@pytest.mark.django_db
def test_staff_see_a_small_count_with_a_warning_and_print_suppresses_it(uasc):
    # security.md: counts of 1 to 5 are suppressed in anything that leaves the staff site.
    staff = year_figure(uasc, 2025, *stored(uasc, 2025))
    assert staff.value == 4
    assert staff.publication_note.startswith("c: a number from 1 to 5")
    printed = year_figure(uasc, 2025, *stored(uasc, 2025), for_publication=True)
    assert (printed.value, printed.state, printed.numerator) == (None, "suppressed", None)
    assert printed.point().symbol == "c"
    assert printed.sentence.startswith("Not shown")
    assert ": 4;" not in printed.sentence
    assert " 4 " not in printed.sentence


@pytest.mark.django_db
def test_a_withheld_value_loses_its_status_in_print(plan, homes):
    small = entry(plan, homes, 9, "small_group_pct")
    set_target(small, 2025, 90, 0, reason="Board target", by="test")
    enter_value(small, 2025, NewValue(50, 3, 6), source=ValueSource.MANUAL, by="test")
    staff = year_figure(small, 2025, *stored(small, 2025))
    assert staff.status_word == "Red"
    printed = year_figure(small, 2025, *stored(small, 2025), for_publication=True)
    assert (printed.status, printed.status_word, printed.value) == ("", "No status", None)
