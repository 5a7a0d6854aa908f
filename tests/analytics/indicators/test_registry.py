"""The registry: every KPI the issue names is registered, described and tested."""

import ast
from pathlib import Path

import pytest

from careboard.analytics.indicators import REGISTRY, indicator
from careboard.analytics.indicators.registry import PRIORITIES
from careboard.analytics.ssda903.stored import STORED_TABLES

ROOT = Path(__file__).resolve().parents[3]

# The 903-derived codes issue 5 asks for.
REQUIRED_CODES = (
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
)


def test_every_required_code_is_registered() -> None:
    assert set(REQUIRED_CODES) - set(REGISTRY) == set()


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_metadata_is_complete(code: str) -> None:
    entry = REGISTRY[code]
    assert entry.code == code
    assert entry.priority in PRIORITIES
    assert entry.title
    assert entry.cohort
    assert entry.dfe_publication
    assert len(entry.definition) > 40
    assert entry.source_fields
    assert set(entry.tables) <= set(STORED_TABLES)
    # Percentages are a share of a cohort, so the polarity has to be chosen.
    if entry.unit == "percent":
        assert entry.polarity in {"higher", "lower"}


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_every_indicator_has_a_fixture_test(code: str) -> None:
    entry = REGISTRY[code]
    test_file = ROOT / entry.test_path
    assert test_file.exists(), f"{code}: no {entry.test_path}"
    assert f'"{code}"' in test_file.read_text(encoding="utf-8")


def test_definitions_only_build_expressions() -> None:
    # Everything runs in the backend: no indicator module executes a query or walks rows.
    forbidden = {"execute", "to_pandas", "to_pyarrow", "to_polars", "iterrows", "collect"}
    package = ROOT / "careboard/analytics/indicators"
    for module in package.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        calls = {
            node.func.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        }
        assert calls & forbidden == set(), module.name


def test_a_code_cannot_be_registered_twice() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        indicator(
            code="cla_count_31mar",
            title="t",
            priority="vision",
            unit="count",
            polarity="contextual",
            cohort="c",
            period="dfe_year",
            definition="d",
            source_fields=("Episodes.DEC",),
            dfe_publication="p",
        )(REGISTRY["cla_count_31mar"].compute)


def test_years_needed_counts_back_from_the_year() -> None:
    assert REGISTRY["adoption_a1_days"].years_needed(2025) == (2023, 2024, 2025)
    assert REGISTRY["cla_count_31mar"].years_needed(2025) == (2025,)
