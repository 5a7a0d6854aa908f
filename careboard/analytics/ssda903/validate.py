"""Check one SSDA903 return against every rule that applies to its collection year.

    findings = validate_return(raw, 2025, previous=last_years_raw)

`raw` is the reader's RawReturn (anything with `.tables`: 903 table name -> Arrow table of
text columns plus `_row`). All rules run as SQL in one in-memory DuckDB connection over the
Arrow tables, so nothing loops over rows in Python except to build the findings themselves.
Errors block an import, warnings do not (`Finding.blocks_import`).
"""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from itertools import groupby
from typing import Any, Protocol

import duckdb
import pyarrow as pa

from careboard.analytics.ssda903.codes import check_year
from careboard.analytics.ssda903.findings import Finding, mask
from careboard.analytics.ssda903.rules.prepare import prepare
from careboard.analytics.ssda903.rules.registry import Rule, RuleContext, all_rules
from careboard.analytics.ssda903.tables import ROW, TABLE_COLUMNS

# A rule that fails on every row of a huge file should not produce a million findings:
# beyond this many, one summary finding says how many more rows fail.
MAX_FINDINGS_PER_RULE = 5000
PARALLEL_BATCHES = min(4, os.cpu_count() or 1)
MIN_BATCH = 25


class HasTables(Protocol):
    @property
    def tables(self) -> Mapping[str, pa.Table]: ...


def validate_return(
    raw: HasTables,
    year: int,
    previous: HasTables | None = None,
    *,
    max_findings_per_rule: int | None = MAX_FINDINGS_PER_RULE,
) -> list[Finding]:
    """The rules' findings for `raw` as a return for collection `year` (named by its ending
    year). The reader's own findings about files stay in `raw.findings`.

    `previous` is last year's return; rules comparing the two years run only when it is
    given. When `raw` names each table's source file (`raw.files`), findings carry it.
    """
    findings = validate_tables(
        raw.tables,
        year,
        previous.tables if previous is not None else None,
        max_findings_per_rule=max_findings_per_rule,
    )
    files: Mapping[str, str] = getattr(raw, "files", None) or {}
    return [
        replace(f, file=files.get(f.table)) if f.table and f.file is None else f for f in findings
    ]


def validate_tables(
    tables: Mapping[str, pa.Table],
    year: int,
    previous_tables: Mapping[str, pa.Table] | None = None,
    *,
    rules: Iterable[Rule] | None = None,
    max_findings_per_rule: int | None = MAX_FINDINGS_PER_RULE,
) -> list[Finding]:
    """Like `validate_return`, on the tables themselves; `rules` narrows the rules run."""
    ctx = RuleContext(
        year=check_year(year),
        present=frozenset(tables),
        previous_present=frozenset(previous_tables or {}),
    )
    applicable = [r for r in (all_rules() if rules is None else rules) if r.applies(ctx)]
    if not applicable:
        return []
    con = prepare(tables, previous_tables)
    try:
        # Planning ~200 small queries costs more than running them on a council's data, so
        # the rules are split into contiguous batches planned and run side by side, each on
        # its own cursor of the same database; joining the batches keeps the rule order.
        batches = _batches(applicable, PARALLEL_BATCHES)
        if len(batches) == 1:
            return run_rules(con, applicable, ctx, max_findings_per_rule)
        with ThreadPoolExecutor(len(batches)) as pool:
            results = pool.map(
                lambda batch: run_rules(con.cursor(), batch, ctx, max_findings_per_rule), batches
            )
            return [finding for result in results for finding in result]
    finally:
        con.close()


def _batches(rules: Sequence[Rule], count: int) -> list[Sequence[Rule]]:
    """At most `count` contiguous batches of at least MIN_BATCH rules each."""
    count = max(1, min(count, len(rules) // MIN_BATCH))
    size = -(-len(rules) // count)
    return [rules[start : start + size] for start in range(0, len(rules), size)]


def run_rules(
    con: duckdb.DuckDBPyConnection,
    rules: Sequence[Rule],
    ctx: RuleContext,
    limit: int | None = MAX_FINDINGS_PER_RULE,
) -> list[Finding]:
    """Run `rules` on a prepared connection (rules/prepare.py) as one DuckDB query.

    Each rule's query is tagged with its position and the results are stacked by column name
    (`UNION ALL BY NAME`), so DuckDB plans and parallelises the whole run at once.
    """
    stacked = " UNION ALL BY NAME ".join(
        f"SELECT {index} AS rule_index, * FROM ({rule.query(ctx)}) AS rule_{index}"
        for index, rule in enumerate(rules)
    )
    keep = "" if limit is None else f"QUALIFY nth <= {int(limit)}"
    query = f"""SELECT *, row_number() OVER (
            PARTITION BY rule_index ORDER BY {ROW} NULLS FIRST, col NULLS FIRST)
            AS nth, count(*) OVER (PARTITION BY rule_index) AS failing
        FROM ({stacked}) AS found {keep}
        ORDER BY rule_index, nth"""
    cursor = con.execute(query)
    names = [d[0] for d in cursor.description or ()]
    found = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    found.sort(key=_order)
    findings: list[Finding] = []
    for index, group in groupby(found, key=lambda row: int(row["rule_index"])):
        rule = rules[index]
        rows = list(group)
        findings.extend(_finding(rule, row) for row in rows)
        failing = int(rows[0]["failing"])
        if failing > len(rows):
            findings.append(
                Finding(
                    rule_id=rule.id,
                    severity=rule.severity,
                    message=f"{rule.message} ({failing - len(rows)} more rows not listed)",
                    table=rule.table,
                    unlisted=failing - len(rows),
                )
            )
    return findings


_TABLE_ORDER = {name: index for index, name in enumerate(TABLE_COLUMNS)}


def _order(row: Mapping[str, Any]) -> tuple[int, int, int, str]:
    """Rule by rule; within a rule, table by table (Header first), then by file line, then
    by column (one rule can find several columns on one line)."""
    line = row.get(ROW)
    return (
        int(row["rule_index"]),
        _TABLE_ORDER.get(str(row.get("tbl")), -1),
        line if isinstance(line, int) else -1,
        str(row.get("col") or ""),
    )


def _finding(rule: Rule, row: Mapping[str, object]) -> Finding:
    column = _text(row.get("col"))
    detail = _text(row.get("detail"))
    line = row.get(ROW)
    return Finding(
        rule_id=rule.id,
        severity=rule.severity,
        message=f"{rule.message} ({detail})" if detail else rule.message,
        table=_text(row.get("tbl")) or rule.table,
        row=int(line) if isinstance(line, int) else None,
        column=column,
        value=mask(column, _text(row.get("val"))),
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)
