"""Uploaded manual values (the CSV or XLSX template): read, check every row, record all or none.

Reading never trusts the file: size and row caps, UTF-8 or UTF-16 (with its byte-order mark)
text, binary files refused, XLSX opened only after its unpacked size is checked (openpyxl
parses through defusedxml), formulas refused rather than evaluated. Every problem is reported
with the row and column it is in, as the spreadsheet numbers them (the heading is row 1).
Nothing is recorded unless every row is right.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from careboard.indicators import judgements
from careboard.indicators.models import CatalogueEntry, ValueSource
from careboard.indicators.periods import (
    PeriodError,
    ValueProblem,
    check_parts,
    check_value,
    parse_number,
    period_kind,
)
from careboard.indicators.records import NewValue, record_value

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2_000
MAX_UNPACKED = 20 * 1024 * 1024
MAX_ZIP_MEMBERS = 200
MAX_NOTE = 2_000
MAX_ERRORS_SHOWN = 50
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

REQUIRED = ("code", "period", "value")
OPTIONAL = ("numerator", "denominator", "note")
INFORMATION = ("indicator", "unit", "period format", "owner")  # in the template; ignored
KNOWN = REQUIRED + OPTIONAL + INFORMATION


class UploadRefused(ValueError):
    """The file as a whole cannot be read (empty, binary, too big, wrong columns...)."""


@dataclass(frozen=True, slots=True)
class RowProblem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class CheckedRow:
    row: int
    entry: CatalogueEntry
    year: int
    value: NewValue


@dataclass
class CheckedUpload:
    rows: list[CheckedRow]
    problems: list[RowProblem]
    skipped_blank: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


# -- reading ----------------------------------------------------------------------------------
def read_table(name: str, content: bytes) -> list[list[Any]]:
    """The file's rows (heading first) as lists of cell values; UploadRefused if unreadable."""
    if len(content) > MAX_BYTES:
        raise UploadRefused(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if not content.strip():
        raise UploadRefused("The file is empty")
    lowered = name.lower()
    if content.startswith(b"PK"):
        if not lowered.endswith(".xlsx"):
            raise UploadRefused("The file is a zip or a workbook: save it as CSV or .xlsx")
        return _read_xlsx(content)
    if lowered.endswith((".xlsx", ".xlsm", ".xls")):
        raise UploadRefused("The file is not an Excel workbook (.xlsx): upload the template")
    return _read_csv(content)


def _decode(content: bytes) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            raise UploadRefused("The file says it is UTF-16 text but is not") from None
    if b"\x00" in content:
        raise UploadRefused("The file is not text: save it as CSV (UTF-8) or .xlsx")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError:
        raise UploadRefused("The file's characters cannot be read: save it as CSV UTF-8") from None


def _read_csv(content: bytes) -> list[list[Any]]:
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if first_line.count("\t") > first_line.count(",") else ","
    rows: list[list[Any]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            rows.append(row)
            if len(rows) > MAX_ROWS + 1:
                raise UploadRefused(f"The file has more than {MAX_ROWS:,} rows")
    except csv.Error as problem:
        raise UploadRefused(f"The CSV cannot be read near row {len(rows) + 1}: {problem}") from None
    return rows


def _read_xlsx(content: bytes) -> list[list[Any]]:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
            if len(members) > MAX_ZIP_MEMBERS:
                raise UploadRefused("The workbook has too many parts to be the template")
            if sum(member.file_size for member in members) > MAX_UNPACKED:
                raise UploadRefused("The workbook is too large once unpacked")
    except zipfile.BadZipFile:
        raise UploadRefused("The file is not a readable .xlsx workbook") from None
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds on broken files
        raise UploadRefused("The file is not a readable .xlsx workbook") from None
    try:
        sheet = workbook["Values"] if "Values" in workbook.sheetnames else workbook.worksheets[0]
        rows: list[list[Any]] = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(list(row))
            if len(rows) > MAX_ROWS + 1:
                raise UploadRefused(f"The workbook has more than {MAX_ROWS:,} rows")
    except UploadRefused:
        raise
    except Exception:
        raise UploadRefused("The workbook's sheet cannot be read") from None
    finally:
        workbook.close()
    return rows


# -- checking ---------------------------------------------------------------------------------
def manual_entries() -> dict[str, CatalogueEntry]:
    """Manual entries by code; when plans share a code, the newest plan's entry."""
    found: dict[str, CatalogueEntry] = {}
    for entry in CatalogueEntry.objects.filter(source=CatalogueEntry.Source.MANUAL).order_by(
        "plan__starts_on"
    ):
        found[entry.code] = entry
    return found


def _heading(cells: list[Any]) -> dict[str, int]:
    columns: dict[str, int] = {}
    unknown: list[str] = []
    for position, cell in enumerate(cells):
        name = " ".join(str(cell if cell is not None else "").split()).lower()
        if not name:
            continue
        if name not in KNOWN:
            unknown.append(str(cell)[:40])
        elif name in columns:
            raise UploadRefused(f"Row 1: the column {name} appears twice")
        else:
            columns[name] = position
    missing = [name for name in REQUIRED if name not in columns]
    if missing or unknown:
        parts = []
        if missing:
            parts.append("missing the column(s) " + ", ".join(missing))
        if unknown:
            parts.append("unknown column(s) " + ", ".join(repr(u) for u in unknown))
        raise UploadRefused(
            f"Row 1: {'; '.join(parts)}. Use the template's headings: {', '.join(KNOWN)}"
        )
    return columns


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _looks_like_formula(cell: Any) -> bool:
    if not isinstance(cell, str):
        return False
    text = cell.lstrip(" ")
    if not text.startswith(FORMULA_TRIGGERS):
        return False
    try:  # a negative number is not a formula
        parse_number(text)
    except ValueProblem:
        return True
    return False


def _number(cell: Any) -> float:
    if isinstance(cell, bool):
        raise ValueProblem("Enter a number, like 71 or 70.5")
    if isinstance(cell, int | float):
        return float(cell)
    return parse_number(str(cell))


def _whole(cell: Any) -> int | None:
    if cell is None or _text(cell) == "":
        return None
    try:
        number = _number(cell)
    except ValueProblem:
        raise ValueProblem("Enter a whole number, 0 or more") from None
    if number < 0 or number != int(number):
        raise ValueProblem("Enter a whole number, 0 or more")
    return int(number)


def check_rows(table: list[list[Any]]) -> CheckedUpload:
    """Check every row against the catalogue; nothing is recorded here."""
    if not table:
        raise UploadRefused("The file is empty")
    columns = _heading(table[0])
    entries = manual_entries()
    computed = set(
        CatalogueEntry.objects.exclude(source=CatalogueEntry.Source.MANUAL).values_list(
            "code", flat=True
        )
    )
    result = CheckedUpload([], [])
    seen: dict[tuple[str, int], int] = {}
    for number, cells in enumerate(table[1:], start=2):
        cell = {name: (cells[i] if i < len(cells) else None) for name, i in columns.items()}
        if all(_text(value) == "" for value in cell.values()):
            continue
        problems = [
            RowProblem(number, name, "looks like a formula: type the value itself")
            for name, value in cell.items()
            if _looks_like_formula(value)
        ]
        if problems:
            result.problems.extend(problems)
            continue
        if _text(cell["value"]) == "":
            result.skipped_blank += 1
            continue
        checked = _check_row(number, cell, entries, computed, result.problems)
        if checked is None:
            continue
        key = (checked.entry.code, checked.year)
        if key in seen:
            result.problems.append(
                RowProblem(number, "period", f"repeats row {seen[key]} (same code and period)")
            )
            continue
        seen[key] = number
        result.rows.append(checked)
    return result


def _check_row(
    number: int,
    cell: dict[str, Any],
    entries: dict[str, CatalogueEntry],
    computed: set[str],
    problems: list[RowProblem],
) -> CheckedRow | None:
    code = _text(cell["code"])
    entry = entries.get(code)
    if entry is None:
        if code in computed:
            message = f"{code} is computed from the 903 return, so it cannot be uploaded"
        elif not code:
            message = "Enter the indicator code"
        else:
            message = f"Unknown indicator code {code[:80]!r}: use a code from the template"
        problems.append(RowProblem(number, "code", message))
        return None
    before = len(problems)
    year = 0
    try:
        year = period_kind(entry).parse(_text(cell["period"]))
    except PeriodError as problem:
        problems.append(RowProblem(number, "period", str(problem)))
    value = 0.0
    try:
        value = check_value(entry, _number(cell["value"]))
    except ValueProblem as problem:
        problems.append(RowProblem(number, "value", str(problem)))
    parts: dict[str, int | None] = {}
    for name in ("numerator", "denominator"):
        try:
            parts[name] = _whole(cell.get(name))
        except ValueProblem as problem:
            problems.append(RowProblem(number, name, str(problem)))
    note = _text(cell.get("note"))
    if len(note) > MAX_NOTE:
        problems.append(RowProblem(number, "note", f"Keep the note under {MAX_NOTE:,} characters"))
    if len(problems) > before:
        return None
    try:
        check_parts(entry, value, parts["numerator"], parts["denominator"])
    except ValueProblem as problem:
        problems.append(RowProblem(number, "value", str(problem)))
        return None
    return CheckedRow(
        number,
        entry,
        year,
        NewValue(
            value=value,
            numerator=parts["numerator"],
            denominator=parts["denominator"],
            note=note,
        ),
    )


# -- recording --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class UploadOutcome:
    recorded: int
    unchanged: int


def record_rows(rows: Iterable[CheckedRow], *, by: Any) -> UploadOutcome:
    """Record every checked row in one transaction and refresh the entries' judgements."""
    recorded = unchanged = 0
    touched: dict[int, CatalogueEntry] = {}
    with transaction.atomic():
        for row in rows:
            saved = record_value(row.entry, row.year, row.value, source=ValueSource.UPLOAD, by=by)
            if saved is None:
                unchanged += 1
            else:
                recorded += 1
                touched[row.entry.pk] = row.entry
        for entry in touched.values():
            judgements.refresh(entry)
    return UploadOutcome(recorded, unchanged)


def problems_shown(problems: list[RowProblem]) -> Iterator[RowProblem]:
    yield from problems[:MAX_ERRORS_SHOWN]
