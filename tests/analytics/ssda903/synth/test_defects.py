"""Each named defect is in the file, row and column MANIFEST.json gives (read directly)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careboard.analytics.ssda903.synth.defects import DEFECTS
from careboard.analytics.ssda903.synth.generate import SynthRequest, generate


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict]]:
    out = tmp_path_factory.mktemp("synth_defects")
    generate(
        SynthRequest(
            children=300, first_year=2024, last_year=2025, seed=2, out=out, defects=DEFECTS
        )
    )
    manifest = json.loads((out / "MANIFEST.json").read_text(encoding="utf-8"))
    return out, {d["defect"]: d for d in manifest["defects"]}


def cell(out: Path, record: dict) -> str:
    lines = (out / record["file"]).read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    return lines[record["row"] - 1].split(",")[header.index(record["column"])]


def line(out: Path, record: dict, row: int) -> list[str]:
    return (out / record["file"]).read_text(encoding="utf-8-sig").splitlines()[row - 1].split(",")


def test_every_defect_is_recorded(injected: tuple[Path, dict[str, dict]]) -> None:
    _, records = injected
    assert set(records) == set(DEFECTS)
    assert all(r["year"] == 2025 for r in records.values())


@pytest.mark.parametrize(
    ("defect", "expected"),
    [("bad_code", "U9"), ("bad_date", "31/02/2025"), ("retired_code", "E43"), ("missing_x1", "")],
)
def test_cell_defects(injected: tuple[Path, dict[str, dict]], defect: str, expected: str) -> None:
    out, records = injected
    assert cell(out, records[defect]) == expected


def test_missing_x1_is_followed_by_a_continuation(injected: tuple[Path, dict[str, dict]]) -> None:
    out, records = injected
    record = records["missing_x1"]
    this, nxt = line(out, record, record["row"]), line(out, record, record["row"] + 1)
    assert this[0] == nxt[0]  # same child
    assert this[7] == nxt[1]  # DEC = next DECOM: the next episode continues
    assert nxt[2] != "S"


def test_overlapping_episodes(injected: tuple[Path, dict[str, dict]]) -> None:
    out, records = injected
    record = records["overlapping_episodes"]
    this, before = line(out, record, record["row"]), line(out, record, record["row"] - 1)
    assert this[0] == before[0]
    day = [int(x) for x in this[1].split("/")][::-1]
    previous_end = [int(x) for x in before[7].split("/")][::-1]
    assert day < previous_end  # starts before the previous episode ended (rule 501)


def test_future_date_is_after_the_year(injected: tuple[Path, dict[str, dict]]) -> None:
    out, records = injected
    day, month, year = (int(x) for x in cell(out, records["future_date"]).split("/"))
    assert (year, month, day) > (2025, 3, 31)


def test_header_defects(injected: tuple[Path, dict[str, dict]]) -> None:
    out, records = injected
    header = (out / "2025/header.csv").read_text(encoding="utf-8-sig").splitlines()
    children = [row.split(",")[0] for row in header[1:]]
    missing = records["episode_without_header"]
    assert cell(out, missing) == missing["value"]
    assert missing["value"] not in children
    duplicate = records["duplicate_header_child"]
    assert cell(out, duplicate) == duplicate["value"]
    assert children.count(duplicate["value"]) == 2


def test_placed_at_home_postcode(injected: tuple[Path, dict[str, dict]]) -> None:
    out, records = injected
    record = records["placed_at_home_postcode"]
    episode = line(out, record, record["row"])
    header = line(out, record, 1)
    assert episode[header.index("PL_POST")] == episode[header.index("HOME_POST")]
    assert episode[header.index("PL_POST")] == record["value"]
    assert episode[header.index("PLACE")] != "P1"
    episodes = (out / record["file"]).read_text(encoding="utf-8").splitlines()[1:]
    assert [row.split(",")[0] for row in episodes].count(episode[0]) == 1


def test_extra_column(injected: tuple[Path, dict[str, dict]]) -> None:
    out, records = injected
    record = records["extra_column"]
    assert record["row"] == 1
    assert line(out, record, 1)[-1] == "NOTES"


def test_encoding_defects(injected: tuple[Path, dict[str, dict]]) -> None:
    out, records = injected
    assert (out / records["utf16_file"]["file"]).read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert (out / records["bom"]["file"]).read_bytes()[:3] == b"\xef\xbb\xbf"
    assert records["bom"]["row"] is None


def test_defects_are_refused_for_xml_only(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="CSV"):
        generate(
            SynthRequest(
                children=50,
                first_year=2025,
                last_year=2025,
                seed=1,
                out=tmp_path,
                format="xml",
                defects=("bad_code",),
            )
        )
