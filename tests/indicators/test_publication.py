"""Published figures go through disclosure control (security.md): small numbers become "c"."""

from __future__ import annotations

from careboard.indicators.models import CatalogueEntry, Judgement, ValueSource
from careboard.indicators.publication import UNCHECKED_NOTE, published
from careboard.indicators.records import NewValue, enter_value, set_target


def _publish(entry: CatalogueEntry, year: int, new: NewValue) -> tuple[str, str, str]:
    row = enter_value(entry, year, new, source=ValueSource.MANUAL, by="t")
    assert row is not None
    shown = published(row, Judgement.objects.get(entry=entry, year=year))
    return shown.text, shown.status, shown.sentence


def test_a_percentage_of_enough_children_is_published_with_its_status(
    peps: CatalogueEntry,
) -> None:
    set_target(peps, 2025, 80, 5, reason="", by="t")
    text, status, sentence = _publish(peps, 2025, NewValue(70.0, 14, 20))
    assert (text, status) == ("70", "red")
    assert sentence.startswith("Red: 70% is 10 points below")


def test_a_percentage_of_fewer_than_10_children_is_withheld_with_its_status(
    peps: CatalogueEntry,
) -> None:
    # 7 of 9 children: the denominator is below 10, so neither 77.8% nor Red is published.
    set_target(peps, 2025, 80, 5, reason="", by="t")
    enter_value(peps, 2024, NewValue(60.0, 30, 50), source=ValueSource.MANUAL, by="t")
    text, status, sentence = _publish(peps, 2025, NewValue(77.8, 7, 9))
    assert (text, status) == ("c", "")
    assert sentence.startswith("Not shown: too few children")
    assert "77.8" not in sentence
    assert "60" not in sentence  # no trend either: it would give the value away


def test_a_count_of_1_to_5_is_withheld(kooth: CatalogueEntry) -> None:
    assert _publish(kooth, 2025, NewValue(4.0, 4))[0] == "c"
    assert _publish(kooth, 2026, NewValue(0.0, 0))[0] == "0"
    assert _publish(kooth, 2024, NewValue(12.0, 12))[0] == "12"


def test_a_percentage_without_counts_cannot_be_checked_so_is_not_published(
    peps: CatalogueEntry,
) -> None:
    row = enter_value(peps, 2025, NewValue(84.0), source=ValueSource.MANUAL, by="t")
    assert row is not None
    shown = published(row, Judgement.objects.get(entry=peps, year=2025))
    assert (shown.text, shown.value, shown.note) == ("x", None, UNCHECKED_NOTE)
