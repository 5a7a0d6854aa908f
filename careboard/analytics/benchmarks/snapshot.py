"""The shipped benchmark snapshot: published DfE figures for each indicator, year and area.

Load once (`Snapshot.load()`, a few milliseconds) and ask for a `Comparison`: England, the
council's region, the statistical-neighbour average and each neighbour, the council's own
published value and its quartile among all LAs. Nothing here reads ../shared; the snapshot file
lives in `careboard/analytics/data/` and is built by `careboard benchmarks build`.

Quartiles: LAs with a published number that year are ranked best first in the indicator's
polarity; tied values share the better rank; quartile = ceil(4 x rank / number of LAs), so
A is the best quarter and D the worst. Contextual indicators have no quartile.
The statistical-neighbour average is the plain mean of the neighbours that have a number.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

import pyarrow as pa
import pyarrow.parquet as pq

from careboard.analytics.benchmarks.sources import BENCHMARKS, Benchmark, Polarity
from careboard.analytics.benchmarks.symbols import SYMBOL_REASONS
from careboard.analytics.rag import Benchmarks

WIRRAL = "E08000015"
ENGLAND = "E92000001"
METADATA_KEY = b"careboard.benchmarks"
DEFAULT_FILE = Path(__file__).resolve().parents[1] / "data" / "benchmarks_snapshot.parquet"
QUARTILES = ("A", "B", "C", "D")


@dataclass(frozen=True, slots=True)
class Area:
    code: str
    name: str
    level: str  # national / regional / la
    old_code: str
    region_code: str


@dataclass(frozen=True, slots=True)
class Figure:
    """A published value, or None with the DfE symbol that stands in for it."""

    value: float | None
    symbol: str | None = None

    @property
    def reason(self) -> str | None:
        if self.value is not None:
            return None
        return SYMBOL_REASONS.get(self.symbol or "", f"not published (symbol {self.symbol!r})")


NOT_IN_SNAPSHOT = Figure(None, "")


@dataclass(frozen=True, slots=True)
class Neighbour:
    area: Area
    rank: int
    figure: Figure


@dataclass(frozen=True, slots=True)
class QuartilePosition:
    quartile: str  # "A" (best quarter) .. "D"
    rank: int  # 1 = best
    of: int  # LAs with a published value


@dataclass(frozen=True, slots=True)
class Comparison:
    indicator: str
    year: int
    council: Area
    value: Figure
    england: Figure
    region: Area | None
    region_value: Figure
    neighbours: tuple[Neighbour, ...]
    neighbour_average: float | None
    neighbours_with_value: int
    quartile: QuartilePosition | None

    def for_rag(self) -> Benchmarks:
        """England, statistical-neighbour average and quartile, as the RAG sentence uses them."""
        return Benchmarks(
            england=self.england.value,
            neighbours=self.neighbour_average,
            quartile=self.quartile.quartile if self.quartile else None,
        )


class Snapshot:
    """Published benchmark values indexed by (indicator, year) then area code."""

    def __init__(
        self,
        values: Mapping[tuple[str, int], dict[str, Figure]],
        areas: dict[str, Area],
        neighbours: dict[str, tuple[str, ...]],
        metadata: dict[str, object],
    ) -> None:
        self._values = values
        self.areas = areas
        self._neighbours = neighbours
        self.metadata = metadata

    @classmethod
    def load(cls, path: Path | str = DEFAULT_FILE) -> Snapshot:
        table = pq.ParquetFile(path).read(
            columns=["indicator", "year", "area_code", "value", "symbol"]
        )
        raw_metadata = (table.schema.metadata or {}).get(METADATA_KEY)
        if raw_metadata is None:
            raise ValueError(f"{path} is not a careboard benchmark snapshot")
        metadata = json.loads(raw_metadata)
        # never null: written by build.py from non-empty strings
        indicators = cast(list[str], _strings(table.column("indicator")))
        area_codes = cast(list[str], _strings(table.column("area_code")))
        symbols = _strings(table.column("symbol"))
        years = cast(list[int], table.column("year").to_pylist())
        numbers = table.column("value").to_pylist()
        values = _Blocks(indicators, years, area_codes, numbers, symbols)
        areas = {
            code: Area(code, name, level, old, region)
            for code, (name, level, old, region) in metadata.pop("areas").items()
        }
        neighbours = {
            code: tuple(codes) for code, codes in metadata.pop("statistical_neighbours").items()
        }
        return cls(values, areas, neighbours, metadata)

    def indicators(self) -> list[str]:
        return sorted({indicator for indicator, _ in self._values})

    def years(self, indicator: str) -> list[int]:
        return sorted(year for code, year in self._values if code == indicator)

    def value(self, indicator: str, year: int, area_code: str) -> Figure:
        return self._values.get((indicator, year), {}).get(area_code, NOT_IN_SNAPSHOT)

    def la_values(self, indicator: str, year: int) -> dict[str, Figure]:
        """Every LA's published figure (regions and England left out)."""
        return {
            code: figure
            for code, figure in self._values.get((indicator, year), {}).items()
            if code in self.areas and self.areas[code].level == "la"
        }

    def neighbours_of(self, la_code: str) -> tuple[Area, ...]:
        return tuple(self.areas[code] for code in self._neighbours.get(la_code, ()))

    def neighbour_average(
        self, indicator: str, year: int, la_code: str
    ) -> tuple[float | None, int]:
        """Mean of the neighbours' published values, and how many had one."""
        numbers = [
            figure.value
            for area in self.neighbours_of(la_code)
            if (figure := self.value(indicator, year, area.code)).value is not None
        ]
        if not numbers:
            return None, 0
        return sum(numbers) / len(numbers), len(numbers)

    def quartile(self, indicator: str, year: int, la_code: str) -> QuartilePosition | None:
        polarity = polarity_of(indicator)
        own = self.value(indicator, year, la_code).value
        if polarity is None or polarity is Polarity.CONTEXTUAL or own is None:
            return None
        numbers = [f.value for f in self.la_values(indicator, year).values() if f.value is not None]
        if polarity is Polarity.HIGHER:
            better = sum(1 for number in numbers if number > own)
        else:
            better = sum(1 for number in numbers if number < own)
        rank = better + 1
        band = math.ceil(4 * rank / len(numbers))
        return QuartilePosition(QUARTILES[band - 1], rank, len(numbers))

    def compare(self, indicator: str, year: int, la_code: str = WIRRAL) -> Comparison:
        council = self.areas[la_code]
        region = self.areas.get(council.region_code)
        average, counted = self.neighbour_average(indicator, year, la_code)
        return Comparison(
            indicator=indicator,
            year=year,
            council=council,
            value=self.value(indicator, year, la_code),
            england=self.value(indicator, year, ENGLAND),
            region=region,
            region_value=self.value(indicator, year, region.code) if region else NOT_IN_SNAPSHOT,
            neighbours=tuple(
                Neighbour(area, rank, self.value(indicator, year, area.code))
                for rank, area in enumerate(self.neighbours_of(la_code), start=1)
            ),
            neighbour_average=average,
            neighbours_with_value=counted,
            quartile=self.quartile(indicator, year, la_code),
        )


Key = tuple[str, int]


class _Blocks(Mapping[Key, dict[str, Figure]]):
    """(indicator, year) -> {area: Figure}, each block built from the columns on first use.

    Loading then costs one pass to find where each block's rows are, not 40,000 objects.
    """

    def __init__(
        self,
        indicators: list[str],
        years: list[int],
        areas: list[str],
        numbers: list[float | None],
        symbols: list[str | None],
    ) -> None:
        self._columns = (areas, numbers, symbols)
        self._rows: dict[Key, list[int]] = {}
        previous: Key | None = None
        for row, key in enumerate(zip(indicators, years, strict=True)):
            if key != previous:
                self._rows.setdefault(key, []).append(row)  # block start
                previous = key
            else:
                self._rows[key].append(row)
        self._built: dict[Key, dict[str, Figure]] = {}

    def __getitem__(self, key: Key) -> dict[str, Figure]:
        block = self._built.get(key)
        if block is None:
            areas, numbers, symbols = self._columns
            block = {areas[i]: Figure(numbers[i], symbols[i]) for i in self._rows[key]}
            self._built[key] = block
        return block

    def __iter__(self) -> Iterator[Key]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def _strings(column: pa.ChunkedArray) -> list[str | None]:
    """A (dictionary-encoded) string column as a list, decoding each dictionary once."""
    result: list[str | None] = []
    for chunk in column.chunks:
        if isinstance(chunk, pa.DictionaryArray):
            words = chunk.dictionary.to_pylist()
            result.extend(None if i is None else words[i] for i in chunk.indices.to_pylist())
        else:
            result.extend(chunk.to_pylist())
    return result


def polarity_of(indicator: str) -> Polarity | None:
    entry = BENCHMARKS.get(indicator)
    return entry.polarity if isinstance(entry, Benchmark) else None


@cache
def shipped_snapshot() -> Snapshot:
    """The snapshot shipped in the package, loaded once per process."""
    return Snapshot.load(DEFAULT_FILE)
