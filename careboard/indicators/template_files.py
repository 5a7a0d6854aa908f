"""The manual-values template (CSV or XLSX): one row per manual indicator and recent period.

Rows hold the code, the indicator's wording, its unit and how to write its period, with the
value, numerator, denominator and note already filled in where a value is recorded. Text
cells that a spreadsheet would run as a formula are neutralised with a leading apostrophe.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

from careboard.indicators.models import IndicatorValue
from careboard.indicators.periods import ACADEMIC_YEAR, PeriodKind, period_kind
from careboard.indicators.uploads import manual_entries
from careboard.strategy.exports import neutralise

COLUMNS = (
    "code",
    "indicator",
    "unit",
    "period format",
    "period",
    "value",
    "numerator",
    "denominator",
    "note",
)
PERIODS_OFFERED = 3


def latest_ended(kind: PeriodKind, today: dt.date) -> int:
    """The year the most recent finished period of this kind ended in."""
    return today.year if today > kind.end(today.year) else today.year - 1


def template_rows(today: dt.date) -> Iterator[list[Any]]:
    entries = manual_entries()
    current = {
        (v.entry_id, v.year): v
        for v in IndicatorValue.objects.filter(is_current=True, entry__in=list(entries.values()))
    }
    for code, entry in sorted(
        entries.items(), key=lambda item: (item[1].priority_id or 0, item[1].order)
    ):
        kind = period_kind(entry)
        last = latest_ended(kind, today)
        for year in range(last - PERIODS_OFFERED + 1, last + 1):
            value = current.get((entry.pk, year))
            yield [
                code,
                entry.strategy_wording,
                entry.unit,
                f"{kind.name}, like {kind.example}"
                + (" (ends 31 August)" if kind is ACADEMIC_YEAR else " (ends 31 March)"),
                kind.label(year),
                _plain(value.value) if value else None,
                value.numerator if value else None,
                value.denominator if value else None,
                value.note if value else "",
            ]


def _plain(number: float | None) -> float | int | None:
    if number is None:
        return None
    return int(number) if number == int(number) else number


def _safe(cell: Any) -> Any:
    return neutralise(cell) if isinstance(cell, str) else cell


def template_csv(today: dt.date) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in template_rows(today):
        writer.writerow(["" if cell is None else _safe(cell) for cell in row])
    return out.getvalue().encode("utf-8-sig")


def template_xlsx(today: dt.date) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Values"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in template_rows(today):
        sheet.append([_safe(cell) for cell in row])
    for letter, width in zip("ABCDEFGHI", (34, 50, 8, 44, 10, 10, 12, 12, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
