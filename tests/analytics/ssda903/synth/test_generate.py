"""The folder layout, the manifest, determinism, the XML file and the postcode directory."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from defusedxml import ElementTree

from careboard.analytics.cli import main
from careboard.analytics.ssda903.synth.generate import SynthRequest, generate
from careboard.analytics.ssda903.tables import TABLE_COLUMNS
from tests.analytics.ssda903.synth.conftest import read_table

POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$")


def digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def small(out: Path, seed: int = 7, **more: object) -> SynthRequest:
    fields: dict[str, object] = {
        "children": 150,
        "first_year": 2024,
        "last_year": 2025,
        "seed": seed,
        "out": out,
        "format": "both",
        **more,
    }
    return SynthRequest(**fields)  # type: ignore[arg-type]


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    generate(small(tmp_path / "a"))
    generate(small(tmp_path / "b"))
    generate(small(tmp_path / "c", seed=8))
    first = digest(tmp_path / "a")
    assert first == digest(tmp_path / "b")
    other = digest(tmp_path / "c")
    assert first.keys() == other.keys()
    assert first["2025/episodes.csv"] != other["2025/episodes.csv"]


def test_one_folder_per_collection_year_and_a_manifest(ten_years: Path) -> None:
    manifest = json.loads((ten_years / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["synthetic"] is True
    assert manifest["seed"] == 5
    assert manifest["years"] == list(range(2016, 2026))
    assert manifest["defects"] == []
    for year in range(2016, 2026):
        names = {p.name for p in (ten_years / str(year)).iterdir()}
        assert f"ssda903_{year}.xml" in names
        assert set(manifest["files"][str(year)]) == names
        assert manifest["row_counts"][str(year)]["episodes"] == len(
            read_table(ten_years / str(year), "episodes")
        )


def test_a_folder_holds_the_year_it_is_named_after(ten_years: Path) -> None:
    # DIR/2025 = 1 April 2024 to 31 March 2025: episodes start by 31/03/2025 and any end
    # shown is on or after 01/04/2024.
    for row in read_table(ten_years / "2025", "episodes"):
        day, month, year = (int(x) for x in row["DECOM"].split("/"))
        assert (year, month, day) <= (2025, 3, 31)
        if row["DEC"]:
            day, month, year = (int(x) for x in row["DEC"].split("/"))
            assert (2024, 4, 1) <= (year, month, day) <= (2025, 3, 31)


def test_xml_holds_the_same_rows_as_the_csv(ten_years: Path) -> None:
    folder = ten_years / "2025"
    root = ElementTree.parse(folder / "ssda903_2025.xml").getroot()
    assert root is not None
    assert root.tag == "EXPSSDA903"
    children = root.findall("CHILD")
    assert len(children) == len(read_table(folder, "header"))
    assert len(root.findall("CHILD/EPISODE")) == len(read_table(folder, "episodes"))
    assert len(root.findall("CHILD/HEADER/AREVIEW")) == len(read_table(folder, "reviews"))
    assert len(root.findall("CHILD/SWEPISODE")) == len(read_table(folder, "sw_episodes"))
    uasc = [c for c in children if c.findtext("HEADER/UASC") == "1"]
    assert len(uasc) == len(read_table(folder, "uasc"))
    first = read_table(folder, "episodes")[0]
    (child,) = [c for c in children if c.findtext("HEADER/CHILDID") == first["CHILD"]]
    episode = child.find("EPISODE")
    assert episode is not None
    assert episode.findtext("PL") == first["PLACE"]  # PLACE is written as PL
    assert episode.findtext("DECOM") == first["DECOM"]


def test_postcode_directory_is_onspd_shaped_and_used(ten_years: Path) -> None:
    rows = read_table(ten_years, "postcodes")
    assert list(rows[0]) == ["pcd", "oseast1m", "osnrth1m", "utla"]
    assert len(rows) >= 300
    codes = {row["pcd"] for row in rows}
    for row in rows:
        assert POSTCODE.match(row["pcd"])
        assert row["pcd"].split(" ")[1][1] == "Z"  # invented inward codes: 2nd character Z
        assert 100_000 < int(row["oseast1m"]) < 700_000
    assert sum(row["utla"] == "E08000015" for row in rows) >= 150  # Wirral
    for row in read_table(ten_years / "2025", "episodes"):
        assert row["PL_POST"] in codes
        assert row["HOME_POST"] in codes | {""}


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli"
    status = main(
        ["synth", "--children", "120", "--years", "2025", "--seed", "3", "--out", str(out)]
    )
    assert status == 0
    assert (out / "2025" / "episodes.csv").exists()
    assert "synthetic" in capsys.readouterr().out
    assert main(["synth", "--years", "2010-2012", "--out", str(out)]) == 2
    assert main(["synth", "--defects", "nonsense", "--out", str(out)]) == 2


def test_every_table_file_has_its_exact_header(ten_years: Path) -> None:
    for table, columns in TABLE_COLUMNS.items():
        text = (ten_years / "2025" / f"{table}.csv").read_text(encoding="utf-8")
        assert text.splitlines()[0] == ",".join(columns)
