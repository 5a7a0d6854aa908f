"""Stored judgements: RAG in the entry's polarity with the reason, trend and DfE benchmarks."""

from __future__ import annotations

import io

from django.core.management import call_command

from careboard.analytics.benchmarks.snapshot import WIRRAL, shipped_snapshot
from careboard.indicators.judgements import quartile_of
from careboard.indicators.models import CatalogueEntry, Judgement, ValueSource
from careboard.indicators.records import NewValue, enter_value, set_target

MANUAL = ValueSource.MANUAL


def test_red_amber_green_against_target_and_tolerance(peps: CatalogueEntry) -> None:
    # architecture.md 4: Green meets the target, Amber misses by no more than the tolerance.
    set_target(peps, 2024, 80, 5, reason="", by="t")
    set_target(peps, 2025, 80, 5, reason="", by="t")
    set_target(peps, 2026, 80, 5, reason="", by="t")
    enter_value(peps, 2024, NewValue(81.0), source=MANUAL, by="t")
    enter_value(peps, 2025, NewValue(76.0), source=MANUAL, by="t")
    enter_value(peps, 2026, NewValue(71.0), source=MANUAL, by="t")

    by_year = {j.year: j for j in Judgement.objects.filter(entry=peps)}
    assert {y: j.status for y, j in by_year.items()} == {2024: "green", 2025: "amber", 2026: "red"}
    assert by_year[2026].sentence.startswith(
        "Red: 71% is 9 points below the 80% target (tolerance 5); down 5 points on 2025"
    )
    assert "within the tolerance of 5" in by_year[2025].sentence
    assert (by_year[2026].target_value, by_year[2026].previous_value) == (80, 76)


def test_lower_is_better_mirrors_the_rule(plan: object, peps: CatalogueEntry) -> None:
    peps.polarity = "lower"
    peps.save()
    set_target(peps, 2025, 10, 2, reason="", by="t")
    enter_value(peps, 2025, NewValue(11.5), source=MANUAL, by="t")
    assert Judgement.objects.get(entry=peps, year=2025).status == "amber"


def test_contextual_gets_no_rag(kooth: CatalogueEntry) -> None:
    enter_value(kooth, 2025, NewValue(12.0), source=MANUAL, by="t")
    judgement = Judgement.objects.get(entry=kooth, year=2025)
    assert judgement.status == ""
    assert judgement.sentence.startswith("No RAG status (contextual indicator): 12")


def test_benchmarks_come_from_the_snapshot(foster: CatalogueEntry) -> None:
    # The shipped DfE snapshot has foster_placement_pct for 2025: England and neighbours.
    compared = shipped_snapshot().compare("foster_placement_pct", 2025, WIRRAL)
    assert compared.england.value is not None
    assert compared.neighbour_average is not None
    set_target(foster, 2025, 70, 3, reason="", by="t")
    enter_value(foster, 2025, NewValue(72.0, 432, 600), source=ValueSource.COMPUTED, by="t")

    judgement = Judgement.objects.get(entry=foster, year=2025)
    assert judgement.status == "green"
    assert judgement.england == compared.england.value
    assert judgement.neighbours == compared.neighbour_average
    assert judgement.region == compared.region_value.value
    assert f"England {compared.england.value:g}%" in judgement.sentence
    assert "statistical neighbours" in judgement.sentence
    assert judgement.quartile == quartile_of(72.0, "foster_placement_pct", 2025, "higher")
    assert judgement.quartile in "ABCD"
    assert judgement.quartile


def test_quartile_ranks_the_value_among_published_councils(foster: CatalogueEntry) -> None:
    published = sorted(
        f.value
        for f in shipped_snapshot().la_values("foster_placement_pct", 2025).values()
        if f.value is not None
    )
    assert quartile_of(published[-1] + 1, "foster_placement_pct", 2025, "higher") == "A"
    assert quartile_of(published[0] - 1, "foster_placement_pct", 2025, "higher") == "D"
    assert quartile_of(published[0] - 1, "foster_placement_pct", 2025, "lower") == "A"
    assert quartile_of(50.0, "foster_placement_pct", 2025, "contextual") == ""


def test_no_snapshot_figure_says_so(peps: CatalogueEntry) -> None:
    enter_value(peps, 2025, NewValue(80.0), source=MANUAL, by="t")
    judgement = Judgement.objects.get(entry=peps, year=2025)
    assert judgement.england is None
    assert judgement.sentence == "No target set: 80%; no England figure."


def test_refresh_judgements_rebuilds_after_a_polarity_change(peps: CatalogueEntry) -> None:
    set_target(peps, 2025, 80, 5, reason="", by="t")
    enter_value(peps, 2025, NewValue(90.0), source=MANUAL, by="t")
    assert Judgement.objects.get(entry=peps).status == "green"
    CatalogueEntry.objects.filter(pk=peps.pk).update(polarity="lower")  # as an admin edit would
    out = io.StringIO()
    call_command("refresh_judgements", stdout=out)
    assert out.getvalue() == "1 judgement(s) rebuilt.\n"
    assert Judgement.objects.get(entry=peps).status == "red"
