"""The shipped snapshot against the DfE files themselves (../shared/benchmarks, read directly).

Skipped where the benchmark pack is not next to the repository (users' clones).
"""

import csv
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from careboard.analytics.benchmarks.build import default_source_dir
from careboard.analytics.benchmarks.snapshot import (
    DEFAULT_FILE,
    WIRRAL,
    Figure,
    Snapshot,
    shipped_snapshot,
)
from careboard.analytics.benchmarks.sources import BENCHMARKS, Benchmark, EesColumn, LaitMeasure
from careboard.analytics.cli import main

PACK = default_source_dir()
ENGLAND = "E92000001"
NORTH_WEST = "E12000002"

pytestmark = pytest.mark.skipif(not PACK.is_dir(), reason="no ../shared/benchmarks here")


def raw_ees_cell(source: EesColumn, year: str, la_code: str) -> str:
    """The cell as written in the DfE CSV, found with the csv module (not the builder's code)."""
    with (PACK / source.file).open(encoding="utf-8-sig", newline="") as handle:
        cells = [
            row[source.column]
            for row in csv.DictReader(handle)
            if row["time_period"] == year
            and row["new_la_code"] == la_code
            and all(row[name] == value for name, value in source.filters)
        ]
    assert len(cells) == 1, cells
    return cells[0]


def raw_lait_value(short_desc: str, area: str, year: str) -> str:
    frame = pd.read_parquet(PACK / "lait" / "bds_long_0.parquet")
    cells = frame[
        (frame["Short Desc"] == short_desc)
        & (frame["LA and Regions"] == area)
        & (frame["Years"] == year)
    ]["Values"]
    assert len(cells) == 1
    return str(cells.iloc[0])


def test_england_foster_placement_percentage_2025() -> None:
    # LAIT LAC_Foster_Placements, England, 2025: 67 (indicators.md: 67%)
    raw = raw_lait_value("LAC_Foster_Placements", "England", "2025")
    assert raw == "67"
    assert shipped_snapshot().value("foster_placement_pct", 2025, ENGLAND) == Figure(67.0)


def test_wirral_care_leavers_19_to_21_in_eet_2025() -> None:
    entry = BENCHMARKS["care_leavers_19_21_eet_pct"]
    assert isinstance(entry, Benchmark)
    assert isinstance(entry.sources[0], EesColumn)
    raw = raw_ees_cell(entry.sources[0], "2025", WIRRAL)
    assert raw == "57"
    assert shipped_snapshot().value("care_leavers_19_21_eet_pct", 2025, WIRRAL) == Figure(57.0)


def test_suppressed_cells_are_missing_with_the_dfe_symbol() -> None:
    snapshot = shipped_snapshot()
    # Wirral 2025, 17-18 suitable accommodation: 'c' in the DfE file
    entry = BENCHMARKS["care_leavers_17_18_suitable_accom_pct"]
    assert isinstance(entry, Benchmark)
    assert isinstance(entry.sources[0], EesColumn)
    assert raw_ees_cell(entry.sources[0], "2025", WIRRAL) == "c"
    figure = snapshot.value("care_leavers_17_18_suitable_accom_pct", 2025, WIRRAL)
    assert figure == Figure(None, "c")
    assert figure.reason is not None
    assert figure.reason.startswith("suppressed")
    # apprenticeships: 17-18 is 'c', 19-21 is 12 -> the total cannot be published
    assert snapshot.value("care_leavers_apprenticeship_count", 2025, WIRRAL) == Figure(None, "c")
    # Progress 8 for 2024/25 is 'x' (no KS2 baseline)
    assert snapshot.value("progress8_average", 2025, ENGLAND) == Figure(None, "x")


@pytest.mark.parametrize(
    "code", [code for code, e in BENCHMARKS.items() if isinstance(e, Benchmark)]
)
def test_wirral_latest_ees_value_matches_the_file(code: str) -> None:
    """For every indicator whose first source is a plain EES column: Wirral, latest year."""
    entry = BENCHMARKS[code]
    assert isinstance(entry, Benchmark)
    source = entry.sources[0]
    if isinstance(source, LaitMeasure):
        frame = pd.read_parquet(PACK / source.file)
        rows = frame[(frame["Short Desc"] == source.short_desc) & (frame["LA Number"] == 344)]
        cells = {y: str(v) for y, v in zip(rows["Years"], rows["Values"], strict=True)}
        latest = max(y for y in cells if y.isdigit())
        expected = Figure(None, "-") if cells[latest] == "-" else Figure(float(cells[latest]))
        assert shipped_snapshot().value(code, int(latest), WIRRAL) == expected
        return
    if not isinstance(source, EesColumn):
        pytest.skip("derived figure: see the ratio and total tests")
    with (PACK / source.file).open(encoding="utf-8-sig", newline="") as handle:
        cells = {
            row["time_period"]: row[source.column]
            for row in csv.DictReader(handle)
            if row["new_la_code"] == WIRRAL
            and all(row[name] == value for name, value in source.filters)
        }
    latest = max(cells)
    year = int(latest) if len(latest) == 4 else int(latest[:4]) + 1  # 202425 -> 2025
    raw = cells[latest]
    figure = shipped_snapshot().value(code, year, WIRRAL)
    if raw.replace(".", "", 1).replace("-", "", 1).isdigit():
        assert figure == Figure(float(raw))
    else:
        assert figure == Figure(None, raw)


def test_placed_outside_the_boundary_is_the_ratio_of_two_dfe_counts() -> None:
    # net-gain table, 2024: England 37,520 of 83,630 at 31 March (45%); Wirral 176 of 767 (23%)
    snapshot = shipped_snapshot()
    assert snapshot.value("placed_outside_la_pct", 2024, ENGLAND) == Figure(45.0)
    assert snapshot.value("placed_outside_la_pct", 2024, WIRRAL) == Figure(23.0)


# The pack's own summary (lait_latest_wirral_england_nw_sn_summary.csv, derived from LAIT):
# England, North West, Wirral and the mean of Wirral's ten 2025 statistical neighbours.
SUMMARY_CODES = {
    "CareLeaverEET": "care_leavers_19_21_eet_pct",
    "CareLeaverAcc": "care_leavers_19_21_suitable_accom_pct",
    "LACDistance": "placed_over_20_miles_outside_pct",
    "LAC_Foster_Placements": "foster_placement_pct",
    "LACHealth%": "oc2_health_assessment_pct",
    "LACDental%": "oc2_dental_check_pct",
    "Emotional_LAC": "oc2_sdq_average",
    "LAC_LongStable%": "long_term_stability_pct",
    "LACStable_2016on": "placements_3plus_pct",
}


def test_england_region_council_and_neighbour_average_match_the_pack_summary() -> None:
    with (PACK / "lait" / "lait_latest_wirral_england_nw_sn_summary.csv").open() as handle:
        summary = {row["measure_short"]: row for row in csv.DictReader(handle)}
    snapshot = shipped_snapshot()
    for short, code in SUMMARY_CODES.items():
        row = summary[short]
        comparison = snapshot.compare(code, int(row["year"]))
        assert comparison.england.value == float(row["England"]), code
        assert comparison.region_value.value == float(row["North_West"]), code
        assert comparison.value.value == round(float(row["Wirral"]), 4), code
        assert comparison.neighbour_average is not None
        assert round(comparison.neighbour_average, 1) == float(row["SN_mean"]), code
        assert comparison.neighbours_with_value == int(row["SN_n"]), code


@pytest.mark.slow
def test_the_shipped_snapshot_is_what_the_builder_makes_from_the_pack(tmp_path: Path) -> None:
    out = tmp_path / "snapshot.parquet"
    assert main(["benchmarks", "build", "--source", str(PACK), "--out", str(out)]) == 0
    assert pq.read_table(out).equals(pq.read_table(DEFAULT_FILE))
    fresh = Snapshot.load(out)
    assert fresh.metadata == shipped_snapshot().metadata
