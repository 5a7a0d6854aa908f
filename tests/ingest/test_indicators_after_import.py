"""After a return is stored the dashboard's indicator values are computed again, for every
year in the store, by whoever confirmed the import; if computing fails, the return stays
stored and the run says the indicators were not updated and how to update them."""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from careboard.accounts.models import User
from careboard.analytics.engine import compute
from careboard.analytics.indicators import REGISTRY
from careboard.analytics.ssda903.findings import WarningCount
from careboard.analytics.ssda903.store import Store
from careboard.analytics.ssda903.synth.generate import SynthRequest, generate
from careboard.core.models import AuditEvent
from careboard.indicators.models import CatalogueEntry, IndicatorValue, Judgement
from careboard.ingest.models import Status
from careboard.strategy.models import Plan
from tests.ingest.conftest import CHILDREN, YEAR, csv_files, latest_run, upload

FOSTER = "foster_placement_pct"  # % looked after at 31 March placed with foster carers
OUTSIDE = "placed_outside_la_pct"  # reads Episodes.PL_POST (as PL_LOCATION)
MOVES = "placement_moves_2plus_2yr_pct"  # reads the year before too


def entry(plan: Plan, order: int, code: str, polarity: str = "higher") -> CatalogueEntry:
    return CatalogueEntry.objects.create(
        plan=plan,
        order=order,
        strategy_wording=code.replace("_", " "),
        code=code,
        source="ssda903",
        unit="%",
        polarity=polarity,
        period="At 31 March",
    )


def import_year(client: Client, clean_return: Path, year: int) -> Any:
    """Upload the synthetic return for `year` and confirm it; the run page."""
    upload(client, csv_files(clean_return.parent / str(year)), year=year)
    run = latest_run()
    assert run.status == Status.CHECKED, run.message
    return client.post(reverse("ingest:confirm", args=[run.pk]), follow=True)


def test_confirming_a_return_records_its_indicator_values(
    analyst_client: Client, analyst: User, clean_return: Path, plan: Plan, settings: Any
) -> None:
    assert FOSTER in REGISTRY
    assert MOVES in REGISTRY
    foster = entry(plan, 1, FOSTER)
    moves = entry(plan, 2, MOVES, polarity="lower")

    page = import_year(analyst_client, clean_return, YEAR)

    run = latest_run()
    assert run.status == Status.IMPORTED
    assert run.message == (
        f"Stored {run.rows_stored:,} rows for 2024-25 (ending March 2025). "
        "Indicators recomputed: 2 values recorded, 0 unchanged."
    )
    assert escape(run.message) in page.content.decode()
    store = Store(settings.CAREBOARD_ANALYTICS_STORE)
    expected = compute(store.ibis(), YEAR, codes=[FOSTER])[FOSTER]
    value = IndicatorValue.objects.get(entry=foster, year=YEAR, is_current=True)
    assert (value.value, value.numerator, value.denominator) == (
        expected.value,
        expected.numerator,
        expected.denominator,
    )
    assert value.value is not None
    assert value.source == "computed"
    assert value.recorded_by == analyst
    assert value.period_label == "2024-25"
    assert Judgement.objects.filter(entry=foster, year=YEAR).exists()
    only_year = IndicatorValue.objects.get(entry=moves, year=YEAR)
    assert only_year.value is None  # 2023-24 is not stored yet
    assert only_year.flags == ["not_derivable"]


def test_a_later_import_recomputes_the_years_already_stored(
    analyst_client: Client, clean_return: Path, plan: Plan
) -> None:
    """Storing 2023-24 after 2024-25 gives 2024-25's two-year indicator the year it lacked."""
    moves = entry(plan, 1, MOVES, polarity="lower")
    import_year(analyst_client, clean_return, YEAR)
    assert IndicatorValue.objects.get(entry=moves, year=YEAR).value is None

    import_year(analyst_client, clean_return, YEAR - 1)

    run = latest_run()
    assert run.status == Status.IMPORTED
    assert "Indicators recomputed: 2 values recorded, 0 unchanged." in run.message
    now = IndicatorValue.objects.get(entry=moves, year=YEAR, is_current=True)
    assert now.value is not None
    assert now.flags == []
    assert IndicatorValue.objects.filter(entry=moves, year=YEAR).count() == 2  # history kept
    assert IndicatorValue.objects.filter(entry=moves, year=YEAR - 1, is_current=True).exists()


def test_the_worker_records_the_values_as_the_person_who_confirmed(
    analyst_client: Client, analyst: User, clean_return: Path, plan: Plan, settings: Any
) -> None:
    settings.CAREBOARD_IMPORTS_INLINE = False
    foster = entry(plan, 1, FOSTER)
    upload(analyst_client, csv_files(clean_return))
    call_command("run_imports", "--once", stdout=io.StringIO())
    analyst_client.post(reverse("ingest:confirm", args=[latest_run().pk]))

    call_command("run_imports", "--once", stdout=io.StringIO())

    assert latest_run().status == Status.IMPORTED
    value = IndicatorValue.objects.get(entry=foster, year=YEAR)
    assert value.recorded_by == analyst
    event = AuditEvent.objects.get(model="indicators.IndicatorValue", object_pk=str(value.pk))
    assert event.actor == analyst


def test_no_903_indicator_in_the_catalogue_says_so(
    analyst_client: Client, clean_return: Path
) -> None:
    import_year(analyst_client, clean_return, YEAR)

    run = latest_run()
    assert run.status == Status.IMPORTED
    assert run.message.endswith(
        "No indicator in the catalogue is computed from the 903 return, so no indicator "
        "values changed."
    )


def test_when_computing_fails_the_return_stays_stored_and_the_run_says_so(
    analyst_client: Client,
    clean_return: Path,
    plan: Plan,
    settings: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A catalogue entry with a polarity the RAG does not know (the database does not check
    choices, so a hand-edited or badly loaded catalogue can hold one) makes recording the
    judgements fail; no value is recorded, not even the good entry's."""
    foster = entry(plan, 1, FOSTER)
    broken = entry(plan, 2, MOVES, polarity="sideways")

    with caplog.at_level(logging.ERROR, logger="careboard.ingest.services"):
        page = import_year(analyst_client, clean_return, YEAR)

    run = latest_run()
    assert run.status == Status.IMPORTED
    assert run.message.startswith(f"Stored {run.rows_stored:,} rows for 2024-25")
    assert "The indicator values were not updated" in run.message
    assert "unknown polarity 'sideways'" in run.message
    assert "An administrator can update them by running manage.py compute_indicators." in (
        run.message
    )
    assert escape(run.message) in page.content.decode()
    assert Store(settings.CAREBOARD_ANALYTICS_STORE).years() == [YEAR]
    assert run.stored_rows["header"] > 0
    assert not IndicatorValue.objects.exists()
    assert any("computing the indicators failed" in r.message for r in caplog.records)

    # The advice works once the catalogue is put right.
    broken.polarity = "lower"
    broken.save()
    out = io.StringIO()
    call_command("compute_indicators", stdout=out)
    assert "2 value(s) recorded" in out.getvalue()
    assert IndicatorValue.objects.filter(entry=foster, year=YEAR).exists()


@pytest.fixture(scope="module")
def return_with_a_warning(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2024-25 return whose only finding is a warning on one episode's PL_POST (392d)."""
    out = tmp_path_factory.mktemp("synth-warning")
    generate(
        SynthRequest(
            children=CHILDREN,
            first_year=YEAR - 1,
            last_year=YEAR,
            seed=7,
            out=out,
            defects=("placed_at_home_postcode",),
        )
    )
    return out / str(YEAR)


def test_the_warnings_of_a_stored_return_qualify_the_values_they_concern(
    analyst_client: Client, return_with_a_warning: Path, plan: Plan, settings: Any
) -> None:
    foster = entry(plan, 1, FOSTER)
    outside = entry(plan, 2, OUTSIDE, polarity="contextual")

    import_year(analyst_client, return_with_a_warning, YEAR)

    run = latest_run()
    assert (run.status, run.errors, run.warnings) == (Status.IMPORTED, 0, 1)
    assert Store(settings.CAREBOARD_ANALYTICS_STORE).warnings() == [
        WarningCount(YEAR, "episodes", "PL_POST", "392d", 1)
    ]
    placed = IndicatorValue.objects.get(entry=outside, year=YEAR, is_current=True)
    assert "data_quality" in placed.flags
    assert placed.note.endswith(
        "1 validation warning in the 2024-25 return affects a field this figure uses: "
        "rule 392d on Episodes.PL_POST (1)"
    )
    fostered = IndicatorValue.objects.get(entry=foster, year=YEAR, is_current=True)
    assert "validation warning" not in fostered.note
    assert "data_quality" not in fostered.flags
