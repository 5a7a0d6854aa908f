"""A 903 return as read: raw text tables plus what was wrong with the files."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

from careboard.analytics.ssda903.findings import Finding
from careboard.analytics.ssda903.reader.normalise import empty_raw_table


@dataclass
class RawReturn:
    """One collection year's return, before validation and minimisation.

    `tables` holds the tables that were supplied (keys from `TABLE_COLUMNS`): every 903
    column as text (stripped; empty -> null; upper-cased except CHILD and SW_ID) plus `_row`,
    the line in the source file (header = line 1). A CSV file that could not be used is
    absent here and explained in `findings`. For XML every table is present (maybe empty).
    `files` names the source file of each table, for messages.
    """

    year: int
    tables: dict[str, pa.Table] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def table(self, name: str) -> pa.Table:
        """The table, or an empty one of the right shape when it was not supplied."""
        found = self.tables.get(name)
        return found if found is not None else empty_raw_table(name)

    @property
    def has_errors(self) -> bool:
        return any(f.blocks_import for f in self.findings)

    @property
    def row_count(self) -> int:
        return sum(t.num_rows for t in self.tables.values())
