"""Which 903 table a header row belongs to, judged by its set of columns (903-schema.md 1.4).

A header is recognised when it holds every column of exactly one table; columns beyond
that are reported and dropped (as liia-tools does). When no table is complete, the table
sharing the largest share of its columns with the header is named, so the message can say
"Episodes is missing URN" rather than "unknown file".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from careboard.analytics.ssda903.tables import TABLE_COLUMNS

# Columns many tables share: on their own they say nothing about which table is meant.
_SHARED = frozenset({"CHILD", "DOB", "SEX"})


@dataclass(frozen=True, slots=True)
class Recognition:
    """`table` is None when the header is not a 903 table at all."""

    table: str | None
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    also_complete: tuple[str, ...] = ()  # other tables whose full set is present too

    @property
    def complete(self) -> bool:
        return self.table is not None and not self.missing and not self.also_complete


def recognise(columns: Sequence[str]) -> Recognition:
    present = set(columns)
    complete = [t for t, cols in TABLE_COLUMNS.items() if present >= set(cols)]
    if complete:
        # The largest complete table is the intended one when sets nest (none do today).
        complete.sort(key=lambda t: -len(TABLE_COLUMNS[t]))
        table = complete[0]
        extra = _unique(c for c in columns if c not in TABLE_COLUMNS[table])
        return Recognition(table, extra=extra, also_complete=tuple(complete[1:]))
    best: str | None = None
    best_share = 0.0
    tied = False
    for table, cols in TABLE_COLUMNS.items():
        distinctive = [c for c in cols if c not in _SHARED]
        found = sum(c in present for c in distinctive)
        if not found:
            continue
        share = found / len(distinctive)
        if share > best_share:
            best, best_share, tied = table, share, False
        elif share == best_share:
            tied = True
    if best is None or tied or best_share < 0.5:
        return Recognition(None)
    missing = tuple(c for c in TABLE_COLUMNS[best] if c not in present)
    extra = _unique(c for c in columns if c not in TABLE_COLUMNS[best])
    return Recognition(best, missing=missing, extra=extra)


def _unique(columns: Iterable[str]) -> tuple[str, ...]:
    """In first-seen order; Excel's trailing commas give many blank names, reported once."""
    return tuple(dict.fromkeys(columns))
