"""Staff pages for 903 imports: history, upload, a run's progress and report, confirm, cancel.

Analysts and administrators import (`ingest.import`); auditors may also read the history and
reports (`ingest.view`). Every look at a run's findings is recorded as a ReportView, because
findings quote (masked) values from children's records.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from typing import Any, cast

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from careboard.accounts.permissions import has_permission, requires, signed_in_user
from careboard.analytics.ssda903.findings import Severity
from careboard.ingest import conf, services, uploads
from careboard.ingest.forms import UploadForm, latest_year
from careboard.ingest.models import ImportFinding, ImportRun, ReportView, Status
from careboard.strategy.exports import neutralise

FINDINGS_PER_PAGE = 50
RUNS_PER_PAGE = 25
REFRESH_SECONDS = 3
CSV_COLUMNS = ("severity", "rule_id", "table", "file", "row", "column", "value", "message")


@requires("ingest.view")
def history(request: HttpRequest) -> HttpResponse:
    runs = ImportRun.objects.select_related("uploaded_by", "confirmed_by")
    page = Paginator(runs, RUNS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "ingest/history.html",
        {"page": page, "can_import": has_permission(request.user, "ingest.import")},
    )


@csrf_exempt  # only so the upload handlers can be swapped first; _upload checks CSRF
@requires("ingest.import")
def upload(request: HttpRequest) -> HttpResponse:
    request.upload_handlers = uploads.upload_handlers(request)
    return _upload(request)


@csrf_protect
def _upload(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES, too_big=uploads.was_too_big(request))
        if form.is_valid():
            kept = uploads.keep(form.cleaned_data["uploads"])
            run = services.create_run(signed_in_user(request), form.cleaned_data["year"], kept)
            if conf.inline():
                services.check(run)
            return redirect("ingest:run", run=run.pk)
    else:
        year = request.GET.get("year", "")
        chosen = int(year) if year.isdigit() else latest_year(timezone.localdate())
        form = UploadForm(initial={"year": chosen})
    return render(request, "ingest/upload.html", {"form": form, "max_bytes": conf.max_bytes()})


def _filters(request: HttpRequest, run: ImportRun) -> dict[str, str]:
    """The severity and table asked for, when they are ones the run has."""
    tables = set(run.findings.values_list("table", flat=True).distinct())
    chosen = {}
    severity = request.GET.get("severity", "")
    if severity in {s.value for s in Severity}:
        chosen["severity"] = severity
    table = request.GET.get("table", "")
    if table in tables:
        chosen["table"] = table
    return chosen


def _filtered(run: ImportRun, filters: dict[str, str]) -> QuerySet[ImportFinding]:
    findings = run.findings.all()
    if "severity" in filters:
        findings = findings.filter(severity=filters["severity"])
    if "table" in filters:
        findings = findings.filter(table=filters["table"])
    return findings.order_by("severity", "table", "row", "id")  # "error" sorts first


def _counts(run: ImportRun) -> list[dict[str, Any]]:
    """Findings per table and severity, tables with the most errors first."""
    by_table: dict[str, Counter[str]] = {}
    grouped = run.findings.values("table", "severity").annotate(n=Count("id"))
    for row in grouped:
        by_table.setdefault(row["table"], Counter())[row["severity"]] = row["n"]
    return [
        {
            "table": table or "(whole return)",
            "key": table,
            "errors": c["error"],
            "warnings": c["warning"],
        }
        for table, c in sorted(by_table.items(), key=lambda kv: (-kv[1]["error"], kv[0]))
    ]


@requires("ingest.view")
def run_detail(request: HttpRequest, run: int) -> HttpResponse:
    import_run = get_object_or_404(
        ImportRun.objects.select_related("uploaded_by", "confirmed_by"), pk=run
    )
    shows_report = import_run.checked_at is not None and import_run.files_removed_at is None
    context: dict[str, Any] = {
        "run": import_run,
        "refresh_seconds": REFRESH_SECONDS if import_run.is_working else None,
        "can_import": has_permission(request.user, "ingest.import"),
        "shows_report": shows_report,
        "changes": _changes_since_last_import(import_run),
    }
    if shows_report:
        filters = _filters(request, import_run)
        findings = _filtered(import_run, filters)
        page = Paginator(findings, FINDINGS_PER_PAGE).get_page(request.GET.get("page"))
        counts = _counts(import_run)
        context.update(
            counts=counts,
            page=page,
            filters=filters,
            query="&".join(f"{k}={v}" for k, v in filters.items()),
            severities=[s.value for s in Severity],
            tables=[c["key"] for c in counts if c["key"]],
        )
        ReportView.objects.create(
            run=import_run, viewer=signed_in_user(request), how=ReportView.How.PAGE
        )
    response = render(request, "ingest/run.html", context)
    if import_run.is_working:
        response["Refresh"] = str(REFRESH_SECONDS)  # same as the page's meta refresh
    return response


def _changes_since_last_import(run: ImportRun) -> dict[str, Any] | None:
    """Rows per table in this return beside those stored by the year's last import."""
    if run.status not in (Status.CHECKED, Status.CONFIRMED, Status.IMPORTED):
        return None
    last = (
        ImportRun.objects.filter(year=run.year, status=Status.IMPORTED, pk__lt=run.pk)
        .order_by("-pk")
        .first()
    )
    if last is None:
        return None
    tables = sorted(set(run.rows_by_table) | set(last.stored_rows))
    return {
        "last": last,
        "rows": [
            {
                "table": table,
                "before": last.stored_rows.get(table, 0),
                "now": run.rows_by_table.get(table, 0),
                "difference": run.rows_by_table.get(table, 0) - last.stored_rows.get(table, 0),
            }
            for table in tables
        ],
    }


def _csv_rows(findings: QuerySet[ImportFinding]) -> Iterator[str]:
    class Line:
        def write(self, text: str) -> str:
            return text

    writer = csv.writer(Line())
    yield writer.writerow(CSV_COLUMNS)
    for f in findings.iterator(chunk_size=2000):
        cells = [f.severity, f.rule_id, f.table, f.file, f.row, f.column, f.value, f.message]
        yield writer.writerow(
            [neutralise(c) if isinstance(c, str) else ("" if c is None else c) for c in cells]
        )


@requires("ingest.view")
def findings_csv(request: HttpRequest, run: int) -> HttpResponse:
    import_run = get_object_or_404(ImportRun, pk=run)
    findings = _filtered(import_run, _filters(request, import_run))
    ReportView.objects.create(
        run=import_run, viewer=signed_in_user(request), how=ReportView.How.CSV
    )
    response = StreamingHttpResponse(_csv_rows(findings), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="import-{import_run.pk}-{import_run.year}-findings.csv"'
    )
    # @requires is typed for HttpResponse; a streamed response is served the same way.
    return cast(HttpResponse, response)


@require_POST
@requires("ingest.import")
def confirm(request: HttpRequest, run: int) -> HttpResponse:
    import_run = get_object_or_404(ImportRun, pk=run)
    if not services.confirm(import_run, signed_in_user(request)):
        messages.error(request, "This import cannot be confirmed now: " + _why_not(import_run))
        return redirect("ingest:run", run=import_run.pk)
    if conf.inline():
        services.store(import_run)  # the run page then says how it went
    return redirect("ingest:run", run=import_run.pk)


@require_POST
@requires("ingest.import")
def cancel(request: HttpRequest, run: int) -> HttpResponse:
    import_run = get_object_or_404(ImportRun, pk=run)
    if services.cancel(import_run):
        messages.success(request, "Import cancelled and its files discarded.")
        return redirect("ingest:history")
    messages.error(request, "This import cannot be cancelled now: " + _why_not(import_run))
    return redirect("ingest:run", run=import_run.pk)


def _why_not(run: ImportRun) -> str:
    run.refresh_from_db()
    if run.errors:
        return "it has errors."
    return f"it is {run.get_status_display().lower()}."
