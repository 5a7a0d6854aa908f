"""What a chart is drawn from: points by period, and how a figure is written in its unit."""

from __future__ import annotations

import math
from dataclasses import dataclass

# What stands in for a figure that cannot be shown, in the DfE's symbols where they exist.
SYMBOL_MEANINGS = {
    "c": "suppressed to protect children's privacy",
    "x": "not derivable",
    "z": "not applicable",
    "": "awaiting data",
}

# Units as the catalogue writes them -> how figures in them are written.
UNIT_NAMES = {"%": "percent", "percent": "percent", "days": "days", "weeks": "weeks"}
UNIT_NAMES |= {"count": "count", "number": "count", "score": "score", "": "score"}


def unit_name(unit: str) -> str:
    """One of percent, days, weeks, count or score (a plain number, possibly negative)."""
    return UNIT_NAMES.get(unit.strip().lower(), "score")


@dataclass(frozen=True, slots=True)
class Point:
    """One period's figure; `value` is None when there is none, `symbol` says why."""

    label: str
    value: float | None
    symbol: str = ""

    def __post_init__(self) -> None:
        if self.value is not None and not math.isfinite(self.value):
            raise ValueError(f"{self.label}: a chart cannot show {self.value}")

    @property
    def shown(self) -> bool:
        return self.value is not None

    @property
    def reason(self) -> str:
        """Why there is no figure: "suppressed ...", "not derivable", "awaiting data"."""
        return SYMBOL_MEANINGS.get(self.symbol, f"not published ({self.symbol})")


def _plain(number: float, places: int) -> str:
    rounded = round(number, places)
    if rounded == 0:
        rounded = 0.0  # no "-0"
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.{places}f}".rstrip("0")


def number_text(value: float, unit: str) -> str:
    """The number alone, rounded for its unit: "81.5", "1,234", "-1.31"."""
    name = unit_name(unit)
    places = {"count": 0, "score": 2}.get(name, 1)
    if name == "count" and value != int(value):
        places = 1
    return _plain(value, places)


def value_text(value: float | None, unit: str) -> str:
    """A figure as the board reads it: "81%", "426 days", "1,234", "-1.31"; "no figure"."""
    if value is None:
        return "no figure"
    text = number_text(value, unit)
    name = unit_name(unit)
    if name == "percent":
        return f"{text}%"
    if name in ("days", "weeks"):
        word = name if text != "1" else name.removesuffix("s")
        return f"{text} {word}"
    return text


def point_text(point: Point, unit: str) -> str:
    """A point's figure, or what stands in for it: "81%", "c (suppressed ...)"."""
    if point.value is not None:
        return value_text(point.value, unit)
    if point.symbol:
        return f"{point.symbol} ({point.reason})"
    return point.reason.capitalize()


@dataclass(frozen=True, slots=True)
class TargetBand:
    """A period's target and its tolerance: missing the target by no more than the
    tolerance is Amber. The band runs from the target towards the worse side."""

    value: float
    tolerance: float = 0.0
    polarity: str = "higher"  # or "lower": which way is better

    def __post_init__(self) -> None:
        if self.tolerance < 0:
            raise ValueError("a tolerance cannot be negative")

    @property
    def low(self) -> float:
        return self.value - self.tolerance if self.polarity == "higher" else self.value

    @property
    def high(self) -> float:
        return self.value if self.polarity == "higher" else self.value + self.tolerance

    def meets(self, value: float) -> bool:
        return value >= self.value if self.polarity == "higher" else value <= self.value

    def within_tolerance(self, value: float) -> bool:
        return self.low <= value <= self.high
