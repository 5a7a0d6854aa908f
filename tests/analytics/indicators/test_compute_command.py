"""`careboard compute PATH... --year YYYY --json OUT` on returns laid out as `careboard synth`
writes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careboard.analytics.cli import main
from careboard.analytics.indicators import REGISTRY
from careboard.analytics.ssda903.synth.generate import SynthRequest, generate


@pytest.fixture(scope="module")
def returns(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("returns")
    generate(SynthRequest(children=60, first_year=2024, last_year=2025, seed=3, out=out))
    return out


def test_writes_every_indicator_for_the_year(returns: Path, tmp_path: Path) -> None:
    target = tmp_path / "kpis.json"
    status = main(
        [
            "compute",
            str(returns / "2024"),
            str(returns / "2025"),
            "--year",
            "2025",
            "--json",
            str(target),
        ]
    )
    assert status == 0
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written["year"] == 2025
    assert sorted(written["indicators"]) == sorted(REGISTRY)
    looked_after = written["indicators"]["cla_count_31mar"]
    assert set(looked_after) == {"value", "numerator", "denominator", "flags", "note", "warnings"}
    assert (looked_after["flags"], looked_after["note"], looked_after["warnings"]) == ([], None, [])
    assert looked_after["numerator"] > 10
    assert looked_after["value"] == looked_after["numerator"]
    # Two years given: the 3-year adoption means cannot be computed.
    assert written["indicators"]["adoption_a1_days"]["flags"] == ["not_derivable"]
    # ...but two-year measures can.
    assert written["indicators"]["placement_moves_2plus_2yr_pct"]["denominator"] > 0


def test_the_parent_folder_stands_for_its_year_folders(returns: Path, tmp_path: Path) -> None:
    # Only returns up to --year are read: 2024 alone here, so 2-year measures are flagged.
    target = tmp_path / "kpis.json"
    assert main(["compute", str(returns), "--year", "2024", "--json", str(target)]) == 0
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written["indicators"]["placement_moves_2plus_2yr_pct"]["flags"] == ["not_derivable"]
    assert written["indicators"]["sw_changes_2plus_pct"]["flags"] != ["not_derivable"]


def test_a_year_without_a_folder_is_a_set_up_error(returns: Path, tmp_path: Path) -> None:
    target = tmp_path / "kpis.json"
    assert main(["compute", str(returns), "--year", "2026", "--json", str(target)]) == 2
    assert not target.exists()


def test_validation_warnings_in_a_return_qualify_the_indicators_reading_their_fields(
    tmp_path: Path,
) -> None:
    # One episode's placement postcode is its home postcode (rule 392d, a warning).
    returns = tmp_path / "returns"
    manifest = generate(
        SynthRequest(
            children=60,
            first_year=2024,
            last_year=2025,
            seed=3,
            out=returns,
            defects=("placed_at_home_postcode",),
        )
    )
    assert [(d["table"], d["column"]) for d in manifest["defects"]] == [("episodes", "PL_POST")]
    target = tmp_path / "kpis.json"
    assert main(["compute", str(returns), "--year", "2025", "--json", str(target)]) == 0
    written = json.loads(target.read_text(encoding="utf-8"))["indicators"]

    outside = written["placed_outside_la_pct"]  # reads Episodes.PL_POST (as PL_LOCATION)
    assert "data_quality" in outside["flags"]
    assert outside["warnings"] == [
        {"year": 2025, "table": "episodes", "column": "PL_POST", "rule_id": "392d", "count": 1}
    ]
    assert outside["note"].endswith(
        "1 validation warning in the 2024-25 return affects a field this figure uses: "
        "rule 392d on Episodes.PL_POST (1)"
    )
    assert outside["denominator"] > 0
    looked_after = written["cla_count_31mar"]  # reads DECOM, DEC and LS only
    assert (looked_after["flags"], looked_after["warnings"]) == ([], [])
    affected = {code for code, result in written.items() if result["warnings"]}
    assert affected == {"placed_outside_la_pct", "placed_over_20_miles_outside_pct"}
