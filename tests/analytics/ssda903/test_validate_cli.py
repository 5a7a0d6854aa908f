"""`careboard validate PATH`: a summary, a CSV of findings, and the exit status."""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow as pa

from careboard.analytics.cli import main
from careboard.analytics.commands.validate import year_from_path
from careboard.analytics.ssda903.tables import TABLE_COLUMNS
from tests.analytics.ssda903.rules.examples import clean_return, edit


def write_return(tables: dict[str, pa.Table], folder: Path) -> Path:
    """One CSV per table, as a council's case-management extract would give them."""
    folder.mkdir(parents=True)
    for name, data in tables.items():
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(TABLE_COLUMNS[name])
            for row in data.to_pylist():
                writer.writerow(["" if row[c] is None else row[c] for c in TABLE_COLUMNS[name]])
    return folder


def test_a_clean_return_exits_0(tmp_path, capsys):
    folder = write_return(clean_return(), tmp_path / "2025")
    assert main(["validate", str(folder)]) == 0  # the year comes from the folder name
    out = capsys.readouterr().out
    assert "2024-25 return: 27 rows in 11 table(s)" in out
    assert "0 error(s), 0 warning(s)" in out


def test_an_impossible_date_exits_1_and_is_in_the_csv(tmp_path, capsys):
    broken = edit(clean_return(), "episodes", 3, DECOM="31/02/2024")
    folder = write_return(broken, tmp_path / "return")
    report = tmp_path / "findings.csv"
    assert main(["validate", str(folder), "--year", "2025", "--csv", str(report)]) == 1
    out = capsys.readouterr().out
    assert "error: 141 episodes.csv, episodes, row 3, column DECOM" in out
    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    first = next(r for r in rows if r["rule_id"] == "141")
    assert (first["severity"], first["table"], first["row"], first["column"], first["value"]) == (
        "error",
        "episodes",
        "3",
        "DECOM",
        "31/02/2024",
    )


def test_personal_values_are_masked_in_the_output(tmp_path, capsys):
    broken = edit(clean_return(), "header", 2, DOB="31/02/2010")
    folder = write_return(broken, tmp_path / "return")
    report = tmp_path / "findings.csv"
    assert main(["validate", str(folder), "--year", "2025", "--csv", str(report)]) == 1
    assert "31/02/2010" not in capsys.readouterr().out
    assert "31/02/2010" not in report.read_text(encoding="utf-8")


def test_last_years_return_turns_on_the_year_on_year_rules(tmp_path, capsys):
    this_year = write_return(
        edit(clean_return(), "episodes", 2, DECOM="11/01/2023"), tmp_path / "2025"
    )
    # last year's file knows C1's episode from 10/01/2023, not one from 11/01/2023
    last_year = write_return(clean_return(), tmp_path / "2024")
    main(["validate", str(this_year)])
    assert "CB-PY-03" not in capsys.readouterr().out
    main(["validate", str(this_year), "--previous", str(last_year), "--show", "0"])
    assert "CB-PY-03" in capsys.readouterr().out


def test_without_a_year_it_exits_2(tmp_path, capsys):
    folder = write_return(clean_return(), tmp_path / "return")
    assert main(["validate", str(folder)]) == 2
    assert "give --year" in capsys.readouterr().err


def test_the_year_is_read_from_a_folder_or_zip_name():
    assert year_from_path(["returns/2025"]) == 2025
    assert year_from_path(["returns/2019.zip"]) == 2019
    assert year_from_path(["returns/1999"]) is None


def test_a_path_that_does_not_exist_is_reported_not_raised(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nowhere"), "--year", "2025"]) == 1
    assert "FILE18" in capsys.readouterr().out
