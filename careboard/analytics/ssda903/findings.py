"""What the reader and the validator say about a return: errors are values, not exceptions."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
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
    masked where it is personal data (see `mask`). `unlisted` is set on the one finding that
    stands for a rule's failing rows beyond those listed (the validator lists a few thousand
    per rule): how many more there are.
    """

    rule_id: str
    severity: Severity
    message: str
    table: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    file: str | None = None
    unlisted: int = 0

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


@dataclass(frozen=True, slots=True)
class WarningCount:
    """How many warnings one rule raised on one column of one table of a year's return.

    The analytics store keeps these counts (no rows, no values) so that indicators can say
    which warnings concern the fields they read. `table` is the 903 table's name as in
    `tables.TABLE_COLUMNS` (None for a finding about the set of files); `column` is None when
    the warning concerns the whole table.
    """

    year: int
    table: str | None
    column: str | None
    rule_id: str
    count: int


def warning_counts(findings: Iterable[Finding], year: int) -> list[WarningCount]:
    """The warnings among `findings` (errors are left out: they block an import), counted by
    table, column and rule, for the return of collection `year`.

    A rule's unlisted rows count too: under the column of the rule's listed findings when
    they all name the same one, else under the table as a whole.
    """
    warnings = [f for f in findings if f.severity is Severity.WARNING]
    columns: defaultdict[tuple[str, str | None], set[str | None]] = defaultdict(set)
    for finding in warnings:
        if not finding.unlisted:
            columns[finding.rule_id, finding.table].add(finding.column)
    counts: Counter[tuple[str | None, str | None, str]] = Counter()
    for finding in warnings:
        column = finding.column
        if finding.unlisted:
            listed = columns[finding.rule_id, finding.table]
            column = next(iter(listed)) if len(listed) == 1 else None
        counts[finding.table, column, finding.rule_id] += max(finding.unlisted, 1)
    return [
        WarningCount(year, table, column, rule_id, count)
        for (table, column, rule_id), count in sorted(counts.items(), key=_count_order)
    ]


def _count_order(item: tuple[tuple[str | None, str | None, str], int]) -> tuple[str, ...]:
    (table, column, rule_id), _ = item
    return (table or "", column or "", rule_id)
