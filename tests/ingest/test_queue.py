"""Checking and storing off the request: with CAREBOARD_IMPORTS_INLINE off, the upload only
queues the run and `manage.py run_imports` does the work; progress is written as rows are
read; a failed store leaves the data stored before in use."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from careboard.analytics.ssda903.reader import read_return
from careboard.analytics.ssda903.store import Store
from careboard.ingest import services
from careboard.ingest.models import ImportRun, Status
from tests.ingest.conftest import YEAR, csv_files, latest_run, upload


def test_without_inline_the_worker_checks_and_stores(
    analyst_client: Client, clean_return: Path, settings: Any
) -> None:
    settings.CAREBOARD_IMPORTS_INLINE = False

    waiting = upload(analyst_client, csv_files(clean_return))

    run = latest_run()
    assert run.status == Status.UPLOADED
    html = waiting.content.decode()
    assert '<meta http-equiv="refresh" content="3">' in html
    assert waiting["Refresh"] == "3"

    call_command("run_imports", "--once")
    run.refresh_from_db()
    assert run.status == Status.CHECKED
    checked = analyst_client.get(reverse("ingest:run", args=[run.pk]))
    assert "http-equiv" not in checked.content.decode()
    assert not checked.has_header("Refresh")

    analyst_client.post(reverse("ingest:confirm", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == Status.CONFIRMED
    assert Store(settings.CAREBOARD_ANALYTICS_STORE).years() == []

    call_command("run_imports", "--once")
    run.refresh_from_db()
    assert run.status == Status.IMPORTED
    assert Store(settings.CAREBOARD_ANALYTICS_STORE).years() == [YEAR]


def test_a_run_is_checked_once_however_often_it_is_asked(
    analyst_client: Client, clean_return: Path, settings: Any
) -> None:
    settings.CAREBOARD_IMPORTS_INLINE = False
    upload(analyst_client, csv_files(clean_return))
    run = latest_run()
    second_look = ImportRun.objects.get(pk=run.pk)  # another worker's copy

    assert services.check(run) is True
    assert services.check(second_look) is False
    assert run.findings.count() == ImportRun.objects.get(pk=run.pk).findings.count()


def test_rows_read_are_written_while_reading(
    analyst_client: Client, clean_return: Path, settings: Any, monkeypatch: Any
) -> None:
    """Every progress call is written when the interval is nil: the rows read grow."""
    settings.CAREBOARD_IMPORTS_INLINE = False
    monkeypatch.setattr(services, "PROGRESS_EVERY_SECONDS", 0.0)
    upload(analyst_client, csv_files(clean_return))
    run = latest_run()

    with CaptureQueriesContext(connection) as queries:
        services.check(run)

    written = [
        int(match.group(1))
        for query in queries.captured_queries
        if (match := re.search(r'SET "rows_read" = (\d+)', query["sql"]))
    ]
    total = read_return(csv_files(clean_return), YEAR).row_count
    assert len(written) >= len(csv_files(clean_return))  # at least once per file
    assert written == sorted(written)
    assert written[-1] <= total
    run.refresh_from_db()
    assert run.rows_read == total


def test_a_failed_store_keeps_the_previous_data(
    analyst_client: Client, clean_return: Path, settings: Any
) -> None:
    upload(analyst_client, csv_files(clean_return.parent / str(YEAR - 1)), year=YEAR - 1)
    analyst_client.post(reverse("ingest:confirm", args=[latest_run().pk]))
    store = Store(settings.CAREBOARD_ANALYTICS_STORE)
    assert store.years() == [YEAR - 1]
    before = store.path.read_bytes()

    upload(analyst_client, csv_files(clean_return))
    settings.CAREBOARD_PSEUDONYM_KEY = "short"  # refused by minimise.check_key
    page = analyst_client.post(reverse("ingest:confirm", args=[latest_run().pk]), follow=True)

    run = latest_run()
    assert run.status == Status.FAILED
    assert "The data imported before is still in use" in page.content.decode()
    assert store.years() == [YEAR - 1]
    assert store.path.read_bytes() == before


def test_the_worker_fails_runs_left_half_done(
    analyst_client: Client, tmp_path: Path, settings: Any
) -> None:
    settings.CAREBOARD_IMPORTS_INLINE = False
    header = tmp_path / "header.csv"
    header.write_text("CHILD,SEX\r\n")
    upload(analyst_client, [header])
    run = latest_run()
    three_hours_ago = timezone.now() - datetime.timedelta(hours=3)
    ImportRun.objects.filter(pk=run.pk).update(status=Status.CHECKING, started_at=three_hours_ago)

    call_command("run_imports", "--once", "--stale", "120")

    run.refresh_from_db()
    assert run.status == Status.FAILED
    assert "stopped part-way" in run.message
