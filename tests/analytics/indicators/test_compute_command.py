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
    assert set(looked_after) == {"value", "numerator", "denominator", "flags"}
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
