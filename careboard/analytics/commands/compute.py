"""Compute every 903 indicator for one collection year from returns on disk.

Each PATH is a folder holding one collection year's return, named by the year it ends
(`2025` = 1 April 2024 to 31 March 2025), or a folder of such folders (the layout `careboard
synth` writes). Returns up to --year are read, checked by the validator (with the year
before's return where it is given), minimised with a key that lives only for this run, and
loaded into a temporary store with their warnings counted; the indicators for --year are
written as JSON: {"year": YYYY, "indicators": {code: {"value", "numerator", "denominator",
"flags", "note", "warnings"}}}. Indicators needing a year that is not given are flagged
"not_derivable"; those reading a field that a validation warning concerns are flagged
"data_quality", with the warnings (year, table, column, rule_id, count) and a sentence in
"note". A return with validation errors is computed all the same (an import would refuse
it), with a note on stderr.
Exit status: 0 computed, 1 a return could not be read, 2 set-up problem.
"""

from __future__ import annotations

import argparse
import json
import secrets
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from careboard.analytics.engine import IndicatorResult, compute
from careboard.analytics.ssda903.findings import warning_counts
from careboard.analytics.ssda903.minimise import minimise
from careboard.analytics.ssda903.reader import RawReturn, read_return
from careboard.analytics.ssda903.store import Store
from careboard.analytics.ssda903.validate import validate_return
from careboard.analytics.validation_caveats import add_warnings

NAME = "compute"
EXIT_OK, EXIT_UNREADABLE, EXIT_SETUP = 0, 1, 2
MANIFEST = "MANIFEST.json"  # written by `careboard synth` beside the year folders


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="+", type=Path, help="year folders, or their parent")
    parser.add_argument("--year", type=int, required=True, help="collection year by its end")
    parser.add_argument("--json", type=Path, required=True, help="file to write the results to")
    parser.add_argument(
        "--postcodes",
        help="ONSPD-shaped postcode CSV for placement location and distance "
        f"(default: the one named in a {MANIFEST} beside the year folders)",
    )
    parser.add_argument("--la", help="the responsible LA's ONS code, e.g. E08000015")


def year_folders(paths: list[Path]) -> dict[int, Path]:
    """Collection year -> folder, from folders named by year or parents of such folders."""
    found: dict[int, Path] = {}
    for path in paths:
        if path.name.isdigit():
            found[int(path.name)] = path
        elif path.is_dir():
            for child in path.iterdir():
                if child.is_dir() and child.name.isdigit():
                    found[int(child.name)] = child
    return found


def _manifest_settings(folders: list[Path]) -> tuple[str | None, str | None]:
    """Postcode file and home LA from a synth MANIFEST.json beside the year folders."""
    for parent in {folder.parent for folder in folders}:
        manifest = parent / MANIFEST
        if manifest.exists():
            settings = json.loads(manifest.read_text(encoding="utf-8"))
            postcodes = settings.get("postcodes")
            return (str(parent / postcodes) if postcodes else None, settings.get("home_la"))
    return None, None


def as_json(year: int, results: dict[str, IndicatorResult]) -> dict[str, object]:
    return {
        "year": year,
        "indicators": {
            code: {
                "value": result.value,
                "numerator": result.numerator,
                "denominator": result.denominator,
                "flags": list(result.flags),
                "note": result.note,
                "warnings": [asdict(warning) for warning in result.warnings],
            }
            for code, result in results.items()
        },
    }


def run(args: argparse.Namespace) -> int:
    folders = {y: p for y, p in year_folders(args.path).items() if y <= args.year}
    if args.year not in folders:
        print(f"careboard compute: no folder for {args.year} among {args.path}", file=sys.stderr)
        return EXIT_SETUP
    postcodes, la = args.postcodes, args.la
    if postcodes is None:
        postcodes, manifest_la = _manifest_settings(list(folders.values()))
        la = la or manifest_la
    key = secrets.token_bytes(32)  # pseudonyms are only needed to link years in this run
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="careboard-compute-") as scratch:
        store = Store(Path(scratch) / "store.duckdb")
        previous: RawReturn | None = None
        for year, folder in sorted(folders.items()):
            raw = read_return(folder, year)
            if raw.has_errors:
                print(f"careboard compute: cannot read {folder}:", file=sys.stderr)
                for finding in raw.findings[:10]:
                    print(f"  {finding.location()}: {finding.message}", file=sys.stderr)
                return EXIT_UNREADABLE
            last_year = previous if previous is not None and previous.year == year - 1 else None
            findings = [*raw.findings, *validate_return(raw, year, last_year)]
            errors = sum(finding.blocks_import for finding in findings)
            if errors:
                print(
                    f"note: {folder} has {errors:,} validation error(s), which would stop "
                    "`careboard import`; computed from it as it is.",
                    file=sys.stderr,
                )
            tables = minimise(raw, key=key, postcodes=postcodes, la=la)
            store.load(year, tables, warnings=warning_counts(findings, year))
            previous = raw
        loaded = time.perf_counter()
        computed = compute(store.ibis(), args.year, years_loaded=store.years())
        results = add_warnings({args.year: computed}, store.warnings())[args.year]
    finished = time.perf_counter()
    args.json.write_text(json.dumps(as_json(args.year, results), indent=2), encoding="utf-8")
    derivable = sum("not_derivable" not in r.flags for r in results.values())
    print(
        f"{derivable} of {len(results)} indicators computed for {args.year} from "
        f"{len(folders)} return(s): checked and loaded in {loaded - started:.1f} s, computed in "
        f"{finished - loaded:.2f} s; wrote {args.json}"
    )
    return EXIT_OK
