"""`careboard import PATH --year YYYY`: read, check, minimise, store; refuse on errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from careboard.analytics.cli import main
from careboard.analytics.ssda903.findings import WarningCount
from careboard.analytics.ssda903.minimise import pseudonym
from careboard.analytics.ssda903.store import Store

KEY = "cli-test-key-0123456789"

# One child who came into care on 10 May 2024 (RNE S), with PrevPerm (630) and a review.
RETURN = {
    "header.csv": (
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nKID01,M,15/06/2012,WBRI,A123456789012,,\n"
    ),
    "episodes.csv": (
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN\nKID01,10/05/2024,S,C2,N1,U6,PR1,,,,CH41 1AA,CH62 2BB,SC123456\n"
    ),
    "prevperm.csv": "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nKID01,15/06/2012,Z1,,\n",
    "reviews.csv": "CHILD,DOB,REVIEW,REVIEW_CODE\nKID01,15/06/2012,01/06/2024,PN1\n",
}
ONSPD = (
    "pcd,oseast1m,osnrth1m,oscty,oslaua\n"
    "CH41 1AA,330000,390000,E99999999,E08000015\n"
    "CH62 2BB,333000,394000,E99999999,E08000015\n"
)


def write_return(folder: Path, files: dict[str, str] = RETURN) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    return folder


def test_clean_return_is_stored_pseudonymised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CAREBOARD_PSEUDONYM_KEY", KEY)
    (tmp_path / "onspd.csv").write_text(ONSPD)
    store_path = tmp_path / "store.duckdb"
    status = main(
        [
            "import",
            str(write_return(tmp_path / "2025")),
            "--year",
            "2025",
            "--store",
            str(store_path),
            "--postcodes",
            str(tmp_path / "onspd.csv"),
            "--la",
            "E08000015",
        ]
    )
    out = capsys.readouterr()
    assert status == 0
    assert "episodes                 1 rows" in out.out
    assert "read 4 rows" in out.err
    with Store(store_path).connect_readonly() as con:
        assert con.execute("SELECT child, pl_location, pl_distance FROM episodes").fetchall() == [
            (pseudonym(KEY.encode(), "child", "KID01"), "IN", 3.1)
        ]


def test_the_warnings_of_a_stored_return_are_kept_as_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CAREBOARD_PSEUDONYM_KEY", KEY)
    at_home = RETURN["episodes.csv"].replace("CH62 2BB", "CH41 1AA")  # 392d, a warning
    store_path = tmp_path / "store.duckdb"
    folder = write_return(tmp_path / "2025", {**RETURN, "episodes.csv": at_home})
    status = main(["import", str(folder), "--year", "2025", "--store", str(store_path)])
    assert status == 0
    assert "0 error(s), 1 warning(s)" in capsys.readouterr().out
    assert Store(store_path).warnings() == [WarningCount(2025, "episodes", "PL_POST", "392d", 1)]
    # Imported again without the warning, the year keeps no warnings.
    main(["import", str(write_return(folder)), "--year", "2025", "--store", str(store_path)])
    assert Store(store_path).warnings() == []


def test_return_with_errors_is_not_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CAREBOARD_PSEUDONYM_KEY", KEY)
    broken = {**RETURN, "reviews.csv": "CHILD,DOB,REVIEW\nKID01,15/06/2012,01/06/2024\n"}
    store_path = tmp_path / "store.duckdb"
    status = main(
        [
            "import",
            str(write_return(tmp_path / "2025", broken)),
            "--year",
            "2025",
            "--store",
            str(store_path),
        ]
    )
    out = capsys.readouterr().out
    assert status == 1
    assert "FILE07" in out
    assert "reviews.csv, reviews, row 1, column REVIEW_CODE" in out
    assert "Not stored" in out
    assert not store_path.exists()


def test_refuses_to_run_without_a_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CAREBOARD_PSEUDONYM_KEY", raising=False)
    status = main(
        [
            "import",
            str(write_return(tmp_path / "2025")),
            "--year",
            "2025",
            "--store",
            str(tmp_path / "store.duckdb"),
        ]
    )
    assert status == 2
    assert "CAREBOARD_PSEUDONYM_KEY" in capsys.readouterr().err
    assert not (tmp_path / "store.duckdb").exists()


def test_dev_key_runs_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CAREBOARD_PSEUDONYM_KEY", raising=False)
    status = main(
        [
            "import",
            str(write_return(tmp_path / "2025")),
            "--year",
            "2025",
            "--store",
            str(tmp_path / "store.duckdb"),
            "--dev-key",
        ]
    )
    assert status == 0
    assert "demo key" in capsys.readouterr().err
    assert Store(tmp_path / "store.duckdb").years() == [2025]


def test_previous_return_enables_the_rules_comparing_years(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("careboard.analytics.ssda903.validate")
    monkeypatch.setenv("CAREBOARD_PSEUDONYM_KEY", KEY)
    # Last year the same child was recorded as White Irish: rules 202-208 ask why it changed.
    last_year = write_return(
        tmp_path / "2024",
        {
            "header.csv": "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
            "KID01,1,15/06/2012,WIRI,A123456789012,,\n"
        },
    )
    this_year = write_return(tmp_path / "2025")
    store = str(tmp_path / "store.duckdb")
    without = main(["import", str(this_year), "--year", "2025", "--store", store])
    assert "header.csv, header, row 2, column ETHNIC" not in capsys.readouterr().out
    status = main(
        ["import", str(this_year), "--year", "2025", "--store", store, "--previous", str(last_year)]
    )
    out = capsys.readouterr().out
    assert (without, status) == (0, 0)  # a warning does not block
    assert "Warnings (do not block):" in out
    assert "header.csv, header, row 2, column ETHNIC" in out
