"""Placement location and distance (903-schema.md 4.7) from an ONSPD-shaped lookup."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from careboard.analytics.ssda903.postcodes import PostcodeDirectoryError, placement_fields

# Two postcodes in Wirral (E08000015, a metropolitan district: no county), 3 km east and
# 4 km north apart (5 km = 3.1 miles), one in Maidstone (district E07000110 in Kent,
# county E10000016) and one with no grid reference.
ONSPD = """pcd,pcds,oseast1m,osnrth1m,oscty,oslaua
CH41 1AA,CH41 1AA,330000,390000,E99999999,E08000015
CH62 2BB,CH62 2BB,333000,394000,E99999999,E08000015
ME14 1XX,ME14 1XX,576000,156000,E10000016,E07000110
ZZ99 9ZZ,ZZ99 9ZZ,,,E99999999,E08000015
"""


def episodes(*rows: tuple[str, str | None, str | None]) -> pa.Table:
    return pa.table(
        {
            "CHILD": [r[0] for r in rows],
            "HOME_POST": [r[1] for r in rows],
            "PL_POST": [r[2] for r in rows],
            "_row": pa.array(range(2, len(rows) + 2), pa.int32()),
        }
    )


@pytest.fixture
def directory(tmp_path: Path) -> Path:
    path = tmp_path / "postcodes.csv"
    path.write_text(ONSPD)
    return path


def test_distance_uses_dfe_formula_in_miles_to_one_decimal(directory: Path) -> None:
    # sqrt(3000^2 + 4000^2) = 5000 m; 5 km / 1.6093 = 3.107 miles -> 3.1
    derived = placement_fields(
        episodes(("A1", "CH41 1AA", "CH62 2BB")), postcodes=directory, la="E08000015"
    )
    assert derived.to_pylist() == [{"_row": 2, "pl_location": "IN", "pl_distance": 3.1}]


def test_postcode_spacing_and_case_do_not_matter(directory: Path) -> None:
    derived = placement_fields(
        episodes(("A1", "ch411aa", "CH62  2BB")), postcodes=directory, la="E08000015"
    )
    assert derived.column("pl_distance").to_pylist() == [3.1]


def test_two_tier_area_counts_as_its_county(directory: Path) -> None:
    # Maidstone is in Kent: a Kent child placed there is IN, a Wirral child is OUT.
    rows = episodes(("A1", None, "ME14 1XX"))
    kent = placement_fields(rows, postcodes=directory, la="E10000016")
    wirral = placement_fields(rows, postcodes=directory, la="E08000015")
    assert kent.column("pl_location").to_pylist() == ["IN"]
    assert wirral.column("pl_location").to_pylist() == ["OUT"]


def test_unknown_postcode_or_grid_reference_gives_null(directory: Path) -> None:
    derived = placement_fields(
        episodes(
            ("A1", "CH41 1AA", "XX1 1XX"),  # placement postcode not in the directory
            ("A2", None, "CH62 2BB"),  # no home postcode
            ("A3", "CH41 1AA", "ZZ99 9ZZ"),  # placement without grid reference
        ),
        postcodes=directory,
        la="E08000015",
    )
    assert derived.column("pl_location").to_pylist() == [None, "IN", "IN"]
    assert derived.column("pl_distance").to_pylist() == [None, None, None]


def test_uasc_children_have_no_distance(directory: Path) -> None:
    # 392a/b: UASC are exempt from postcodes, so no distance is derived for them.
    derived = placement_fields(
        episodes(("U1", "CH41 1AA", "CH62 2BB"), ("A1", "CH41 1AA", "CH62 2BB")),
        uasc_children=pa.array(["U1"]),
        postcodes=directory,
        la="E08000015",
    )
    assert derived.column("pl_distance").to_pylist() == [None, 3.1]
    assert derived.column("pl_location").to_pylist() == ["IN", "IN"]


def test_without_a_directory_everything_is_null() -> None:
    derived = placement_fields(episodes(("A1", "CH41 1AA", "CH62 2BB")))
    assert derived.to_pylist() == [{"_row": 2, "pl_location": None, "pl_distance": None}]


def test_without_the_la_code_location_is_null_but_distance_is_known(directory: Path) -> None:
    derived = placement_fields(episodes(("A1", "CH41 1AA", "CH62 2BB")), postcodes=directory)
    assert derived.to_pylist() == [{"_row": 2, "pl_location": None, "pl_distance": 3.1}]


def test_utla_column_is_used_when_present(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("PCD,OSEAST1M,OSNRTH1M,UTLA\nCH41 1AA,330000,390000,E08000015\n")
    derived = placement_fields(episodes(("A1", None, "CH41 1AA")), postcodes=path, la="e08000015")
    assert derived.column("pl_location").to_pylist() == ["IN"]


def test_directory_without_coordinates_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("pcd,utla\nCH41 1AA,E08000015\n")
    with pytest.raises(PostcodeDirectoryError, match="oseast1m"):
        placement_fields(episodes(("A1", None, "CH41 1AA")), postcodes=path)
