"""A clean generated return passes our own reader and validator (issue 4: "returns that pass
our own validator"). Two consecutive years, so the previous-year rules run too."""

from __future__ import annotations

from pathlib import Path

import pytest

from careboard.analytics.ssda903.findings import Finding, Severity
from careboard.analytics.ssda903.reader.read import read_return
from careboard.analytics.ssda903.validate import validate_return

# CB-UA-03 rejects a DUC after 31 March, but DUC is usually the 18th birthday, still to come
# (903-schema 1.4 shows DUC 14/06/2026 in a 2024-25 return; DfE rule 104 only rejects a DUC
# before the collection start). Reported to the validator's owner; see the xfail below.
DISPUTED = {"CB-UA-03"}


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
        f"{f.rule_id} {f.location()}: {f.message}"
        for f in findings
        if f.severity is Severity.ERROR and f.rule_id not in DISPUTED
    ]
    assert errors == []


def test_clean_return_has_no_warnings(findings: list[Finding]) -> None:
    warnings = [f"{f.rule_id}: {f.message}" for f in findings if f.severity is Severity.WARNING]
    assert warnings == []


@pytest.mark.xfail(strict=True, reason="CB-UA-03 flags a future DUC (18th birthday); see above")
def test_future_duc_is_accepted(findings: list[Finding]) -> None:
    assert [f for f in findings if f.rule_id == "CB-UA-03"] == []
