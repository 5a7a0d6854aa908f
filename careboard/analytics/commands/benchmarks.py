"""DfE benchmarks: build the shipped snapshot from the DfE benchmark pack.

`careboard benchmarks build [--source DIR] [--out FILE]` reads the DfE files (default
../shared/benchmarks next to the repository) and writes the compact snapshot the app ships
(default careboard/analytics/data/benchmarks_snapshot.parquet).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

NAME = "benchmarks"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    build = actions.add_parser("build", help="read the DfE files and write the snapshot")
    build.add_argument("--source", type=Path, default=None, help="benchmark pack folder")
    build.add_argument("--out", type=Path, default=None, help="snapshot file to write")


def run(args: argparse.Namespace) -> int:
    # imported here: pandas is needed only to build, not to list the CLI's commands
    from careboard.analytics.benchmarks.build import (
        BenchmarkSourceError,
        build_snapshot,
        default_output_file,
        default_source_dir,
    )

    source: Path = args.source or default_source_dir()
    out: Path = args.out or default_output_file()
    if not source.is_dir():
        print(f"benchmarks: no benchmark folder at {source} (use --source)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        rows = build_snapshot(source, out)
    except BenchmarkSourceError as error:
        print(f"benchmarks: {error}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    print(f"wrote {rows} figures to {out} ({out.stat().st_size:,} bytes) in {seconds:.1f} s")
    return 0
