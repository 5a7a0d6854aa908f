"""A return with defects injected by `careboard synth --defects` (issue 4, Synthetic data):
each defect is reported at the manifest's row and column, and the return cannot be stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.test import Client
from django.urls import reverse

from careboard.analytics.ssda903.store import Store
from careboard.ingest.models import ImportFinding, Status
from tests.ingest.conftest import csv_files, latest_run, upload


def test_each_injected_defect_is_found_where_the_manifest_says(
    analyst_client: Client, defective_return: tuple[Path, list[dict[str, Any]]]
) -> None:
    folder, defects = defective_return
    assert {d["defect"] for d in defects} == {
        "bad_code",
        "overlapping_episodes",
        "episode_without_header",
    }

    page = upload(analyst_client, csv_files(folder))

    run = latest_run()
    assert run.status == Status.REFUSED
    assert run.errors > 0
    for defect in defects:
        at = ImportFinding.objects.filter(
            run=run, table=defect["table"], row=defect["row"], column=defect["column"]
        )
        assert at.exists(), f"{defect['defect']}: nothing at row {defect['row']}"
    html = page.content.decode()
    assert 'id="confirm"' not in html
    assert 'id="cancel"' in html


def test_a_refused_return_cannot_be_confirmed_even_by_a_forged_post(
    analyst_client: Client,
    defective_return: tuple[Path, list[dict[str, Any]]],
    settings: Any,
) -> None:
    upload(analyst_client, csv_files(defective_return[0]))
    run = latest_run()

    page = analyst_client.post(reverse("ingest:confirm", args=[run.pk]), follow=True)

    run.refresh_from_db()
    assert run.status == Status.REFUSED
    assert "cannot be confirmed now: it has errors" in page.content.decode()
    assert Store(settings.CAREBOARD_ANALYTICS_STORE).years() == []


def test_the_bad_code_is_shown_unmasked_but_the_child_is_masked(
    analyst_client: Client, defective_return: tuple[Path, list[dict[str, Any]]]
) -> None:
    """PLACE is not personal data, CHILD is (findings.mask keeps the first character)."""
    folder, defects = defective_return
    upload(analyst_client, csv_files(folder))
    run = latest_run()

    bad_code = next(d for d in defects if d["defect"] == "bad_code")
    place = ImportFinding.objects.get(run=run, row=bad_code["row"], column="PLACE", rule_id="146")
    assert place.value == "U9"
    child = ImportFinding.objects.filter(run=run, column="CHILD").exclude(value="").first()
    assert child is not None
    assert child.value.startswith("C")
    assert set(child.value[1:]) == {"•"}


def test_a_refused_return_offers_to_upload_a_corrected_one_for_the_same_year(
    analyst_client: Client, defective_return: tuple[Path, list[dict[str, Any]]]
) -> None:
    page = upload(analyst_client, csv_files(defective_return[0]))
    again = reverse("ingest:upload") + "?year=2025"
    assert f'href="{again}"' in page.content.decode()

    form = analyst_client.get(again).content.decode()

    assert '<option value="2025" selected>' in form
