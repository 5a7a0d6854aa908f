"""Journey 3 (product.md), on a clean synthetic return: upload, read the report, confirm, and
find the year in the analytics store; the history says who did it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.test import Client
from django.urls import reverse

from careboard.accounts.models import User
from careboard.analytics.ssda903.reader import read_return
from careboard.analytics.ssda903.store import Store
from careboard.core.models import AuditEvent
from careboard.ingest.models import ImportRun, Status
from tests.ingest.conftest import YEAR, csv_files, latest_run, upload


def test_a_clean_return_is_checked_then_stored_on_confirm(
    analyst_client: Client, analyst: User, clean_return: Path, settings: Any
) -> None:
    expected_rows = read_return(csv_files(clean_return), YEAR).row_count

    page = upload(analyst_client, csv_files(clean_return))

    run = latest_run()
    assert page.status_code == 200
    assert page.redirect_chain[-1][0] == reverse("ingest:run", args=[run.pk])
    assert run.status == Status.CHECKED
    assert run.errors == 0
    assert run.rows_read == expected_rows == run.rows_checked
    assert run.uploaded_by == analyst
    assert run.files == [
        {"name": path.name, "size": path.stat().st_size} for path in csv_files(clean_return)
    ]
    html = page.content.decode()
    assert 'id="confirm"' in html
    assert "2024-25 (ending March 2025)" in html
    assert Store(settings.CAREBOARD_ANALYTICS_STORE).years() == []  # nothing stored yet

    stored = analyst_client.post(reverse("ingest:confirm", args=[run.pk]), follow=True)

    run.refresh_from_db()
    assert stored.status_code == 200
    assert run.status == Status.IMPORTED
    assert run.confirmed_by == analyst
    store = Store(settings.CAREBOARD_ANALYTICS_STORE)
    assert store.years() == [YEAR]
    with store.connect_readonly() as con:
        found = con.execute("SELECT count(*) FROM by_year.header WHERE year = ?", [YEAR]).fetchone()
    assert found is not None
    (children,) = found
    assert children == read_return(csv_files(clean_return), YEAR).table("header").num_rows
    assert run.stored_rows["header"] == children
    assert 'id="confirm"' not in stored.content.decode()


def test_the_history_shows_who_imported_what_and_the_trail_records_it(
    analyst_client: Client, analyst: User, clean_return: Path
) -> None:
    upload(analyst_client, csv_files(clean_return))
    run = latest_run()
    analyst_client.post(reverse("ingest:confirm", args=[run.pk]))

    history = analyst_client.get(reverse("ingest:history")).content.decode()

    assert f"Import {run.pk}" in history
    assert "2024-25 (ending March 2025)" in history
    assert "Imported" in history
    assert f"confirmed by {analyst}" in history
    statuses = [
        (event.after or {}).get("status")
        for event in AuditEvent.objects.filter(model="ingest.ImportRun", object_pk=str(run.pk))
    ]
    assert statuses == ["uploaded", "checked", "confirmed", "imported"]


def test_a_zip_of_the_return_imports_like_its_files(
    analyst_client: Client, clean_return: Path, tmp_path: Path
) -> None:
    import zipfile

    archive = tmp_path / "return-2025.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for path in csv_files(clean_return):
            out.write(path, path.name)

    upload(analyst_client, [archive])

    run = latest_run()
    assert run.status == Status.CHECKED
    assert run.rows_read == read_return(csv_files(clean_return), YEAR).row_count
    assert ImportRun.objects.count() == 1


def test_a_second_import_of_a_year_says_what_changes(
    analyst_client: Client, clean_return: Path
) -> None:
    """The same return again: every table has as many rows as the last import stored."""
    upload(analyst_client, csv_files(clean_return))
    first = latest_run()
    analyst_client.post(reverse("ingest:confirm", args=[first.pk]))
    first.refresh_from_db()

    page = upload(analyst_client, csv_files(clean_return))

    changes = page.context["changes"]
    assert changes["last"] == first
    assert {row["table"] for row in changes["rows"]} >= {"header", "episodes"}
    for row in changes["rows"]:
        assert row["before"] == first.stored_rows.get(row["table"], 0)
        assert row["now"] == latest_run().rows_by_table.get(row["table"], 0)
        assert row["difference"] == row["now"] - row["before"] == 0
    assert 'id="changes"' in page.content.decode()


def test_the_dfe_xml_file_imports_like_the_csv_tables(
    analyst_client: Client, clean_return: Path, settings: Any
) -> None:
    (xml,) = clean_return.glob("*.xml")

    upload(analyst_client, [xml])
    run = latest_run()
    assert run.status == Status.CHECKED
    assert (
        run.rows_by_table["episodes"] == read_return(clean_return / "episodes.csv", YEAR).row_count
    )
    analyst_client.post(reverse("ingest:confirm", args=[run.pk]))

    run.refresh_from_db()
    assert run.status == Status.IMPORTED
    assert Store(settings.CAREBOARD_ANALYTICS_STORE).years() == [YEAR]
