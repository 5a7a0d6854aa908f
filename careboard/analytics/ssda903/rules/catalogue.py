"""The rules document, docs/903-validation-rules.md, written from the registry.

    python -m careboard.analytics.ssda903.rules.catalogue          # rewrite the document
    python -m careboard.analytics.ssda903.rules.catalogue --check  # exit 1 if it is stale

A test checks that the committed document matches the registry, so it cannot drift.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from careboard.analytics.ssda903.codes import YEARS
from careboard.analytics.ssda903.findings import Severity
from careboard.analytics.ssda903.rules.registry import Rule, all_rules
from careboard.analytics.ssda903.tables import TABLE_COLUMNS, TABLE_TITLES

DOC_PATH = Path(__file__).resolve().parents[4] / "docs" / "903-validation-rules.md"
ACROSS_TABLES = "Across tables"

INTRO = """\
# SSDA903 validation rules

Generated from the rule registry (`careboard/analytics/ssda903/rules/`) by
`python -m careboard.analytics.ssda903.rules.catalogue`; do not edit by hand. A test fails
when this file and the registry disagree.

Each rule checks one thing in a return and reports the table, file row, column and (masked
where personal) value of every cell at fault. **Errors** block the import; **warnings** are
reported and do not. *Our id* is the DfE rule number where the rule corresponds to one; ids
starting `CB-` are careboard's own (some still correspond to DfE rules, shown in the DfE
column; a range such as `434-436` means the rule covers what those DfE rules check between
them). Problems with the files themselves (encoding, headers, zip limits: `FILE01`...) are
reported by the reader, not listed here.

Years are collection years: 2024-25 is the return for 1 April 2024 to 31 March 2025.

To check a return from the command line (nothing is stored):

    careboard validate returns/2025 --previous returns/2024 --csv findings.csv

In code: `careboard.analytics.ssda903.validate.validate_return(raw, 2025, previous)`, where
`raw` is what `careboard.analytics.ssda903.reader.read_return` gives. Rules that compare
two years run only when last year's return is given.
"""


def year_span(years: Sequence[int]) -> str:
    if tuple(years) == tuple(YEARS):
        return "all"
    first, last = years[0], years[-1]
    name = lambda y: f"{y - 1}-{str(y)[2:]}"  # noqa: E731
    if last == YEARS[-1]:
        return f"from {name(first)}"
    return name(first) if first == last else f"{name(first)} to {name(last)}"


def years_column(rule: Rule) -> str:
    span = year_span(rule.years)
    return f"{span}, with last year's return" if rule.needs_previous else span


def section(rule: Rule) -> str:
    return TABLE_TITLES[rule.table] if len(rule.tables) == 1 else ACROSS_TABLES


def rules_markdown(rules: Sequence[Rule] | None = None) -> str:
    """The whole document as Markdown."""
    rules = list(all_rules() if rules is None else rules)
    errors = sum(r.severity is Severity.ERROR for r in rules)
    lines = [
        INTRO,
        f"{len(rules)} rules: {errors} errors, {len(rules) - errors} warnings.",
        "",
    ]
    order = [TABLE_TITLES[t] for t in TABLE_COLUMNS] + [ACROSS_TABLES]
    for title in order:
        chosen = [r for r in rules if section(r) == title]
        if not chosen:
            continue
        lines += [
            f"## {title}",
            "",
            "| Our id | DfE rule | Severity | Years | Tables | Columns | Message |",
            "|---|---|---|---|---|---|---|",
        ]
        for r in chosen:
            tables = ", ".join(TABLE_TITLES[t].split(" (")[0] for t in r.tables)
            lines.append(
                f"| {r.id} | {r.dfe or ''} | {r.severity.value} | {years_column(r)} "
                f"| {tables} | {', '.join(r.fields)} | {r.message.replace('|', '/')} |"
            )
        lines.append("")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the document is fresh")
    parser.add_argument("--path", type=Path, default=DOC_PATH)
    args = parser.parse_args(argv)
    text = rules_markdown()
    if args.check:
        fresh = args.path.exists() and args.path.read_text(encoding="utf-8") == text
        print("up to date" if fresh else f"{args.path} is out of date: regenerate it")
        return 0 if fresh else 1
    args.path.write_text(text, encoding="utf-8")
    print(f"wrote {args.path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
