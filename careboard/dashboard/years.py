"""Which periods the dashboard offers, and which one (and which to compare with) is chosen.

Periods are named by the calendar year they end in (2025 = 2024-25 or 2024/25), as the
indicator models store them, so DfE years and academic years line up on one selector.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

WINDOW = 10  # the most periods a chart shows
SPARKLINE_YEARS = 5  # a sparkline covers at least the last five periods


def year_label(year: int) -> str:
    """How the selector names a period: "2024-25" (academic years end in the same year)."""
    return f"{year - 1}-{year % 100:02d}"


@dataclass(frozen=True)
class YearChoice:
    available: tuple[int, ...]  # newest first
    year: int | None
    compare: int | None

    @property
    def options(self) -> list[tuple[int, str]]:
        return [(year, year_label(year)) for year in self.available]

    @property
    def label(self) -> str:
        return year_label(self.year) if self.year else ""

    @property
    def compare_label(self) -> str:
        return year_label(self.compare) if self.compare else ""

    def window(self, first_with_data: int | None = None) -> list[int]:
        """The periods a chart of the chosen year shows, oldest first: at least five, at
        most ten, never starting before the first period with data unless that leaves
        fewer than five."""
        if self.year is None:
            return []
        start = self.year - WINDOW + 1
        if first_with_data is not None:
            start = max(start, min(first_with_data, self.year - SPARKLINE_YEARS + 1))
        return list(range(start, self.year + 1))


def _whole(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() and len(text) == 4 else None


def choose(years: Iterable[int], query: Mapping[str, str]) -> YearChoice:
    """The chosen period (`?year=2025`, else the newest with data) and the one to compare
    with (`?compare=2023`, ignored unless it has data and differs)."""
    available = tuple(sorted(set(years), reverse=True))
    asked = _whole(query.get("year"))
    year = asked if asked in available else (available[0] if available else None)
    other = _whole(query.get("compare"))
    compare = other if other in available and other != year else None
    return YearChoice(available, year, compare)
