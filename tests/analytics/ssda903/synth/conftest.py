"""Generated returns shared by the synth tests: made once per test run (a few seconds)."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from careboard.analytics.ssda903.synth.generate import SynthRequest, generate

# A council-sized population over two years (rates, validator) and a small one over ten
# years (code lists by year, continuity across years).
TWO_YEARS = SynthRequest(children=2000, first_year=2024, last_year=2025, seed=11, out=Path())
TEN_YEARS = SynthRequest(children=300, first_year=2016, last_year=2025, seed=5, out=Path())


@pytest.fixture(scope="session")
def two_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth_two_years")
    generate(replace(TWO_YEARS, out=out))
    return out


@pytest.fixture(scope="session")
def ten_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth_ten_years")
    generate(replace(TEN_YEARS, out=out, format="both"))
    return out


def read_table(folder: Path, table: str) -> list[dict[str, str]]:
    """One generated CSV as dicts (blank cells stay empty strings)."""
    path = folder / f"{table}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
