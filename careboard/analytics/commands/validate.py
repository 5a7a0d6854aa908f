"""Check a 903 return against the validation rules and print a summary (nothing is stored).

Reads PATH (a folder of CSV files, one XML file, a list of files or a zip) as the return for
collection year YEAR (the year it ends: 2025 = 2024-25; when --year is left out, a path
named like a year, e.g. returns/2025, gives it). --previous names last year's return, which
turns on the rules comparing the two years. --csv writes every finding to a CSV file.
Exit status: 0 no errors (warnings allowed), 1 the return has errors, 2 set-up problem.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from careboard.analytics.ssda903.findings import Finding
from careboard.analytics.ssda903.reader import read_return
from careboard.analytics.ssda903.tables import FIRST_YEAR, LAST_YEAR
from careboard.analytics.ssda903.validate import MAX_FINDINGS_PER_RULE, validate_return

NAME = "validate"
EXIT_CLEAN, EXIT_ERRORS, EXIT_SETUP = 0, 1, 2
SHOWN = 20
CSV_COLUMNS = ("severity", "rule_id", "table", "file", "row", "column", "value", "message")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="+", help="folder, XML file, CSV files or zip")
    parser.add_argument(
        "--year", type=int, help=f"collection year by its end ({FIRST_YEAR}-{LAST_YEAR})"
    )
    parser.add_argument("--previous", help="last year's return, for the year-on-year rules")
    parser.add_argument("--csv", type=Path, help="write every finding to this CSV file")
    parser.add_argument(
        "--show", type=int, default=SHOWN, help=f"findings to print (default {SHOWN})"
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help=f"list every failing row (default: the first {MAX_FINDINGS_PER_RULE:,} per rule)",
    )


def year_from_path(paths: Sequence[str]) -> int | None:
    """2025 for a path like returns/2025 or returns/2025.zip; None if no part is a year."""
    for part in reversed(Path(paths[0]).parts):
        match = re.fullmatch(r"(\d{4})(\.zip)?", part)
        if match and FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
            return int(match.group(1))
    return None


def run(args: argparse.Namespace) -> int:
    year = args.year or year_from_path(args.path)
    if year is None:
        print(
            "careboard validate: give --year (the year the collection ends, e.g. 2025 for "
            "2024-25); the path does not name one.",
            file=sys.stderr,
        )
        return EXIT_SETUP
    if not FIRST_YEAR <= year <= LAST_YEAR:
        print(f"careboard validate: --year must be {FIRST_YEAR} to {LAST_YEAR}.", file=sys.stderr)
        return EXIT_SETUP
    started = time.perf_counter()
    raw = read_return(args.path[0] if len(args.path) == 1 else args.path, year)
    previous = read_return(args.previous, year - 1) if args.previous else None
    limit = None if args.all else MAX_FINDINGS_PER_RULE
    findings = [*raw.findings, *validate_return(raw, year, previous, max_findings_per_rule=limit)]
    elapsed = time.perf_counter() - started
    print(
        f"{year - 1}-{str(year)[2:]} return: {raw.row_count:,} rows in {len(raw.tables)} "
        f"table(s), checked in {elapsed:.1f} s"
    )
    summarise(findings, args.show)
    if previous is None:
        print("(year-on-year rules not run: pass --previous with last year's return)")
    if args.csv:
        write_csv(findings, args.csv)
        print(f"wrote {len(findings):,} finding(s) to {args.csv}")
    return EXIT_ERRORS if any(f.blocks_import for f in findings) else EXIT_CLEAN


def summarise(findings: Sequence[Finding], shown: int) -> None:
    errors = [f for f in findings if f.blocks_import]
    print(f"{len(errors):,} error(s), {len(findings) - len(errors):,} warning(s)")
    counts = Counter((f.severity.value, f.rule_id) for f in findings)
    for (severity, rule_id), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {severity:<7} {rule_id:<12} {count:>7,}")
    ordered = errors + [f for f in findings if not f.blocks_import]
    for finding in ordered[:shown]:
        value = f" (value {finding.value})" if finding.value is not None else ""
        print(
            f"{finding.severity.value}: {finding.rule_id} {finding.location()}: "
            f"{finding.message}{value}"
        )
    if len(ordered) > shown:
        print(f"... and {len(ordered) - shown:,} more (use --csv to see them all)")


def write_csv(findings: Sequence[Finding], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for f in findings:
            writer.writerow(
                [f.severity.value, f.rule_id, f.table, f.file, f.row, f.column, f.value, f.message]
            )
