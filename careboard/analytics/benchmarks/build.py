"""Build the shipped benchmark snapshot from the DfE benchmark pack (../shared/benchmarks).

Reads each source named in `sources.BENCHMARKS`, turns DfE symbols into missing values with
their code kept, and writes one Parquet file: a long table (indicator, year, area, value,
symbol, source) with the areas, the 2025 statistical-neighbour model and the source-file
checksums in the file's metadata. The output depends only on the input files, so rebuilding
from the same pack gives a byte-identical file (no timestamps).

Only the build needs pandas and the pack; the app reads the snapshot with `snapshot.py`.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from careboard.analytics.benchmarks.sources import (
    BENCHMARKS,
    Benchmark,
    EesColumn,
    LaitMeasure,
    Ratio,
    Source,
    Total,
)
from careboard.analytics.benchmarks.symbols import Published, parse_published

ENGLAND = "E92000001"
METADATA_KEY = b"careboard.benchmarks"
LICENCE = (
    "Contains public sector information licensed under the Open Government Licence v3.0. "
    "Source: Department for Education (DfE) official statistics, Crown copyright."
)
SN_MODEL_FILE = "stat_neighbours/statistical_neighbours_2025_model_long.csv"
CODE_LOOKUP_FILES = (
    "csc_outcomes_enablers/cla_number_and_rate_per_10k_children.csv",
    "ees_cla_2025release/cla_number_and_rate_per_10k_children.csv",
    "csc_outcomes_enablers/ks2_la.csv",
)
_PLAIN_YEAR = re.compile(r"^\d{4}$")
_ACADEMIC_YEAR = re.compile(r"^(\d{4})(\d{2})$")


class BenchmarkSourceError(ValueError):
    """The pack does not hold what `sources.py` says it holds (a column, filter value, ...)."""


@dataclass(frozen=True, slots=True)
class Area:
    code: str
    name: str
    level: str  # "national", "regional" or "la"
    old_code: str = ""
    region_code: str = ""


Key = tuple[int, str]  # (year, area code)
Series = dict[Key, Published]


def default_source_dir() -> Path:
    """../shared/benchmarks next to the repository that holds this package."""
    return Path(__file__).resolve().parents[3].parent / "shared" / "benchmarks"


def default_output_file() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / "benchmarks_snapshot.parquet"


def year_of(time_period: str) -> int | None:
    """DfE time_period to the year the period ends: 2025 -> 2025, 202425 -> 2025."""
    text = time_period.strip()
    if _PLAIN_YEAR.match(text):
        return int(text)
    academic = _ACADEMIC_YEAR.match(text)
    if academic and int(academic.group(2)) == (int(academic.group(1)) + 1) % 100:
        return int(academic.group(1)) + 1
    return None


class Pack:
    """The benchmark pack on disk, with each file read once.

    Areas (names, levels, old and new codes, regions) are learnt from the EES files read, the
    `lookup_files` first, so LAIT's and the SN model's old LA codes can be translated.
    """

    def __init__(self, root: Path, lookup_files: Iterable[str] = CODE_LOOKUP_FILES) -> None:
        self.root = root
        self._csv: dict[str, pd.DataFrame] = {}
        self._lait: pd.DataFrame | None = None
        self.used_files: set[str] = set()
        self.areas: dict[str, Area] = {ENGLAND: Area(ENGLAND, "England", "national")}
        self.new_code_of_old: dict[str, str] = {}
        self.region_code_of_name: dict[str, str] = {}
        for name in lookup_files:  # LAIT and the SN model know LAs by old code only
            self.csv(name)  # reading a file learns its areas

    def csv(self, name: str) -> pd.DataFrame:
        if name not in self._csv:
            path = self.root / name
            if not path.is_file():
                raise BenchmarkSourceError(f"missing benchmark file: {path}")
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
            self._csv[name] = frame
            self.used_files.add(name)
            self._learn_areas(frame)
        return self._csv[name]

    def lait(self, name: str) -> pd.DataFrame:
        if self._lait is None:
            self._lait = pd.read_parquet(self.root / name)
            self.used_files.add(name)
        return self._lait

    def _learn_areas(self, frame: pd.DataFrame) -> None:
        if "geographic_level" not in frame.columns:
            return
        ordered = frame.sort_values("time_period", kind="stable")
        regions = ordered[ordered.geographic_level == "Regional"]
        for code, name in zip(regions.region_code, regions.region_name, strict=True):
            self.areas[code] = Area(code, name, "regional")
            self.region_code_of_name[_normal_name(name)] = code
        las = ordered[ordered.geographic_level == "Local authority"]
        for new, old, name, region in zip(
            las.new_la_code, las.old_la_code, las.la_name, las.region_code, strict=True
        ):
            if new:
                self.areas[new] = Area(new, name, "la", old, region)
                if old:
                    self.new_code_of_old[old] = new

    def checksums(self) -> dict[str, str]:
        return {
            name: hashlib.sha256((self.root / name).read_bytes()).hexdigest()
            for name in sorted(self.used_files)
        }


def _normal_name(name: str) -> str:
    aliases = {"london (inner)": "inner london", "london (outer)": "outer london"}
    key = " ".join(name.lower().split())
    return aliases.get(key, key)


def read_ees(pack: Pack, source: EesColumn) -> Series:
    frame = pack.csv(source.file)
    for column in (source.column, *(name for name, _ in source.filters)):
        if column not in frame.columns:
            raise BenchmarkSourceError(f"{source.file}: no column {column!r}")
    mask = pd.Series(True, index=frame.index)
    for column, value in source.filters:
        matches = frame[column] == value
        if not matches.any():
            raise BenchmarkSourceError(f"{source.file}: no rows with {column} = {value!r}")
        mask &= matches
    rows = frame[mask]
    series: Series = {}
    for period, level, region, la, raw in zip(
        rows["time_period"],
        rows["geographic_level"],
        rows["region_code"],
        rows["new_la_code"],
        rows[source.column],
        strict=True,
    ):
        year = year_of(period)
        code = _area_code(level, region, la)
        if year is None or code is None:
            continue
        if (year, code) in series:
            raise BenchmarkSourceError(
                f"{source.file}: more than one row for {code} in {year}; add a filter"
            )
        series[(year, code)] = parse_published(raw)
    return series


def _area_code(level: str, region_code: str, la_code: str) -> str | None:
    if level == "National":
        return ENGLAND
    if level == "Regional":
        return region_code or None
    if level == "Local authority":
        return la_code or None
    return None


def read_lait(pack: Pack, source: LaitMeasure) -> Series:
    frame = pack.lait(source.file)
    rows = frame[frame["Short Desc"] == source.short_desc]
    if rows.empty:
        raise BenchmarkSourceError(f"{source.file}: no measure {source.short_desc!r}")
    series: Series = {}
    for name, number, years, raw in zip(
        rows["LA and Regions"], rows["LA Number"], rows["Years"], rows["Values"], strict=True
    ):
        if not _PLAIN_YEAR.match(str(years)):
            continue  # revised/provisional/multi-year labels are other series
        code = _lait_area(pack, str(name), number)
        if code is None:
            continue
        series[(int(years), code)] = parse_published(raw, digits=4)
    return series


def _lait_area(pack: Pack, name: str, number: object) -> str | None:
    if name == "England":
        return ENGLAND
    region = pack.region_code_of_name.get(_normal_name(name))
    if region is not None:
        return region
    if isinstance(number, float) and not math.isnan(number):
        return pack.new_code_of_old.get(str(int(number)))
    return None


def read_ratio(pack: Pack, source: Ratio) -> Series:
    numerators = read_ees(pack, source.numerator)
    denominators = read_ees(pack, source.denominator)
    series: Series = {}
    for key, numerator in numerators.items():
        denominator = denominators.get(key)
        if denominator is None:
            continue
        if numerator.value is None:
            series[key] = numerator
        elif denominator.value is None:
            series[key] = denominator
        elif denominator.value > 0:
            series[key] = Published(
                float(math.floor(100 * numerator.value / denominator.value + 0.5))
            )
    return series


def read_total(pack: Pack, source: Total) -> Series:
    parts = [read_ees(pack, part) for part in source.parts]
    series: Series = {}
    for key in set.intersection(*(set(part) for part in parts)):
        values = [part[key] for part in parts]
        missing = next((value for value in values if value.value is None), None)
        series[key] = missing or Published(sum(value.value or 0.0 for value in values))
    return series


def read_source(pack: Pack, source: Source) -> Series:
    if isinstance(source, EesColumn):
        return read_ees(pack, source)
    if isinstance(source, LaitMeasure):
        return read_lait(pack, source)
    if isinstance(source, Ratio):
        return read_ratio(pack, source)
    return read_total(pack, source)


def describe(source: Source) -> str:
    if isinstance(source, EesColumn):
        filters = ", ".join(f"{name}={value}" for name, value in source.filters)
        return f"{source.file} [{source.column}] {filters}".strip()
    if isinstance(source, LaitMeasure):
        return f"{source.file} [Short Desc={source.short_desc}]"
    if isinstance(source, Ratio):
        return f"100 x {describe(source.numerator)} / {describe(source.denominator)}"
    return " + ".join(describe(part) for part in source.parts)


@dataclass(frozen=True, slots=True)
class Row:
    indicator: str
    year: int
    area_code: str
    value: float | None
    symbol: str | None
    source: int  # index into the metadata's source list


def benchmark_rows(pack: Pack, benchmark: Benchmark, source_index: dict[str, int]) -> list[Row]:
    """Rows for one indicator: every year of the first source, then years only later ones have."""
    rows: list[Row] = []
    years_done: set[int] = set()
    for source in benchmark.sources:
        label = describe(source)
        index = source_index.setdefault(label, len(source_index))
        series = read_source(pack, source)
        new_years = {year for year, _ in series} - years_done
        for (year, code), published in sorted(series.items()):
            if year in new_years:
                rows.append(
                    Row(benchmark.code, year, code, published.value, published.symbol, index)
                )
        years_done |= new_years
    return rows


def statistical_neighbours(pack: Pack) -> dict[str, list[str]]:
    """The 2025 model: each LA's ten neighbours (new codes), closest first."""
    frame = pack.csv(SN_MODEL_FILE)
    neighbours: dict[str, list[tuple[int, str]]] = {}
    for la, rank, neighbour in zip(frame.la_code, frame.sn_rank, frame.sn_la_code, strict=True):
        la_new = pack.new_code_of_old.get(la)
        neighbour_new = pack.new_code_of_old.get(neighbour)
        if la_new is None or neighbour_new is None:
            raise BenchmarkSourceError(f"{SN_MODEL_FILE}: unknown LA code {la} or {neighbour}")
        neighbours.setdefault(la_new, []).append((int(rank), neighbour_new))
    return {la: [code for _, code in sorted(ranked)] for la, ranked in sorted(neighbours.items())}


def build_snapshot(source_dir: Path, out_file: Path) -> int:
    """Write the snapshot; returns the number of rows written."""
    pack = Pack(source_dir)
    source_index: dict[str, int] = {}
    rows: list[Row] = []
    for entry in BENCHMARKS.values():
        if isinstance(entry, Benchmark):
            rows.extend(benchmark_rows(pack, entry, source_index))
    neighbours = statistical_neighbours(pack)
    used_codes = {row.area_code for row in rows} | set(neighbours)
    for codes in neighbours.values():
        used_codes.update(codes)
    areas = {
        code: [area.name, area.level, area.old_code, area.region_code]
        for code, area in sorted(pack.areas.items())
        if code in used_codes
    }
    metadata = {
        "licence": LICENCE,
        "areas": areas,
        "statistical_neighbours_model": "DfE children's services statistical neighbours, "
        "2025 model (" + SN_MODEL_FILE + ")",
        "statistical_neighbours": neighbours,
        "sources": [label for label, _ in sorted(source_index.items(), key=lambda item: item[1])],
        "files_sha256": pack.checksums(),
    }
    table = pa.table(
        {
            "indicator": pa.array([row.indicator for row in rows]).dictionary_encode(),
            "year": pa.array([row.year for row in rows], pa.int16()),
            "area_code": pa.array([row.area_code for row in rows]).dictionary_encode(),
            "value": pa.array([row.value for row in rows], pa.float64()),
            "symbol": pa.array([row.symbol for row in rows], pa.string()).dictionary_encode(),
            "source": pa.array([row.source for row in rows], pa.int8()),
        }
    )
    table = table.replace_schema_metadata({METADATA_KEY: json.dumps(metadata, sort_keys=True)})
    out_file.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, out_file, compression="zstd")
    return len(rows)
