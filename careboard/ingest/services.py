"""What an import does, step by step, on the same analytics functions as `careboard import`.

`check(run)` reads and validates the uploaded files and keeps the findings; `store(run)`
reads them again, checks again, minimises and loads the year into the analytics store with
its warnings counted by table, column and rule (`findings.warning_counts`), which replaces
the year atomically (the previous data stays live if anything fails), then records
the indicator values of every year in the store again, as `manage.py compute_indicators`
does. Each step first claims the run by moving its status on in one UPDATE, so two workers
never take the same run. Nothing raised inside a step escapes it: the run ends in `failed`
with a message, except that a failure to compute the indicators after the data is stored
leaves the run imported, with a message saying the indicators were not updated.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from careboard.analytics.ssda903.findings import Finding, warning_counts
from careboard.analytics.ssda903.minimise import check_key, minimise
from careboard.analytics.ssda903.reader import RawReturn, read_return
from careboard.analytics.ssda903.store import Store
from careboard.analytics.ssda903.validate import validate_return
from careboard.core.audit_context import acting_as
from careboard.indicators.computed import ComputeReport, compute_indicators
from careboard.ingest import conf, uploads
from careboard.ingest.models import ImportFinding, ImportRun, Status

log = logging.getLogger(__name__)

PROGRESS_EVERY_SECONDS = 1.0
FINDINGS_BATCH = 2000
VALUE_LENGTH = ImportFinding._meta.get_field("value").max_length or 200


def create_run(user: Any, year: int, kept: uploads.KeptFiles) -> ImportRun:
    return ImportRun.objects.create(
        uploaded_by=user, year=year, folder=kept.folder, files=kept.files
    )


# checking ---------------------------------------------------------------------------------
class _ProgressWriter:
    """The reader's progress(file, rows) callback: rows read so far, written now and then."""

    def __init__(self, run_pk: int) -> None:
        self.run_pk = run_pk
        self.done_before = 0  # rows of files already finished
        self.file: str | None = None
        self.rows = 0
        self.last_write = 0.0

    def __call__(self, file: str, rows: int) -> None:
        if file != self.file:
            self.done_before += self.rows
            self.file = file
        self.rows = rows
        now = time.monotonic()
        if now - self.last_write >= PROGRESS_EVERY_SECONDS:
            self.last_write = now
            ImportRun.objects.filter(pk=self.run_pk).update(rows_read=self.done_before + rows)


def _claim(run: ImportRun, before: Status, after: Status, **fields: Any) -> bool:
    claimed = ImportRun.objects.filter(pk=run.pk, status=before).update(status=after, **fields)
    if claimed:
        run.refresh_from_db()
    return bool(claimed)


def _read(run: ImportRun, progress: Callable[[str, int], None] | None = None) -> RawReturn:
    folder = uploads.folder_of(run.folder)
    paths = [folder / str(f["name"]) for f in run.files]
    return read_return(paths[0] if len(paths) == 1 else paths, run.year, progress=progress)


def _all_findings(raw: RawReturn) -> list[Finding]:
    findings = list(raw.findings)
    if not raw.has_errors:
        findings.extend(validate_return(raw, raw.year))
    return findings


def check(run: ImportRun) -> bool:
    """Check an uploaded run; False when somebody else has already taken it."""
    if not _claim(run, Status.UPLOADED, Status.CHECKING, started_at=timezone.now()):
        return False
    started = time.perf_counter()
    try:
        raw = _read(run, _ProgressWriter(run.pk))
        rows_by_table = {table: data.num_rows for table, data in raw.tables.items()}
        ImportRun.objects.filter(pk=run.pk).update(
            rows_read=raw.row_count, rows_by_table=rows_by_table
        )
        findings = _all_findings(raw)
        _keep_findings(run, findings)
        severities = Counter(f.severity.value for f in findings)
        run.refresh_from_db()
        run.rows_checked = raw.row_count if not raw.has_errors else 0
        run.errors = severities["error"]
        run.warnings = severities["warning"]
        run.status = Status.REFUSED if run.errors else Status.CHECKED
        run.message = _check_message(run)
    except Exception as problem:
        log.exception("import %s: checking failed", run.pk)
        run.refresh_from_db()
        run.status = Status.FAILED
        run.message = f"Checking stopped because of a problem in careboard: {problem}"
        run.finished_at = timezone.now()
    run.checked_at = timezone.now()
    run.check_seconds = round(time.perf_counter() - started, 2)
    if run.status == Status.REFUSED:
        run.finished_at = run.checked_at
    run.save()
    return True


def _check_message(run: ImportRun) -> str:
    if run.errors:
        return (
            f"{run.errors:,} error(s) block this import. Fix them in the case management "
            "system's extract and upload the return again."
        )
    if run.warnings:
        return f"No errors; {run.warnings:,} warning(s) to read before you confirm."
    return "No errors or warnings."


def _keep_findings(run: ImportRun, findings: Iterable[Finding]) -> None:
    rows = (
        ImportFinding(
            run=run,
            rule_id=f.rule_id[:40],
            severity=f.severity.value,
            table=f.table or "",
            file=(f.file or "")[:255],
            row=f.row,
            column=(f.column or "")[:64],
            value=(f.value or "")[:VALUE_LENGTH],
            message=f.message,
        )
        for f in findings
    )
    with transaction.atomic():
        ImportFinding.objects.filter(run=run).delete()
        for batch in _batches(rows, FINDINGS_BATCH):
            ImportFinding.objects.bulk_create(batch)


def _batches(items: Iterable[ImportFinding], size: int) -> Iterator[list[ImportFinding]]:
    batch: list[ImportFinding] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


# confirming and storing -------------------------------------------------------------------
def confirm(run: ImportRun, user: Any) -> bool:
    """Queue a checked run for storing; False if it is not (or no longer) checked."""
    with transaction.atomic():
        locked = _locked(run, Status.CHECKED)
        if locked is None or locked.errors:
            return False
        locked.status = Status.CONFIRMED
        locked.confirmed_by = user
        locked.confirmed_at = timezone.now()
        locked.save()  # a save, not an UPDATE, so the audit trail records who confirmed
    run.refresh_from_db()
    return True


def _locked(run: ImportRun, status: Status) -> ImportRun | None:
    return ImportRun.objects.select_for_update().filter(pk=run.pk, status=status).first()


@dataclass(frozen=True)
class StoreSettings:
    key: bytes
    store: Store
    postcodes: str | None
    la: str | None

    @classmethod
    def from_settings(cls) -> StoreSettings:
        return cls(
            key=check_key(str(settings.CAREBOARD_PSEUDONYM_KEY or "").encode()),
            store=Store(settings.CAREBOARD_ANALYTICS_STORE),
            postcodes=conf.postcode_directory(),
            la=conf.la_code(),
        )


def store(run: ImportRun) -> bool:
    """Store a confirmed run; False when somebody else has already taken it."""
    if not _claim(run, Status.CONFIRMED, Status.IMPORTING):
        return False
    started = time.perf_counter()
    try:
        target = StoreSettings.from_settings()
        raw = _read(run)
        findings = _all_findings(raw)
        blocking = [f for f in findings if f.blocks_import]
        if blocking:
            run.status = Status.FAILED
            run.message = (
                f"Not stored: the files now give {len(blocking):,} error(s), so they changed "
                "after checking. Upload the return again."
            )
        else:
            tables = minimise(raw, key=target.key, postcodes=target.postcodes, la=target.la)
            warnings = warning_counts(findings, run.year)
            run.stored_rows = target.store.load(run.year, tables, warnings=warnings)
            run.status = Status.IMPORTED
            stored = f"Stored {run.rows_stored:,} rows for {run.year_label}."
            run.message = f"{stored} {_recompute_indicators(run, target.store.path)}"
    except Exception as problem:
        log.exception("import %s: storing failed", run.pk)
        run.status = Status.FAILED
        run.message = (
            f"Not stored because of a problem in careboard ({problem}). The data imported "
            "before is still in use."
        )
    run.store_seconds = round(time.perf_counter() - started, 2)
    run.finished_at = timezone.now()
    run.save()
    return True


def _recompute_indicators(run: ImportRun, store_path: Path) -> str:
    """Record every stored year's indicator values again; a sentence saying how it went.

    Every year, not only the run's: the history keeps each child's rows from the latest
    return, so a new return can change earlier years' figures. The values are recorded in one
    transaction, by whoever confirmed the run. This never raises: the return is already
    stored, so a problem here leaves the run imported and the sentence says what to do.
    """
    actor: Any = run.confirmed_by or f"import {run.pk}"
    try:
        with acting_as(actor):
            report = compute_indicators(store_path, by=actor)
    except Exception as problem:
        log.exception("import %s: stored, but computing the indicators failed", run.pk)
        return (
            f"The indicator values were not updated because of a problem in careboard "
            f"({problem}), so the dashboard still shows the figures from before this import. "
            "An administrator can update them by running manage.py compute_indicators."
        )
    return _recompute_message(report)


def _recompute_message(report: ComputeReport) -> str:
    if not report.entries:
        return (
            "No indicator in the catalogue is computed from the 903 return, so no indicator "
            "values changed."
        )
    return (
        f"Indicators recomputed: {_count(report.recorded, 'value')} recorded, "
        f"{report.unchanged:,} unchanged."
    )


def _count(number: int, thing: str) -> str:
    return f"{number:,} {thing}" if number == 1 else f"{number:,} {thing}s"


# cancelling and tidying -------------------------------------------------------------------
def cancel(run: ImportRun) -> bool:
    """Discard a checked or refused run's files; False if it cannot be cancelled now."""
    with transaction.atomic():
        locked = _locked(run, Status.CHECKED) or _locked(run, Status.REFUSED)
        if locked is None:
            return False
        locked.status = Status.CANCELLED
        locked.finished_at = timezone.now()
        locked.message = "Cancelled: the uploaded files were discarded."
        locked.save()
    remove_files(locked)
    run.refresh_from_db()
    return True


def remove_files(run: ImportRun) -> None:
    """Delete the uploaded files and the findings (they hold masked personal values)."""
    uploads.remove_folder(run.folder)
    ImportFinding.objects.filter(run=run).delete()
    ImportRun.objects.filter(pk=run.pk).update(files_removed_at=timezone.now())


# the queue --------------------------------------------------------------------------------
def process_queue() -> int:
    """Check every uploaded run and store every confirmed one, oldest first; how many."""
    done = 0
    for run in ImportRun.objects.filter(status=Status.UPLOADED).order_by("id"):
        done += check(run)
    for run in ImportRun.objects.filter(status=Status.CONFIRMED).order_by("id"):
        done += store(run)
    return done
