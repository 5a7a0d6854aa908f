"""What the reader and the validator say about a return: errors are values, not exceptions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"  # blocks the import
    WARNING = "warning"  # reported, does not block


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place in one file.

    `row` is the line number in the source file (the header is line 1, so the first data row
    is line 2); None when the problem concerns the whole file or table. `value` is already
    masked where it is personal data (see `mask`).
    """

    rule_id: str
    severity: Severity
    message: str
    table: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    file: str | None = None

    @property
    def blocks_import(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        parts = [p for p in (self.file, self.table) if p]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts) or "whole return"


PERSONAL_COLUMNS = frozenset(
    {"CHILD", "UPN", "DOB", "MC_DOB", "HOME_POST", "PL_POST", "URN", "SW_ID"}
)


def mask(column: str | None, value: str | None) -> str | None:
    """Mask a cell value for display when its column holds personal data.

    Keeps enough to find the cell (first character and length), never the value itself.
    """
    if value is None or column is None or column.upper() not in PERSONAL_COLUMNS:
        return value
    if not value:
        return value
    return value[0] + "•" * (len(value) - 1)
