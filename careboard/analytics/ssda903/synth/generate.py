"""Generate synthetic multi-year SSDA903 returns into a folder, with a manifest.

Layout: DIR/<year>/ per collection year, named by the year it ends (DIR/2025 holds 1 April
2024 to 31 March 2025), DIR/postcodes.csv (the invented ONSPD-shaped directory) and
DIR/MANIFEST.json (seed, parameters, `"synthetic": true`, row counts and any defects
injected). Same seed and parameters give byte-identical files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from careboard.analytics.ssda903.synth.defects import DEFECTS, inject
from careboard.analytics.ssda903.synth.lifecourse import build_life_courses
from careboard.analytics.ssda903.synth.postcodes import HOME_LA
from careboard.analytics.ssda903.synth.snapshot import cut_year
from careboard.analytics.ssda903.synth.writers import (
    csv_name,
    row_counts,
    write_csv,
    write_xml,
    xml_name,
)
from careboard.analytics.ssda903.tables import TABLE_COLUMNS

FORMATS = ("csv", "xml", "both")
FIRST_SUPPORTED_YEAR = 2016
LAST_SUPPORTED_YEAR = 2026


@dataclass(frozen=True)
class SynthRequest:
    children: int
    first_year: int
    last_year: int
    seed: int
    out: Path
    format: str = "csv"
    defects: tuple[str, ...] = field(default_factory=tuple)

    def check(self) -> None:
        if self.children < 1:
            raise ValueError("--children must be at least 1")
        if not FIRST_SUPPORTED_YEAR <= self.first_year <= self.last_year <= LAST_SUPPORTED_YEAR:
            raise ValueError(
                f"years must run from {FIRST_SUPPORTED_YEAR} to {LAST_SUPPORTED_YEAR}, "
                "named by the year each collection ends"
            )
        if self.format not in FORMATS:
            raise ValueError(f"--format must be one of {', '.join(FORMATS)}")
        unknown = sorted(set(self.defects) - set(DEFECTS))
        if unknown:
            raise ValueError(f"unknown defects: {', '.join(unknown)}")
        if self.defects and self.format == "xml":
            raise ValueError("defects are injected into CSV files: use --format csv or both")


def generate(request: SynthRequest) -> dict[str, object]:
    """Write the returns and the manifest; return the manifest."""
    request.check()
    children, postcodes = build_life_courses(
        request.seed, request.children, request.first_year, request.last_year
    )
    request.out.mkdir(parents=True, exist_ok=True)
    postcodes.write_csv(request.out / "postcodes.csv")
    files: dict[str, list[str]] = {}
    counts: dict[str, dict[str, int]] = {}
    for year in range(request.first_year, request.last_year + 1):
        folder = request.out / str(year)
        folder.mkdir(exist_ok=True)
        for stale in [*(csv_name(t) for t in TABLE_COLUMNS), xml_name(year)]:
            (folder / stale).unlink(missing_ok=True)  # files of an earlier run
        year_return = cut_year(children, year, request.seed)
        names: list[str] = []
        if request.format in ("csv", "both"):
            names += write_csv(year_return, folder)
        if request.format in ("xml", "both"):
            names.append(write_xml(year_return, folder))
        files[str(year)] = names
        counts[str(year)] = row_counts(year_return.tables)
    injected = inject(
        request.out, request.last_year, request.defects, np.random.default_rng([request.seed, 9])
    )
    manifest: dict[str, object] = {
        "synthetic": True,
        "note": "Invented children and postcodes for testing careboard; not real data.",
        "generator": "careboard synth",
        "seed": request.seed,
        "children": request.children,
        "years": list(range(request.first_year, request.last_year + 1)),
        "year_naming": "each folder is the collection year named by the year it ends: "
        "2025 = 1 April 2024 to 31 March 2025",
        "format": request.format,
        "home_la": HOME_LA,
        "postcodes": "postcodes.csv",
        "files": files,
        "row_counts": counts,
        "defects": injected,
    }
    text = json.dumps(manifest, indent=2) + "\n"
    (request.out / "MANIFEST.json").write_text(text, encoding="utf-8")
    return manifest
