"""Every indicator code has a benchmark entry: a DfE source, or the reason there is none."""

from careboard.analytics.benchmarks.sources import BENCHMARKS, Benchmark, NoBenchmark, Polarity

INDICATOR_CODES = [
    "cla_count_31mar",
    "cla_starters",
    "cla_ceased",
    "ceased_adopted_pct",
    "foster_placement_pct",
    "long_term_foster_pct",
    "placed_outside_la_pct",
    "placed_over_20_miles_outside_pct",
    "placements_3plus_pct",
    "long_term_stability_pct",
    "placement_moves_2plus_2yr_pct",
    "sw_changes_2plus_pct",
    "oc2_count",
    "oc2_health_assessment_pct",
    "oc2_dental_check_pct",
    "oc2_immunisations_pct",
    "oc2_sdq_completed_pct",
    "oc2_sdq_average",
    "missing_in_year_pct",
    "away_no_auth_in_year_pct",
    "adoption_a1_days",
    "adoption_a2_days",
    "adoption_a10_days",
    "care_leavers_17_18_count",
    "care_leavers_19_21_count",
    "care_leavers_17_18_in_touch_pct",
    "care_leavers_19_21_in_touch_pct",
    "care_leavers_17_18_eet_pct",
    "care_leavers_19_21_eet_pct",
    "care_leavers_17_18_suitable_accom_pct",
    "care_leavers_19_21_suitable_accom_pct",
    "care_leavers_19_21_higher_education_pct",
    "care_leavers_apprenticeship_count",
    "uasc_count_31mar",
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
