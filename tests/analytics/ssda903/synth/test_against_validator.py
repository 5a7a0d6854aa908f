"""A clean generated return passes our own reader and validator (issue 4: "returns that pass
our own validator"). Two consecutive years, so the previous-year rules run too."""

from __future__ import annotations

from pathlib import Path

import pytest

from careboard.analytics.ssda903.findings import Finding, Severity
from careboard.analytics.ssda903.reader.read import read_return
from careboard.analytics.ssda903.synth.defects import DEFECTS
from careboard.analytics.ssda903.synth.generate import SynthRequest, generate
from careboard.analytics.ssda903.validate import validate_return


@pytest.fixture(scope="module")
def findings(two_years: Path) -> list[Finding]:
    previous = read_return(two_years / "2024", 2024)
    current = read_return(two_years / "2025", 2025)
    return [
        *previous.findings,
        *current.findings,
        *validate_return(previous, 2024),
        *validate_return(current, 2025, previous=previous),
    ]


def test_clean_return_has_no_errors(findings: list[Finding]) -> None:
    errors = [
        f"{f.rule_id} {f.location()}: {f.message}" for f in findings if f.severity is Severity.ERROR
    ]
    assert errors == []


def test_clean_return_has_no_warnings(findings: list[Finding]) -> None:
    warnings = [f"{f.rule_id}: {f.message}" for f in findings if f.severity is Severity.WARNING]
    assert warnings == []


@pytest.fixture(scope="module")
def with_defects(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], list[Finding]]:
    out = tmp_path_factory.mktemp("synth_defects_validated")
    manifest = generate(
        SynthRequest(
            children=300, first_year=2024, last_year=2025, seed=4, out=out, defects=DEFECTS
        )
    )
    previous = read_return(out / "2024", 2024)
    current = read_return(out / "2025", 2025)
    found = [*current.findings, *validate_return(current, 2025, previous=previous)]
    records = manifest["defects"]
    assert isinstance(records, list)
    return records, found


@pytest.mark.parametrize("defect", [d for d in DEFECTS if d not in {"utf16_file", "bom"}])
def test_each_defect_is_caught_where_the_manifest_says(
    with_defects: tuple[list[dict], list[Finding]], defect: str
) -> None:
    records, found = with_defects
    (record,) = [r for r in records if r["defect"] == defect]
    at_place = [
        f
        for f in found
        if f.table == record["table"] and f.row == record["row"] and f.column == record["column"]
    ]
    assert at_place, f"{defect}: nothing reported at {record}"
    if defect == "placed_at_home_postcode":  # a warning only, so the return can be stored
        assert [(f.rule_id, f.severity) for f in at_place] == [("392d", Severity.WARNING)]
    elif defect != "extra_column":  # an extra column is reported and ignored (a warning)
        assert any(f.severity is Severity.ERROR for f in at_place)


def test_utf16_file_is_refused_and_bom_is_accepted(
    with_defects: tuple[list[dict], list[Finding]],
) -> None:
    records, found = with_defects
    utf16 = next(r for r in records if r["defect"] == "utf16_file")
    assert any(f.severity is Severity.ERROR and f.file == Path(utf16["file"]).name for f in found)
    bom = next(r for r in records if r["defect"] == "bom")
    assert not [f for f in found if f.file == Path(bom["file"]).name and f.row is None]


def test_xml_return_reads_and_validates_clean(tmp_path: Path) -> None:
    generate(
        SynthRequest(
            children=300, first_year=2024, last_year=2025, seed=6, out=tmp_path, format="xml"
        )
    )
    previous = read_return(tmp_path / "2024" / "ssda903_2024.xml", 2024)
    current = read_return(tmp_path / "2025" / "ssda903_2025.xml", 2025)
    assert current.tables["episodes"].num_rows > 300
    found = [*current.findings, *validate_return(current, 2025, previous=previous)]
    assert [f"{f.rule_id}: {f.message}" for f in found] == []
