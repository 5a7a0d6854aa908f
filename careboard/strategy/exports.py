"""The action tracker as CSV or XLSX, for the tracker page and `manage.py export_actions`.

Every text cell is neutralised against formula injection (security.md): a value starting with
= + - @ or a tab or carriage return is prefixed with a single quote, so a spreadsheet shows it
as text instead of running it.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable, Iterable
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from careboard.strategy.models import Action

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def neutralise(value: str) -> str:
    """Make a text cell safe to open in a spreadsheet."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def _section(action: Action) -> str:
    if action.priority is None:
        return ""
    return f"{action.plan.section_label} {action.priority.number}: {action.priority.title}"


def _owner(action: Action) -> str:
    return str(action.owner) if action.owner else ""


# (heading, value) for each column; a value is text, a date or None.
COLUMNS: list[tuple[str, Callable[[Action], Any]]] = [
    ("Plan", lambda a: a.plan.title),
    ("Priority or objective", _section),
    ("Reference", lambda a: a.reference),
    ("Kind", lambda a: a.get_kind_display()),
    ("Title", lambda a: a.title),
    ("Owner", _owner),
    ("Responsibility", lambda a: a.responsibility),
    ("Timescale", lambda a: a.timescale),
    ("Due", lambda a: a.due_on),
    ("Status", lambda a: a.status_label),
    ("Last update", lambda a: getattr(a, "last_update_on", None)),
    ("Carried forward from", lambda a: a.carried_from.plan.short_title if a.carried_from else ""),
]
HEADINGS = [heading for heading, _ in COLUMNS]
DATE_HEADINGS = ("Due", "Last update")


def rows(actions: Iterable[Action]) -> Iterable[list[Any]]:
    for action in actions:
        yield [value(action) for _, value in COLUMNS]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return neutralise(str(value))


def write_csv(actions: Iterable[Action], out: IO[str]) -> None:
    """CSV with a byte-order mark so Excel reads it as UTF-8; dates as YYYY-MM-DD."""
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(HEADINGS)
    for row in rows(actions):
        writer.writerow([_text(value) for value in row])


def _cell(value: Any) -> Any:
    if value is None or isinstance(value, datetime.date):
        return value
    return neutralise(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def write_xlsx(actions: Iterable[Action], out: IO[bytes]) -> None:
    """One worksheet, real date cells, every text cell neutralised."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Actions"
    sheet.append(HEADINGS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(actions):
        sheet.append([_cell(value) for value in row])
    for heading in DATE_HEADINGS:
        for cell in sheet[get_column_letter(HEADINGS.index(heading) + 1)][1:]:
            cell.number_format = "d mmmm yyyy"
    sheet.freeze_panes = "A2"
    book.save(out)


def export(actions: Iterable[Action], fmt: str) -> bytes:
    """The export in `fmt` ("csv" or "xlsx") as bytes."""
    if fmt == "csv":
        text = io.StringIO()
        write_csv(actions, text)
        return text.getvalue().encode("utf-8")
    if fmt == "xlsx":
        binary = io.BytesIO()
        write_xlsx(actions, binary)
        return binary.getvalue()
    raise ValueError(f"Unknown export format {fmt!r}: use csv or xlsx.")
