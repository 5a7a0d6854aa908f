"""Periods and units of catalogue entries: how a period is written, and what values fit a unit.

Two ways of writing a period, chosen by the entry's `period` text:
- academic years (school outcomes, "Academic year"): "2024/25", ending 31 August 2025;
- every other period (DfE years to 31 March, snapshots at 31 March, rolling or local
  periods): "2024-25", ending 31 March 2025.
Either way the period is stored by the calendar year it ends in (2025).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from careboard.indicators.models import CatalogueEntry

ACADEMIC_YEAR_FORM = re.compile(r"^(\d{4})/(\d{2})$")
DFE_YEAR_FORM = re.compile(r"^(\d{4})-(\d{2})$")
FIRST_YEAR, LAST_YEAR = 2000, 2100


class PeriodError(ValueError):
    """A period written the wrong way for its entry."""


class ValueProblem(ValueError):
    """A value that does not fit the entry's unit."""


@dataclass(frozen=True, slots=True)
class PeriodKind:
    name: str
    separator: str
    end_month: int
    end_day: int
    example: str

    def label(self, year: int) -> str:
        """The period ending in `year`, written out: 2025 -> "2024-25" or "2024/25"."""
        return f"{year - 1}{self.separator}{year % 100:02d}"

    def end(self, year: int) -> dt.date:
        return dt.date(year, self.end_month, self.end_day)

    def parse(self, text: str) -> int:
        """The year the written period ends in, or PeriodError saying how to write it."""
        cleaned = text.strip()
        form = ACADEMIC_YEAR_FORM if self.separator == "/" else DFE_YEAR_FORM
        found = form.match(cleaned)
        if found is None:
            raise PeriodError(f"Enter the period as {self.name}, like {self.example}")
        first = int(found.group(1))
        if (first + 1) % 100 != int(found.group(2)):
            raise PeriodError(
                f"{cleaned} is not one year: the second part must be the year after "
                f"{first}, like {self.label(first + 1)}"
            )
        if not FIRST_YEAR <= first + 1 <= LAST_YEAR:
            raise PeriodError(f"Enter a period between {FIRST_YEAR} and {LAST_YEAR}")
        return first + 1


DFE_YEAR = PeriodKind("a year to 31 March", "-", 3, 31, "2024-25")
ACADEMIC_YEAR = PeriodKind("an academic year", "/", 8, 31, "2024/25")


def period_kind(entry: CatalogueEntry) -> PeriodKind:
    return ACADEMIC_YEAR if "academic" in entry.period.lower() else DFE_YEAR


# Units as the catalogue writes them -> units as analytics.rag words them.
RAG_UNITS = {"%": "percent", "percent": "percent", "count": "count", "days": "days"}


def rag_unit(entry: CatalogueEntry) -> str:
    """The unit for the RAG sentence; weeks and scores are plain numbers there."""
    return RAG_UNITS.get(entry.unit.strip().lower(), "score")


@dataclass(frozen=True, slots=True)
class UnitRule:
    words: str
    lowest: float
    highest: float
    whole: bool = False


UNIT_RULES = {
    "percent": UnitRule("a percentage from 0 to 100", 0, 100),
    "count": UnitRule("a whole number, 0 or more", 0, 10_000_000, whole=True),
    "days": UnitRule("a number of days, 0 or more", 0, 100_000),
    "weeks": UnitRule("a number of weeks, 0 or more", 0, 10_000),
    "score": UnitRule("a number from -1,000 to 1,000", -1000, 1000),
}


def unit_rule(entry: CatalogueEntry) -> UnitRule:
    unit = entry.unit.strip().lower()
    if unit == "weeks":
        return UNIT_RULES["weeks"]
    return UNIT_RULES[rag_unit(entry)]


def parse_number(text: str) -> float:
    """A plain decimal number ("71", "-1.31", "70.5"); ValueProblem otherwise.

    Thousands separators and a trailing % are accepted; anything else (words, formulas,
    "1e3", infinities) is refused.
    """
    cleaned = text.strip().replace(",", "").removesuffix("%").strip()
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        raise ValueProblem("Enter a number, like 71 or 70.5")
    return float(cleaned)


def check_value(entry: CatalogueEntry, value: float) -> float:
    rule = unit_rule(entry)
    if not math.isfinite(value) or not rule.lowest <= value <= rule.highest:
        raise ValueProblem(f"Enter {rule.words}")
    if rule.whole and value != int(value):
        raise ValueProblem(f"Enter {rule.words}")
    return value


def check_parts(
    entry: CatalogueEntry, value: float, numerator: int | None, denominator: int | None
) -> None:
    """For a percentage, numerator and denominator must fit together and with the value."""
    if rag_unit(entry) != "percent":
        return
    if numerator is not None and denominator is not None and numerator > denominator:
        raise ValueProblem("The numerator cannot be larger than the denominator")
    if numerator is not None and denominator:
        expected = 100 * numerator / denominator
        if abs(expected - value) > 0.5:
            raise ValueProblem(
                f"{numerator} of {denominator} is {expected:.1f}%, not {value:g}%: "
                "check the value, numerator and denominator"
            )
