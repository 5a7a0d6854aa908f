"""The benchmark modules run end to end at a tiny scale, and their helpers say what they mean.

Timings are not checked here (they belong to `make bench`); what is checked is that each
benchmark produces its rows, that the careboard side of the validator comparison reads and
validates what was generated, and how the coverage document matches rule codes.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from bench import bench_indicators, bench_validator_vs_d2i, d2i_validator, harness
from bench.harness import Measurement
from bench.validation_coverage import ReferenceRule, expand, match

YEAR = 2025


@pytest.fixture(scope="module")
def tiny_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One small generated collection year (CSV files), with last year beside it."""
    returns = tmp_path_factory.mktemp("returns")
    bench_validator_vs_d2i.generate(30, returns)
    return returns / str(YEAR)


def test_the_careboard_validate_worker_reads_every_child_generated(tiny_year: Path) -> None:
    header_rows = len((tiny_year / "header.csv").read_text().splitlines()) - 1
    result = bench_validator_vs_d2i.careboard_worker("validate", tiny_year, YEAR)
    assert result["children"] == header_rows
    assert float(result["seconds"]) > 0  # type: ignore[arg-type]
    assert float(result["peak_mb"]) > 0  # type: ignore[arg-type]


def test_the_import_worker_also_stores_the_year(tiny_year: Path) -> None:
    result = bench_validator_vs_d2i.careboard_worker("import", tiny_year, YEAR)
    assert int(result["episodes"]) > 0  # type: ignore[call-overload]


def test_the_reference_rule_pack_is_named_by_the_collection_year() -> None:
    # 2025 is the collection year 1 April 2024 to 31 March 2025: the validator's lac2024_25.
    assert d2i_validator.ruleset(2025) == "lac2024_25"
    assert d2i_validator.ruleset(2010) == "lac2009_10"


@pytest.mark.slow
@pytest.mark.skipif(
    not (d2i_validator.VENV / ".installed").exists(),
    reason="the reference validator is installed by `make bench` (network), not by tests",
)
def test_the_reference_validator_runs_on_the_same_files(tiny_year: Path) -> None:
    run = d2i_validator.run(tiny_year, YEAR, timeout=600)
    assert run.rules > 200
    assert run.rules_run > 0
    assert not math.isnan(run.seconds)


def test_careboard_dfe_ranges_are_spelled_out() -> None:
    assert expand("202-208") == {"202", "203", "204", "205", "206", "207", "208"}
    assert expand("503A-503C, 1007") == {"503A", "503B", "503C", "1007"}
    assert expand("INT01-INT03") == {"INT01", "INT02", "INT03"}
    assert expand("SW16a-SW16b") == {"SW16A", "SW16B"}


def test_reference_codes_match_by_code_stage_or_family() -> None:
    ours = {"101": ["101"], "SW06": ["SW06"], "205": ["205"], "197A": ["197a"]}
    assert match("101", ours) == ("same code", "101")
    assert match("SW06STG2", ours) == ("same code without the stage suffix", "SW06")
    assert match("205C", ours) == ("family", "205")
    assert match("197a", ours) == ("same code", "197A")
    assert match("197B", ours) is None  # a different part of 197, not covered


def test_a_reference_rule_belongs_to_the_table_it_checks_beyond_header_and_episodes() -> None:
    assert ReferenceRule("389", "", ("Episodes", "Header")).theme == "Episodes"
    assert ReferenceRule("187", "", ("OC3", "AD1", "Episodes")).theme == "Across several tables"
    assert ReferenceRule("336", "", ("Episodes", "PlacedAdoption")).theme == "Placed for adoption"
    previous = ReferenceRule("452", "", ("Episodes", "Episodes_last"))
    assert previous.theme == "Compared with last year's return"


@pytest.mark.slow
def test_the_indicator_benchmark_runs_and_finds_both_sides_agree() -> None:
    engine, first, ever, pandas = bench_indicators.run("tiny")
    assert engine.name == "indicators: engine, all 3 years (tiny)"
    assert first.name == "indicators: engine, all 3 years, first run in a new process (tiny)"
    assert ever.name == "indicators: engine, all 3 years, first run ever (tiny)"
    assert 0 < engine.seconds <= first.seconds
    assert pandas.note.startswith("same ")
    assert "integer for integer" in pandas.note


def test_saving_some_measurements_keeps_the_rest_of_the_baseline(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    harness.save([Measurement("a", 1.0), Measurement("b", 2.0)], path)
    harness.save([Measurement("b", 0.5), Measurement("c", 3.0)], path)
    assert {name: m.seconds for name, m in harness.load(path).items()} == {
        "a": 1.0,
        "b": 0.5,
        "c": 3.0,
    }
