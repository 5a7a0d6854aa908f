"""Hostile values in well-formed files: the reader passes them through untouched and the
validator (when installed) blocks the import with a finding at the right row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from careboard.analytics.cli import main
from careboard.analytics.ssda903.findings import Finding, Severity
from careboard.analytics.ssda903.reader import read_return

validate = pytest.importorskip("careboard.analytics.ssda903.validate")

HEADER = (
    "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
    "KID01,M,31/02/2012,WBRI,UN1,,\n"  # line 2: 31 February
    "KID02,M,15/06/2012,WBRI,UN1,,\n"
)
EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
    "PL_POST,URN\n"
    "KID02,10/05/2024,S,C2,N1,U6,PR1,01/08/2024,X1,CARPL,,,\n"
    "KID02,01/07/2024,P,C2,N1,U4,PR1,,,,,,\n"  # line 3: starts before line 2 ends
    "ORPHAN,10/05/2024,S,C2,N1,U6,PR1,,,,,,\n"  # line 4: no Header row
    "KID01,10/05/2099,S,C2,N1,U6,PR1,,,,,,\n"  # line 5: starts in the future
)


@pytest.fixture
def findings(tmp_path: Path) -> list[Finding]:
    (tmp_path / "header.csv").write_text(HEADER)
    (tmp_path / "episodes.csv").write_text(EPISODES)
    raw = read_return(tmp_path, 2026)
    assert raw.findings == []  # nothing wrong with the files themselves
    assert raw.tables["header"].column("DOB").to_pylist()[0] == "31/02/2012"
    result: list[Finding] = validate.validate_return(raw, 2026)
    return result


@pytest.mark.parametrize(
    ("table", "row", "column", "what"),
    [
        ("header", 2, "DOB", "31/02/2012 is no date (DfE 102)"),
        ("episodes", 3, "DECOM", "overlapping episodes (DfE 501)"),
        ("episodes", 4, "CHILD", "child in Episodes without Header"),
        ("episodes", 5, "DECOM", "future date (DfE 354)"),
    ],
)
def test_validator_blocks_at_the_right_place(
    findings: list[Finding], table: str, row: int, column: str, what: str
) -> None:
    at_place = [
        f
        for f in findings
        if (f.table, f.row, f.column) == (table, row, column) and f.severity is Severity.ERROR
    ]
    assert at_place, f"{what}: no error at {table} row {row} {column} in {findings}"


def test_import_refuses_them_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "header.csv").write_text(HEADER)
    (tmp_path / "episodes.csv").write_text(EPISODES)
    status = main(
        [
            "import",
            str(tmp_path),
            "--year",
            "2026",
            "--dev-key",
            "--store",
            str(tmp_path / "store.duckdb"),
        ]
    )
    output = capsys.readouterr()
    assert status == 1
    assert "episodes.csv, episodes, row 3, column DECOM" in output.out
    assert "Traceback" not in output.err
    assert not (tmp_path / "store.duckdb").exists()
