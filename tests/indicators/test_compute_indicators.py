"""`manage.py compute_indicators` over a small synthetic store built in the test."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from careboard.accounts.models import Role
from careboard.analytics.engine import compute
from careboard.analytics.ssda903.findings import WarningCount
from careboard.analytics.ssda903.store import Store
from careboard.core.models import AuditEvent
from careboard.indicators.models import CatalogueEntry, IndicatorValue, Judgement
from careboard.indicators.records import set_target
from tests.analytics.indicators.builders import child, episode, tables


@pytest.fixture
def store(synthetic_store: Path) -> Path:
    return synthetic_store


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("compute_indicators", *args, stdout=out)
    return out.getvalue()


def test_values_match_the_engine_and_a_second_run_changes_nothing(
    store: Path, foster: CatalogueEntry, peps: CatalogueEntry
) -> None:
    set_target(foster, 2026, 60, 5, reason="", by="t")
    output = _run("--store", str(store))

    expected = compute(Store(store).ibis(), 2026, codes=["foster_placement_pct"])
    result = expected["foster_placement_pct"]
    row = IndicatorValue.objects.get(entry=foster, year=2026, is_current=True)
    assert (row.value, row.numerator, row.denominator) == (
        result.value,
        result.numerator,
        result.denominator,
    )
    assert row.source == "computed"
    assert row.recorded_by_label == "compute_indicators"
    assert row.period_label == "2025-26"
    assert IndicatorValue.objects.filter(entry=foster).count() == 2  # 2025 and 2026
    assert not IndicatorValue.objects.filter(entry=peps).exists()  # manual: not computed
    assert "Years 2025, 2026: 1 catalogue entries, 2 value(s) recorded, 0 unchanged" in output
    assert "Computed indicators not in any catalogue (not recorded): " in output
    assert "cla_starters" in output.split("not in any catalogue")[1]
    judgement = Judgement.objects.get(entry=foster, year=2026)
    assert judgement.status in ("green", "amber", "red")
    assert judgement.previous_value == IndicatorValue.objects.get(entry=foster, year=2025).value

    events = AuditEvent.objects.count()
    again = _run("--store", str(store))
    assert "0 value(s) recorded, 2 unchanged" in again
    assert AuditEvent.objects.count() == events
    assert IndicatorValue.objects.filter(entry=foster).count() == 2


def test_years_can_be_chosen_and_missing_ones_are_refused(
    store: Path, foster: CatalogueEntry
) -> None:
    _run("--store", str(store), "--years", "2026")
    assert list(IndicatorValue.objects.values_list("year", flat=True)) == [2026]
    with pytest.raises(CommandError, match="Not in the store: 2019"):
        _run("--store", str(store), "--years", "2019")


def test_an_indicator_needing_an_earlier_year_is_stored_as_not_derivable(
    store: Path, plan: object, foster: CatalogueEntry
) -> None:
    # placement_moves_2plus_2yr_pct reads the previous year too; 2025 has no 2024 behind it.
    moves = CatalogueEntry.objects.create(
        plan=foster.plan,
        order=9,
        strategy_wording="% CLA with 2+ placement moves in previous 2 years",
        code="placement_moves_2plus_2yr_pct",
        source="ssda903",
        unit="%",
        polarity="lower",
    )
    _run("--store", str(store))
    early = IndicatorValue.objects.get(entry=moves, year=2025)
    assert early.value is None
    assert early.flags == ["not_derivable"]
    assert "2024" in early.note
    assert IndicatorValue.objects.get(entry=moves, year=2026).value is not None


def test_catalogue_codes_the_registry_does_not_know_are_reported(
    store: Path, foster: CatalogueEntry
) -> None:
    CatalogueEntry.objects.create(
        plan=foster.plan,
        order=10,
        strategy_wording="Something new",
        code="made_up_903_measure",
        source="ssda903",
        unit="%",
        polarity="higher",
    )
    output = _run("--store", str(store))
    assert "registry cannot compute: made_up_903_measure" in output


def test_no_store_is_a_clear_error(tmp_path: Path, db: None) -> None:
    with pytest.raises(CommandError, match="No analytics store"):
        _run("--store", str(tmp_path / "absent.duckdb"))


PLACE_WARNING = WarningCount(2025, "episodes", "PLACE", "383", 1)
PLACE_CAVEAT = (
    "1 validation warning in the 2024-25 return affects a field this figure uses: "
    "rule 383 on Episodes.PLACE (1)"
)


def test_validation_warnings_kept_in_the_store_are_recorded_with_the_values(
    tmp_path: Path, foster: CatalogueEntry, client_as: Callable[[Role], Client]
) -> None:
    # foster_placement_pct reads Episodes.PLACE; cla_count_31mar reads DECOM, DEC and LS.
    counted = CatalogueEntry.objects.create(
        plan=foster.plan,
        order=9,
        strategy_wording="Children looked after at 31 March",
        code="cla_count_31mar",
        source="ssda903",
        unit="count",
        polarity="contextual",
    )
    path = tmp_path / "store.duckdb"
    year_2025 = tables(child("C1"), episode("C1", "2024-06-01", place="U1"), year=2025)
    Store(path).load(2025, year_2025, warnings=[PLACE_WARNING])
    _run("--store", str(path))

    row = IndicatorValue.objects.get(entry=foster, year=2025, is_current=True)
    assert (row.value, row.numerator, row.denominator) == (100.0, 1, 1)
    assert row.flags == ["data_quality"]
    assert row.note == PLACE_CAVEAT
    other = IndicatorValue.objects.get(entry=counted, year=2025, is_current=True)
    assert (other.value, other.flags, other.note) == (1.0, [], "")
    page = client_as(Role.PERFORMANCE_ANALYST).get("/indicators/foster_placement_pct/")
    assert f"Data-quality caveat: {PLACE_CAVEAT}" in page.content.decode()

    # The return imported again without the warning: the figure is recorded again, clean.
    Store(path).load(2025, year_2025)
    assert "1 value(s) recorded, 1 unchanged" in _run("--store", str(path))
    row = IndicatorValue.objects.get(entry=foster, year=2025, is_current=True)
    assert (row.value, row.flags, row.note) == (100.0, [], "")
