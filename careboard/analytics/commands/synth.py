"""Write synthetic multi-year SSDA903 returns (invented children; for tests and demos).

--years 2016-2025 means the collection years ending in 2016 to 2025: folder DIR/2025 holds
1 April 2024 to 31 March 2025. --children is about how many children are looked after during
a year (one council ~1,000; England ~100,000). --defects injects named faults into the last
year's CSV files and records where in MANIFEST.json.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from careboard.analytics.ssda903.synth.defects import DEFECTS
from careboard.analytics.ssda903.synth.generate import FORMATS, SynthRequest, generate


def _years(text: str) -> tuple[int, int]:
    first, _, last = text.partition("-")
    try:
        return int(first), int(last or first)
    except ValueError:
        raise argparse.ArgumentTypeError("use YYYY or YYYY-YYYY, e.g. 2016-2025") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--children",
        type=int,
        default=1000,
        help="children looked after during a year, roughly (default 1000)",
    )
    parser.add_argument(
        "--years",
        type=_years,
        default=(2024, 2025),
        help="collection years named by the year they end, e.g. 2016-2025",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--format", choices=FORMATS, default="csv")
    parser.add_argument(
        "--defects", default="", help=f"comma-separated defects to inject: {', '.join(DEFECTS)}"
    )


def run(args: argparse.Namespace) -> int:
    defects = tuple(d.strip() for d in args.defects.split(",") if d.strip())
    request = SynthRequest(
        children=args.children,
        first_year=args.years[0],
        last_year=args.years[1],
        seed=args.seed,
        out=args.out,
        format=args.format,
        defects=defects,
    )
    try:
        manifest = generate(request)
    except ValueError as problem:
        print(f"careboard synth: {problem}", file=sys.stderr)
        return 2
    counts = manifest["row_counts"]
    assert isinstance(counts, dict)
    for year, tables in counts.items():
        print(f"{year}: {tables['header']} children, {tables['episodes']} episodes")
    print(f"wrote {args.out} (synthetic data; see MANIFEST.json)")
    return 0
