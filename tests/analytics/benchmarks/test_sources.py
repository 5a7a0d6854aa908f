"""Every indicator code has a benchmark entry: a DfE source, or the reason there is none."""

from careboard.analytics.benchmarks.sources import BENCHMARKS, Benchmark, NoBenchmark, Polarity
from tests.analytics.indicators.test_registry import REQUIRED_CODES

# The 903 codes issue 5 names, plus the manual KPIs DfE publishes a figure for.
INDICATOR_CODES = [
    *REQUIRED_CODES,
    "ks2_rwm_expected_pct",
    "attainment8_average",
    "progress8_average",
    "persistent_absence_pct",
    "overall_absence_pct",
    "suspension_pct",
    "ehcp_pct",
]


def test_every_indicator_code_has_exactly_one_entry() -> None:
    assert sorted(BENCHMARKS) == sorted(INDICATOR_CODES)


def test_entries_without_benchmark_say_why() -> None:
    missing = {code for code, e in BENCHMARKS.items() if isinstance(e, NoBenchmark)}
    assert missing == {
        "long_term_foster_pct",
        "adoption_a1_days",
        "adoption_a2_days",
        "adoption_a10_days",
    }
    assert all(len(BENCHMARKS[code].reason) > 20 for code in missing)  # type: ignore[union-attr]


def test_polarity_follows_the_lait_dictionary() -> None:
    # LAIT Polarity: LACDistance Low, LAC_Foster_Placements High, Children_missing "-"
    expected = {
        "placed_over_20_miles_outside_pct": Polarity.LOWER,
        "foster_placement_pct": Polarity.HIGHER,
        "missing_in_year_pct": Polarity.CONTEXTUAL,
        "oc2_sdq_average": Polarity.LOWER,
    }
    for code, polarity in expected.items():
        entry = BENCHMARKS[code]
        assert isinstance(entry, Benchmark)
        assert entry.polarity is polarity
