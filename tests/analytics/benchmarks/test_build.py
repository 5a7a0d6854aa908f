"""The builder over a tiny inline pack: filters, years, symbols, old-release and LAIT fill-in."""

from pathlib import Path

import pandas as pd
import pytest

from careboard.analytics.benchmarks.build import (
    BenchmarkSourceError,
    Pack,
    benchmark_rows,
    read_ees,
    read_lait,
    read_ratio,
    read_total,
    year_of,
)
from careboard.analytics.benchmarks.sources import (
    Benchmark,
    EesColumn,
    LaitMeasure,
    Polarity,
    Ratio,
    Total,
    Unit,
)
from careboard.analytics.benchmarks.symbols import Published
from careboard.analytics.cli import main

HEADER = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    "region_name,old_la_code,la_name,new_la_code,group,count,percent"
)
NW = "E12000002,North West"
WIRRAL = "344,Wirral,E08000015"
SEFTON = "343,Sefton,E08000014"

NEW_RELEASE = f"""{HEADER}
2025,Reporting year,National,E92000001,England,,,,,,Placed outside,37000,45
2025,Reporting year,Regional,E92000001,England,{NW},,,,Placed outside,5000,41
2025,Reporting year,Local authority,E92000001,England,{NW},{WIRRAL},Placed outside,150,23
2025,Reporting year,Local authority,E92000001,England,{NW},{SEFTON},Placed outside,c,c
2025,Reporting year,National,E92000001,England,,,,,,All children,82000,100
2025,Reporting year,Local authority,E92000001,England,{NW},{WIRRAL},All children,600,100
2025,Reporting year,Local authority,E92000001,England,{NW},{SEFTON},All children,500,100
"""
OLD_RELEASE = f"""{HEADER}
2025,Reporting year,National,E92000001,England,,,,,,Placed outside,99999,99
2024,Reporting year,National,E92000001,England,,,,,,Placed outside,36000,44
2024,Reporting year,Local authority,E92000001,England,{NW},{WIRRAL},Placed outside,140,z
"""
ACADEMIC = f"""{HEADER}
202425,Academic year,Local authority,E92000001,England,{NW},{WIRRAL},CLA 12 months,40,x
"""


@pytest.fixture
def pack(tmp_path: Path) -> Pack:
    (tmp_path / "new.csv").write_text(NEW_RELEASE, encoding="utf-8")
    (tmp_path / "old.csv").write_text(OLD_RELEASE, encoding="utf-8")
    (tmp_path / "academic.csv").write_text("\ufeff" + ACADEMIC, encoding="utf-8")  # BOM
    pd.DataFrame(
        {
            "Short Desc": ["Dist", "Dist", "Dist", "Dist", "Dist"],
            "Data item": ["Placed over 20 miles"] * 5,
            "Years": ["2023", "2023", "2023", "2025 (Rev)", "2024-25"],
            "LA and Regions": ["Wirral", "England", "North West", "Wirral", "Wirral"],
            "Values": ["18.899999999999999", "20", "-", "1", "2"],
            "LA Number": [344.0, 970.0, None, 344.0, 344.0],
            "Region": ["North West", "NA", "NA", "North West", "North West"],
        }
    ).to_parquet(tmp_path / "lait.parquet")
    return Pack(tmp_path, lookup_files=("new.csv",))


def outside(file: str, column: str = "percent") -> EesColumn:
    return EesColumn(file, column, (("group", "Placed outside"),))


def test_years_are_the_year_the_period_ends() -> None:
    assert year_of("2025") == 2025
    assert year_of("202425") == 2025  # academic year 2024/25
    assert year_of("201920") == 2020
    assert year_of("2024-25") is None


def test_ees_column_by_area_with_symbols_kept(pack: Pack) -> None:
    series = read_ees(pack, outside("new.csv"))
    assert series == {
        (2025, "E92000001"): Published(45.0),
        (2025, "E12000002"): Published(41.0),
        (2025, "E08000015"): Published(23.0),
        (2025, "E08000014"): Published(None, "c"),
    }


def test_academic_year_file_with_a_bom(pack: Pack) -> None:
    series = read_ees(pack, EesColumn("academic.csv", "percent"))
    assert series == {(2025, "E08000015"): Published(None, "x")}


def test_a_filter_value_that_is_not_in_the_file_is_an_error(pack: Pack) -> None:
    with pytest.raises(BenchmarkSourceError, match="no rows with group = 'Placed in'"):
        read_ees(pack, EesColumn("new.csv", "percent", (("group", "Placed in"),)))


def test_two_rows_for_one_area_and_year_is_an_error(pack: Pack) -> None:
    with pytest.raises(BenchmarkSourceError, match="more than one row for E92000001 in 2025"):
        read_ees(pack, EesColumn("new.csv", "percent"))


def test_lait_by_old_code_and_region_name_plain_years_only(pack: Pack) -> None:
    series = read_lait(pack, LaitMeasure("Dist", "lait.parquet"))
    assert series == {
        (2023, "E08000015"): Published(18.9),
        (2023, "E92000001"): Published(20.0),
        (2023, "E12000002"): Published(None, "-"),
    }


def test_ratio_of_two_published_counts_rounds_half_up(pack: Pack) -> None:
    ratio = Ratio(
        outside("new.csv", "count"),
        EesColumn("new.csv", "count", (("group", "All children"),)),
    )
    assert read_ratio(pack, ratio) == {
        (2025, "E92000001"): Published(45.0),  # 37000 / 82000 = 45.1%
        (2025, "E08000015"): Published(25.0),  # 150 / 600 = 25%
        (2025, "E08000014"): Published(None, "c"),  # numerator suppressed
    }


def test_total_is_missing_when_a_part_is_suppressed(pack: Pack) -> None:
    placed = outside("new.csv", "count")
    everyone = EesColumn("new.csv", "count", (("group", "All children"),))
    assert read_total(pack, Total((placed, everyone))) == {
        (2025, "E92000001"): Published(119000.0),
        (2025, "E08000015"): Published(750.0),
        (2025, "E08000014"): Published(None, "c"),
    }


def test_later_sources_only_fill_years_the_first_lacks(pack: Pack) -> None:
    benchmark = Benchmark(
        "placed_outside_la_pct",
        "test",
        Unit.PERCENT,
        Polarity.LOWER,
        (outside("new.csv"), outside("old.csv"), LaitMeasure("Dist", "lait.parquet")),
    )
    rows = benchmark_rows(pack, benchmark, {})
    by_key = {(row.year, row.area_code): (row.value, row.symbol, row.source) for row in rows}
    assert by_key[(2025, "E92000001")] == (45.0, None, 0)  # not 99 from the old release
    assert by_key[(2024, "E92000001")] == (44.0, None, 1)
    assert by_key[(2024, "E08000015")] == (None, "z", 1)
    assert by_key[(2023, "E08000015")] == (18.9, None, 2)
    assert len(rows) == 9


def test_the_command_refuses_a_missing_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "snapshot.parquet"
    status = main(["benchmarks", "build", "--source", str(tmp_path / "nowhere"), "--out", str(out)])
    assert status == 2
    assert "no benchmark folder" in capsys.readouterr().err
    assert not out.exists()


def test_the_command_reports_a_pack_without_the_expected_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["benchmarks", "build", "--source", str(tmp_path), "--out", str(tmp_path / "s")])
    assert status == 1
    assert "missing benchmark file" in capsys.readouterr().err
