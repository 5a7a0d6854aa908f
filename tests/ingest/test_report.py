"""The validation report: counts by table and severity, findings in pages, filters, the CSV
download, and a record of everyone who read it (findings quote masked personal values)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from careboard.accounts.models import User
from careboard.core.models import AuditEvent
from careboard.ingest.models import ImportFinding, ImportRun, ReportView, Status
from careboard.ingest.views import FINDINGS_PER_PAGE
from tests.ingest.conftest import latest_run, upload

CHILDREN = 120


@pytest.fixture
def run_with_findings(analyst_client: Client, tmp_path: Path) -> ImportRun:
    """A Header table whose 120 children all have SEX 9, which no year's code list holds."""
    header = tmp_path / "header.csv"
    lines = ["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"]
    lines += [f"C{n:07d},9,01/05/2012,WBRI,UN1,," for n in range(CHILDREN)]
    header.write_text("\r\n".join(lines) + "\r\n")
    upload(analyst_client, [header])
    run = latest_run()
    assert run.status == Status.REFUSED
    return run


def _csv(client: Client, run: ImportRun, query: str = "") -> list[dict[str, str]]:
    response = client.get(reverse("ingest:findings_csv", args=[run.pk]) + query)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    return list(csv.DictReader(io.StringIO(text)))


def test_every_child_with_a_bad_sex_code_is_listed_at_its_row(
    analyst_client: Client, run_with_findings: ImportRun
) -> None:
    rows = _csv(analyst_client, run_with_findings, "?table=header")
    sex = [r for r in rows if r["column"] == "SEX"]

    assert [int(r["row"]) for r in sex] == list(range(2, CHILDREN + 2))  # header is line 1
    assert {r["severity"] for r in sex} == {"error"}
    assert {r["value"] for r in sex} == {"9"}


def test_findings_come_in_pages_errors_first(
    analyst_client: Client, run_with_findings: ImportRun
) -> None:
    total = run_with_findings.findings.count()
    assert total > 2 * FINDINGS_PER_PAGE
    url = reverse("ingest:run", args=[run_with_findings.pk])

    first = analyst_client.get(url).content.decode()
    last_page = (total + FINDINGS_PER_PAGE - 1) // FINDINGS_PER_PAGE
    last = analyst_client.get(f"{url}?page={last_page}").content.decode()

    assert f"Findings 1 to {FINDINGS_PER_PAGE} of {total}" in first
    assert first.count('<td class="govuk-table__cell">SEX</td>') == FINDINGS_PER_PAGE
    assert f"of {total}" in last
    assert 'rel="next"' not in last


def test_filters_narrow_the_page_and_the_download_alike(
    analyst_client: Client, run_with_findings: ImportRun
) -> None:
    errors = run_with_findings.findings.filter(severity="error").count()
    warnings = run_with_findings.findings.filter(severity="warning").count()
    url = reverse("ingest:run", args=[run_with_findings.pk])

    page = analyst_client.get(f"{url}?severity=warning").content.decode()

    assert f"of {warnings}" in page or warnings == 0
    assert len(_csv(analyst_client, run_with_findings, "?severity=error")) == errors
    assert len(_csv(analyst_client, run_with_findings, "?severity=warning")) == warnings
    everything = len(_csv(analyst_client, run_with_findings, "?severity=nonsense"))
    assert everything == errors + warnings


def test_the_counts_table_totals_the_findings(
    analyst_client: Client, run_with_findings: ImportRun
) -> None:
    page = analyst_client.get(reverse("ingest:run", args=[run_with_findings.pk]))
    header_counts = next(row for row in page.context["counts"] if row["key"] == "header")
    assert (
        header_counts["errors"]
        == ImportFinding.objects.filter(
            run=run_with_findings, table="header", severity="error"
        ).count()
    )
    assert header_counts["errors"] >= CHILDREN


def test_reading_or_downloading_the_report_is_recorded(
    analyst_client: Client, analyst: User, run_with_findings: ImportRun
) -> None:
    ReportView.objects.all().delete()  # the upload's redirect showed the report once

    analyst_client.get(reverse("ingest:run", args=[run_with_findings.pk]))
    _csv(analyst_client, run_with_findings)

    seen = list(ReportView.objects.order_by("at", "id").values_list("viewer", "how"))
    assert seen == [(analyst.pk, "page"), (analyst.pk, "csv")]
    assert AuditEvent.objects.filter(model="ingest.ReportView").count() >= 2


def test_cancelling_discards_the_files_and_the_findings(
    analyst_client: Client, run_with_findings: ImportRun, settings: Any
) -> None:
    folder = Path(settings.CAREBOARD_IMPORT_DIR) / run_with_findings.folder
    assert folder.exists()

    analyst_client.post(reverse("ingest:cancel", args=[run_with_findings.pk]))

    run_with_findings.refresh_from_db()
    assert run_with_findings.status == Status.CANCELLED
    assert not folder.exists()
    assert run_with_findings.findings.count() == 0
    assert run_with_findings.files_removed_at is not None
    assert run_with_findings.errors > 0  # the counts stay in the history


def test_clean_imports_removes_old_files_but_keeps_the_history(
    run_with_findings: ImportRun, settings: Any
) -> None:
    folder = Path(settings.CAREBOARD_IMPORT_DIR) / run_with_findings.folder

    call_command("clean_imports", "--days", "1")
    assert folder.exists()  # ended today: kept

    call_command("clean_imports", "--days", "-1")  # everything ended "before tomorrow"
    run_with_findings.refresh_from_db()
    assert not folder.exists()
    assert run_with_findings.findings.count() == 0
    assert run_with_findings.status == Status.REFUSED
    assert ImportRun.objects.count() == 1
