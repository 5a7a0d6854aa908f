"""Comparisons from a tiny inline snapshot: SN average, quartile in each polarity, symbols."""

import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from careboard.analytics.benchmarks.snapshot import (
    DEFAULT_FILE,
    NOT_IN_SNAPSHOT,
    WIRRAL,
    Area,
    Figure,
    QuartilePosition,
    Snapshot,
    shipped_snapshot,
)
from careboard.analytics.benchmarks.sources import BENCHMARKS, Benchmark
from careboard.analytics.rag import Target, judge

EET = "care_leavers_19_21_eet_pct"  # higher is better
MOVES = "placements_3plus_pct"  # lower is better
COUNT = "cla_count_31mar"  # contextual


def la(code: str, name: str) -> Area:
    return Area(code, name, "la", "", "E12000002")


AREAS = {
    "E92000001": Area("E92000001", "England", "national", "", ""),
    "E12000002": Area("E12000002", "North West", "regional", "", ""),
    "W": la("W", "Wirral"),
    "A": la("A", "Aville"),
    "B": la("B", "Bton"),
    "C": la("C", "Cford"),
    "D": la("D", "Dham"),
    "E": la("E", "Eby"),
    "F": la("F", "Fley"),
    "G": la("G", "Gwick"),
}


def figures(**values: float | str) -> dict[str, Figure]:
    return {
        code.replace("_", "") if code != "ENG" else "E92000001": (
            Figure(None, value) if isinstance(value, str) else Figure(float(value))
        )
        for code, value in values.items()
    }


@pytest.fixture
def snapshot() -> Snapshot:
    # Eight LAs, seven with a number. Wirral's neighbours: A, B, E (E suppressed).
    eet = figures(ENG=54, W=57, A=41, B=59, C=51, D=70, E="c", F=57, G=30)
    eet["E12000002"] = Figure(55.0)
    moves = figures(ENG=10, W=9, A=12, B=6, C=9, D=14, E=8, F=11, G=10)
    count = figures(ENG=81770, W=681, A=500, B=400)
    values = {(EET, 2025): eet, (MOVES, 2025): moves, (COUNT, 2025): count}
    return Snapshot(values, AREAS, {"W": ("A", "B", "E")}, {})


def test_comparison_for_the_council(snapshot: Snapshot) -> None:
    comparison = snapshot.compare(EET, 2025, "W")
    assert comparison.value == Figure(57.0)
    assert comparison.england == Figure(54.0)
    assert comparison.region == AREAS["E12000002"]
    assert comparison.region_value == Figure(55.0)
    assert [(n.rank, n.area.name, n.figure) for n in comparison.neighbours] == [
        (1, "Aville", Figure(41.0)),
        (2, "Bton", Figure(59.0)),
        (3, "Eby", Figure(None, "c")),
    ]
    # mean of the neighbours with a number: (41 + 59) / 2
    assert comparison.neighbour_average == 50.0
    assert comparison.neighbours_with_value == 2


def test_quartile_higher_is_better_with_ties_sharing_the_better_rank(snapshot: Snapshot) -> None:
    # values best first: 70, 59, 57 (W), 57 (F), 51, 41, 30 -> W ranks 3 of 7; ceil(12/7) = 2
    assert snapshot.quartile(EET, 2025, "W") == QuartilePosition("B", 3, 7)
    assert snapshot.quartile(EET, 2025, "F") == QuartilePosition("B", 3, 7)
    assert snapshot.quartile(EET, 2025, "D") == QuartilePosition("A", 1, 7)
    assert snapshot.quartile(EET, 2025, "G") == QuartilePosition("D", 7, 7)


def test_quartile_lower_is_better(snapshot: Snapshot) -> None:
    # best first: 6, 8, 9 (W), 9 (C), 10, 11, 12, 14 -> W ranks 3 of 8; ceil(12/8) = 2
    assert snapshot.quartile(MOVES, 2025, "W") == QuartilePosition("B", 3, 8)
    assert snapshot.quartile(MOVES, 2025, "D") == QuartilePosition("D", 8, 8)


def test_no_quartile_for_contextual_or_suppressed_values(snapshot: Snapshot) -> None:
    assert snapshot.quartile(COUNT, 2025, "W") is None
    assert snapshot.quartile(EET, 2025, "E") is None


def test_a_year_or_area_not_in_the_snapshot_is_missing_with_a_reason(snapshot: Snapshot) -> None:
    assert snapshot.value(EET, 2019, "W") is NOT_IN_SNAPSHOT
    assert NOT_IN_SNAPSHOT.reason == "no figure in the source file"
    assert snapshot.value(EET, 2025, "E").reason is not None
    assert snapshot.value(EET, 2025, "E").reason.startswith("suppressed")  # type: ignore[union-attr]


def test_la_values_leave_out_england_and_regions(snapshot: Snapshot) -> None:
    assert set(snapshot.la_values(EET, 2025)) == {"W", "A", "B", "C", "D", "E", "F", "G"}


def test_load_rejects_a_parquet_file_that_is_not_a_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "other.parquet"
    pq.write_table(
        pa.table(
            {
                "indicator": ["x"],
                "year": [2025],
                "area_code": ["W"],
                "value": [1.0],
                "symbol": [None],
            }
        ),
        path,
    )
    with pytest.raises(ValueError, match="not a careboard benchmark snapshot"):
        Snapshot.load(path)


def test_the_shipped_snapshot_covers_every_benchmarked_indicator_offline() -> None:
    """The app reads only the file in the package (users' clones have no ../shared)."""
    shipped = shipped_snapshot()
    expected = {code for code, entry in BENCHMARKS.items() if isinstance(entry, Benchmark)}
    assert set(shipped.indicators()) == expected
    assert "Open Government Licence v3.0" in str(shipped.metadata["licence"])
    assert [area.name for area in shipped.neighbours_of(WIRRAL)] == [
        "County Durham",
        "Sefton",
        "Halton",
        "Stockton-on-Tees",
        "Sunderland",
        "Gateshead",
        "Redcar and Cleveland",
        "Lancashire",
        "Bury",
        "South Tyneside",
    ]
    assert DEFAULT_FILE.stat().st_size < 3_000_000


def test_loading_the_shipped_snapshot_is_fast() -> None:
    shipped_snapshot()  # the first load pays for imports
    started = time.process_time()  # CPU time: the test machine is shared
    Snapshot.load()
    assert time.process_time() - started < 0.1  # measured about 0.02 s


def test_a_comparison_feeds_the_rag_sentence(snapshot: Snapshot) -> None:
    comparison = snapshot.compare(EET, 2025, "W")
    judgement = judge(
        comparison.value.value,
        year=2025,
        unit="percent",
        polarity="higher",
        target=Target(60, 5),
        benchmarks=comparison.for_rag(),
    )
    assert judgement.sentence == (
        "Amber: 57% is 3 points below the 60% target, within the tolerance of 5; England 54%; "
        "statistical neighbours 50%; quartile B, the second quarter of councils."
    )


# England's latest values as given in ../shared/docs/indicators.md (DfE releases)
ENGLAND_IN_INDICATORS_MD = [
    ("cla_count_31mar", 2025, 81770),
    ("cla_starters", 2025, 32270),
    ("ceased_adopted_pct", 2025, 9),
    ("foster_placement_pct", 2025, 67),
    ("placed_outside_la_pct", 2024, 45),
    ("placed_over_20_miles_outside_pct", 2025, 18),
    ("care_leavers_19_21_count", 2025, 38440),
    ("care_leavers_17_18_count", 2025, 14800),
    ("oc2_sdq_completed_pct", 2025, 78),
    ("oc2_sdq_average", 2025, 14.9),
    ("oc2_health_assessment_pct", 2025, 90),
    ("oc2_immunisations_pct", 2025, 84),
    ("oc2_dental_check_pct", 2025, 81),
    ("care_leavers_17_18_in_touch_pct", 2024, 94),
    ("care_leavers_19_21_in_touch_pct", 2024, 92),
    ("sw_changes_2plus_pct", 2024, 27),
    ("placement_moves_2plus_2yr_pct", 2025, 23),
    ("placements_3plus_pct", 2025, 10),
    ("long_term_stability_pct", 2025, 69),
    ("care_leavers_17_18_suitable_accom_pct", 2025, 91),
    ("care_leavers_19_21_suitable_accom_pct", 2025, 89),
    ("ks2_rwm_expected_pct", 2025, 35),
    ("progress8_average", 2024, -1.31),
    ("attainment8_average", 2025, 17.3),
    ("overall_absence_pct", 2025, 9.0),
    ("suspension_pct", 2024, 14.55),
    ("persistent_absence_pct", 2025, 20.3),
    ("care_leavers_17_18_eet_pct", 2025, 64),
    ("care_leavers_19_21_eet_pct", 2025, 54),
    ("care_leavers_19_21_higher_education_pct", 2025, 6),
    ("ehcp_pct", 2025, 33.9),
]


@pytest.mark.parametrize(("code", "year", "england"), ENGLAND_IN_INDICATORS_MD)
def test_shipped_england_values_match_indicators_md(code: str, year: int, england: float) -> None:
    assert shipped_snapshot().value(code, year, "E92000001") == Figure(float(england))
