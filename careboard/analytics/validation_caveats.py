"""Which validation warnings affect which indicator results, and the caveat they add.

An import is refused when the validator finds an error, but a return with warnings is
stored, and the store keeps each year's warnings counted by table, column and rule
(`findings.WarningCount`, `Store.warnings`). An indicator is affected by a warning when the
warning is in the return of a year the indicator reads (`Indicator.years_needed`) and
concerns a field it uses: the warning's table and column are among the indicator's
`source_fields` (its leading `Table.FIELD`, and any `and FIELD` after it), compared without
regard to case; a warning about a whole table (no column) concerns every indicator that
reads the table. Warnings about the set of files (no table) concern none.

`add_warnings` gives each derivable result the warnings that affect it, the `data_quality`
flag and a sentence in its note, for example "3 validation warnings in the 2024-25 return
affect fields this figure uses: rule 392d on Episodes.PL_POST (2), rule 347 on OC3.ACCOM
(1)". Results that are not derivable have no figure to qualify and are left as they are.

Only the years an indicator's definition reads are matched: when a later return replaces an
earlier year's rows in the history (later returns win), warnings in that later return are
not traced to the earlier year's figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from careboard.analytics.engine import CAVEAT, NOT_DERIVABLE, IndicatorResult
from careboard.analytics.indicators import REGISTRY, Indicator
from careboard.analytics.ssda903.findings import WarningCount
from careboard.analytics.ssda903.tables import TABLE_COLUMNS, TABLE_TITLES

# The name a source field gives a table ("Episodes", "OC2", "SWEpisodes": the first word of
# its title), and the table's own name, in lower case -> the table's name in findings.
TABLE_NAMES: dict[str, str] = {
    **{title.split()[0].lower(): name for name, title in TABLE_TITLES.items()},
    **{name: name for name in TABLE_COLUMNS},
}
_TABLE_ORDER = {name: index for index, name in enumerate(TABLE_COLUMNS)}
_LEADING = re.compile(r"\s*(\w+)\.(\w+)((?:\s+and\s+\w+)*)")
_FURTHER = re.compile(r"\s+and\s+(\w+)")

Field = tuple[str, str]  # (table as findings name it, COLUMN in upper case)


class SourceFieldError(ValueError):
    """A source field that does not begin `Table.FIELD` of a known table (a registry bug)."""


def parse_source_field(text: str) -> tuple[Field, ...]:
    """The 903 fields one source field names: "Episodes.PL_POST (as PL_LOCATION)" gives
    (("episodes", "PL_POST"),); "Episodes.HOME_POST and PL_POST (as PL_DISTANCE)" gives both
    postcodes."""
    found = _LEADING.match(text)
    if found is None:
        raise SourceFieldError(f"source field {text!r} does not begin Table.FIELD")
    table = TABLE_NAMES.get(found.group(1).lower())
    if table is None:
        raise SourceFieldError(f"source field {text!r} names no 903 table")
    columns = [found.group(2), *_FURTHER.findall(found.group(3))]
    return tuple((table, column.upper()) for column in columns)


def fields_read(indicator: Indicator) -> frozenset[Field]:
    """Every (table, column) the indicator's source fields name."""
    return frozenset(
        field for source in indicator.source_fields for field in parse_source_field(source)
    )


def tables_read(indicator: Indicator) -> frozenset[str]:
    """The tables the indicator reads: those it needs and those its source fields name."""
    return frozenset(indicator.tables) | {table for table, _ in fields_read(indicator)}


def affecting(
    indicator: Indicator, year: int, summary: Iterable[WarningCount]
) -> tuple[WarningCount, ...]:
    """The warnings in `summary` that affect `indicator` computed for `year`, in the order
    `sentence` names them."""
    years = set(indicator.years_needed(year))
    fields = fields_read(indicator)
    tables = tables_read(indicator)
    found = [
        warning
        for warning in summary
        if warning.year in years
        and warning.table is not None
        and (
            (warning.table, warning.column.upper()) in fields
            if warning.column is not None
            else warning.table in tables
        )
    ]
    return tuple(sorted(found, key=_order))


def sentence(warnings: Iterable[WarningCount]) -> str:
    """The caveat in words: how many warnings, in which years' returns, by rule and field."""
    ordered = sorted(warnings, key=_order)
    if not ordered:
        return ""
    total = sum(warning.count for warning in ordered)
    years = sorted({warning.year for warning in ordered})
    returns = f"the {_and(_year_label(y) for y in years)} return{'s' if len(years) > 1 else ''}"
    targets = {(warning.table, warning.column) for warning in ordered}
    verb = "affects" if total == 1 else "affect"
    what = "fields" if len(targets) > 1 else "a field" if ordered[0].column else "a table"
    parts = []
    for year in years:
        rules = ", ".join(
            f"rule {w.rule_id} on {_field_label(w)} ({w.count:,})"
            for w in ordered
            if w.year == year
        )
        parts.append(f"{_year_label(year)}: {rules}" if len(years) > 1 else rules)
    plural = "" if total == 1 else "s"
    return (
        f"{total:,} validation warning{plural} in {returns} {verb} {what} this figure uses: "
        + "; ".join(parts)
    )


def with_warnings(result: IndicatorResult, warnings: tuple[WarningCount, ...]) -> IndicatorResult:
    """The result with `warnings` added: the data-quality flag, the warnings and a sentence
    after any note it had. A result with no warnings, or not derivable, is returned as is."""
    if not warnings or NOT_DERIVABLE in result.flags:
        return result
    flags = result.flags if CAVEAT in result.flags else (*result.flags, CAVEAT)
    said = sentence(warnings)
    return replace(
        result,
        flags=flags,
        warnings=warnings,
        note=f"{result.note}; {said}" if result.note else said,
    )


def add_warnings(
    results: Mapping[int, Mapping[str, IndicatorResult]],
    summary: Iterable[WarningCount],
    registry: Mapping[str, Indicator] = REGISTRY,
) -> dict[int, dict[str, IndicatorResult]]:
    """Results by year and code (as `engine.compute_years` gives them), each with the
    warnings in `summary` that affect it."""
    kept = list(summary)
    return {
        year: {
            code: with_warnings(result, affecting(registry[code], year, kept))
            if code in registry
            else result
            for code, result in by_code.items()
        }
        for year, by_code in results.items()
    }


def _order(warning: WarningCount) -> tuple[int, int, str, str]:
    return (
        warning.year,
        _TABLE_ORDER.get(warning.table or "", -1),
        warning.column or "",
        warning.rule_id,
    )


def _year_label(year: int) -> str:
    return f"{year - 1}-{str(year)[-2:]}"


def _field_label(warning: WarningCount) -> str:
    title = TABLE_TITLES.get(warning.table or "", warning.table or "").split()[0]
    return f"{title}.{warning.column}" if warning.column else f"the {title} table"


def _and(items: Iterable[str]) -> str:
    listed = list(items)
    return listed[0] if len(listed) == 1 else f"{', '.join(listed[:-1])} and {listed[-1]}"
