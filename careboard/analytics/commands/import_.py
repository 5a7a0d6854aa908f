"""Import a 903 return: read, check, minimise and store it (refused when there are errors).

Reads PATH (a folder of CSV files, one XML file, a list of files or a zip) for collection
year YEAR (the year it ends: 2025 = 2024-25), runs the validator, and stores the
minimised tables in the DuckDB store only if no finding is an error, with the warnings
counted by table, column and rule (the indicators name those that concern them). CHILD and
SW_ID are pseudonymised with the key in the environment variable CAREBOARD_PSEUDONYM_KEY.
Exit status: 0 stored, 1 the return has errors (nothing stored), 2 set-up problem.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from typing import TextIO

from careboard.analytics.ssda903.findings import Finding, warning_counts
from careboard.analytics.ssda903.minimise import PseudonymKeyError, check_key, minimise
from careboard.analytics.ssda903.postcodes import PostcodeDirectoryError
from careboard.analytics.ssda903.reader import RawReturn, read_return
from careboard.analytics.ssda903.store import Store
from careboard.analytics.ssda903.tables import FIRST_YEAR, LAST_YEAR

NAME = "import"
KEY_VARIABLE = "CAREBOARD_PSEUDONYM_KEY"
STORE_VARIABLE = "CAREBOARD_STORE"
DEFAULT_STORE = "careboard-store.duckdb"
# Public on purpose: for demos on synthetic data only. Pseudonyms made with it protect nothing.
DEV_KEY = b"careboard-demo-key-synthetic-data-only"
ERRORS_SHOWN = 25
WARNINGS_SHOWN = 10

EXIT_STORED, EXIT_DATA_ERRORS, EXIT_SETUP = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="+", help="folder, XML file, CSV files or zip")
    parser.add_argument(
        "--year",
        type=int,
        required=True,
        help=f"collection year by its end ({FIRST_YEAR}-{LAST_YEAR})",
    )
    parser.add_argument(
        "--store",
        default=os.environ.get(STORE_VARIABLE, DEFAULT_STORE),
        help=f"DuckDB store file (default ${STORE_VARIABLE} or {DEFAULT_STORE})",
    )
    parser.add_argument("--postcodes", help="ONSPD-shaped postcode CSV for placement distance")
    parser.add_argument("--la", help="the responsible LA's ONS code, e.g. E08000015")
    parser.add_argument(
        "--previous",
        help="last year's return (same forms as PATH), for the rules that compare two years",
    )
    parser.add_argument(
        "--dev-key", action="store_true", help="use the public demo key (synthetic data only)"
    )


class _ProgressLine:
    """Rows read so far, on one rewritten line of stderr."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.file: str | None = None

    def __call__(self, file: str, rows: int) -> None:
        if self.file not in (None, file):
            self.stream.write("\n")
        self.file = file
        self.stream.write(f"\r  reading {file}: {rows:,} rows")
        self.stream.flush()

    def done(self) -> None:
        if self.file is not None:
            self.stream.write("\n")


def run(args: argparse.Namespace) -> int:
    key = _key(args.dev_key)
    if key is None:
        return EXIT_SETUP
    started = time.perf_counter()
    progress = _ProgressLine(sys.stderr)
    source = args.path[0] if len(args.path) == 1 else args.path
    raw = read_return(source, args.year, progress=progress)
    progress.done()
    print(f"read {raw.row_count:,} rows in {len(raw.tables)} table(s)", file=sys.stderr)
    findings = list(raw.findings)
    if not raw.has_errors:
        previous = None
        if args.previous:
            previous = read_return(args.previous, args.year - 1)
            if previous.has_errors:
                print(
                    "note: last year's return has file errors; cross-year rules skipped.",
                    file=sys.stderr,
                )
                previous = None
        checked = _validate(raw, previous)
        if checked is not None:
            findings.extend(checked)
            print(f"checked {raw.row_count:,} rows: {len(checked):,} finding(s)", file=sys.stderr)
    _summarise(findings)
    if any(f.blocks_import for f in findings):
        print("Not stored: fix the errors above and import again.")
        return EXIT_DATA_ERRORS
    if args.postcodes is None:
        print(
            "note: no --postcodes lookup, so placement location and distance are unknown.",
            file=sys.stderr,
        )
    elif args.la is None:
        print(
            "note: no --la code, so placement location (in/out of the LA) is unknown.",
            file=sys.stderr,
        )
    try:
        tables = minimise(raw, key=key, postcodes=args.postcodes, la=args.la)
    except PostcodeDirectoryError as problem:
        print(f"careboard import: {problem}", file=sys.stderr)
        return EXIT_SETUP
    counts = Store(args.store).load(args.year, tables, warnings=warning_counts(findings, args.year))
    print(f"Stored {args.year} in {args.store} ({time.perf_counter() - started:.1f} s):")
    for table, rows in counts.items():
        print(f"  {table:<16} {rows:>9,} rows")
    return EXIT_STORED


def _key(dev_key: bool) -> bytes | None:
    if dev_key:
        print("WARNING: using the public demo key; never do this with real data.", file=sys.stderr)
        return DEV_KEY
    value = os.environ.get(KEY_VARIABLE, "")
    try:
        return check_key(value.encode())
    except PseudonymKeyError as problem:
        print(
            f"careboard import: set {KEY_VARIABLE} (secret, at least 16 characters) or "
            f"pass --dev-key for synthetic demo data: {problem}.",
            file=sys.stderr,
        )
        return None


def _validate(raw: RawReturn, previous: RawReturn | None) -> list[Finding] | None:
    try:
        from careboard.analytics.ssda903.validate import validate_return
    except ImportError as missing:
        if getattr(missing, "name", None) not in ("careboard.analytics.ssda903.validate", None):
            raise
        print(
            "note: the validator is not installed; only file-level checks were made.",
            file=sys.stderr,
        )
        return None
    findings: list[Finding] = validate_return(raw, raw.year, previous)
    return findings


def _summarise(findings: list[Finding]) -> None:
    errors = [f for f in findings if f.blocks_import]
    warnings = [f for f in findings if not f.blocks_import]
    print(f"{len(errors):,} error(s), {len(warnings):,} warning(s)")
    _list("Errors (block the import):", errors, ERRORS_SHOWN)
    _list("Warnings (do not block):", warnings, WARNINGS_SHOWN)


def _list(title: str, findings: list[Finding], shown: int) -> None:
    if not findings:
        return
    print(title)
    for finding in findings[:shown]:
        value = f" (value {finding.value})" if finding.value is not None else ""
        print(f"  {finding.rule_id:<8} {finding.location()}: {finding.message}{value}")
    if len(findings) > shown:
        by_rule = Counter(f.rule_id for f in findings)
        rest = ", ".join(f"{rule} x{count}" for rule, count in by_rule.most_common())
        print(f"  ... and {len(findings) - shown:,} more (by rule: {rest})")
