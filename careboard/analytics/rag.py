"""Judging an indicator: Red/Amber/Green against a target, with a sentence that says why.

architecture.md section 4: for each indicator and period the value is compared with the target
and its tolerance band in the indicator's polarity (higher or lower is better); contextual
indicators get no RAG, only trend and benchmarks. The sentence gives the comparison with the
target, the change on the last period, England, the statistical-neighbour average and the
quartile, e.g. "Red: 71% is 9 points below the 80% target (tolerance 5); down 4 points on 2024;
England 81%; statistical neighbours 78%; quartile C."

Rules (higher is better; mirrored when lower is better):
- Green: the value meets or beats the target;
- Amber: it misses the target by no more than the tolerance;
- Red: it misses by more than the tolerance.
A status may be overridden by hand only with a reason; the judgement says so and keeps the
calculated status, so the app can audit both.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

POLARITIES = ("higher", "lower", "contextual")
UNITS = ("percent", "count", "days", "score")


class Status(StrEnum):
    GREEN = "Green"
    AMBER = "Amber"
    RED = "Red"


@dataclass(frozen=True, slots=True)
class Target:
    value: float
    tolerance: float = 0.0

    def __post_init__(self) -> None:
        if self.tolerance < 0:
            raise ValueError("a tolerance cannot be negative")


class Targets:
    """Targets by indicator code and year (the year the period ends)."""

    def __init__(self) -> None:
        self._targets: dict[tuple[str, int], Target] = {}

    def set(self, code: str, year: int, value: float, tolerance: float = 0.0) -> None:
        self._targets[(code, year)] = Target(value, tolerance)

    def get(self, code: str, year: int) -> Target | None:
        return self._targets.get((code, year))


@dataclass(frozen=True, slots=True)
class Previous:
    """The value of the last period, for the trend ("down 4 points on 2024")."""

    year: int
    value: float | None


@dataclass(frozen=True, slots=True)
class Benchmarks:
    england: float | None = None
    neighbours: float | None = None  # statistical-neighbour average
    quartile: str | None = None  # "A" (best quarter of councils) .. "D"


@dataclass(frozen=True, slots=True)
class Judgement:
    status: Status | None  # None: no RAG (contextual, no target, no value or not shown)
    calculated: Status | None  # before any override
    sentence: str
    override_reason: str | None = None

    @property
    def overridden(self) -> bool:
        return self.override_reason is not None


QUARTILE_WORDS = {
    "A": "quartile A, the best quarter of councils",
    "B": "quartile B, the second quarter of councils",
    "C": "quartile C, the third quarter of councils",
    "D": "quartile D, the worst quarter of councils",
}


def judge(
    value: float | None,
    *,
    year: int,
    unit: str,
    polarity: str,
    target: Target | None,
    previous: Previous | None = None,
    benchmarks: Benchmarks | None = None,
    suppressed: bool = False,
    override: Status | None = None,
    override_reason: str | None = None,
) -> Judgement:
    """Judge one indicator value for one year.

    `suppressed` means disclosure control withheld the value (too few children): no status,
    and neither the value, the trend nor the quartile appears in the sentence.
    """
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}; expected one of {UNITS}")
    if polarity not in POLARITIES:
        raise ValueError(f"unknown polarity {polarity!r}; expected one of {POLARITIES}")
    if override is not None:
        if not (override_reason and override_reason.strip()):
            raise ValueError("a status set by hand needs a reason")
        if polarity == "contextual":
            raise ValueError("a contextual indicator has no RAG status to set")
    elif override_reason is not None:
        raise ValueError("a reason was given but no status to set")
    benchmarks = benchmarks or Benchmarks()
    shown = None if suppressed else value

    calculated, headline = _headline(shown, year, unit, polarity, target, suppressed)
    parts = [headline]
    if shown is not None and previous is not None:
        parts.append(_trend(shown, previous, unit))
    parts.append(
        f"England {_amount(benchmarks.england, unit)}"
        if benchmarks.england is not None
        else "no England figure"
    )
    if benchmarks.neighbours is not None:
        parts.append(f"statistical neighbours {_amount(benchmarks.neighbours, unit)}")
    if shown is not None and polarity != "contextual" and benchmarks.quartile in QUARTILE_WORDS:
        parts.append(QUARTILE_WORDS[benchmarks.quartile])
    sentence = "; ".join(parts) + "."

    if override is None:
        return Judgement(calculated, calculated, sentence)
    reason = " ".join((override_reason or "").split())
    was = calculated.value if calculated else "no status"
    sentence = f"{override.value} (set by hand: {reason}; calculated {was}). {sentence}"
    return Judgement(override, calculated, sentence, reason)


def status_of(value: float, target: Target, polarity: str) -> Status:
    """The RAG status of a value (higher or lower polarity only)."""
    gap = value - target.value if polarity == "higher" else target.value - value
    if gap >= 0:
        return Status.GREEN
    if -gap <= target.tolerance:
        return Status.AMBER
    return Status.RED


def _headline(
    value: float | None,
    year: int,
    unit: str,
    polarity: str,
    target: Target | None,
    suppressed: bool,
) -> tuple[Status | None, str]:
    if suppressed:
        return None, (
            "Not shown: too few children are counted to publish this figure safely, so it has "
            "no RAG status"
        )
    if value is None:
        return None, f"No figure for {year}, so no RAG status"
    if polarity == "contextual":
        return None, f"No RAG status (contextual indicator): {_amount(value, unit)}"
    if target is None:
        return None, f"No target set: {_amount(value, unit)}"
    status = status_of(value, target, polarity)
    difference = value - target.value
    if difference == 0:
        comparison = f"{_amount(value, unit)} meets the {_target(target.value, unit)} target"
    else:
        side = "above" if difference > 0 else "below"
        comparison = (
            f"{_amount(value, unit)} is {_difference(abs(difference), unit)} {side} the "
            f"{_target(target.value, unit)} target"
        )
    tolerance = _number(target.tolerance)
    if status is Status.AMBER:
        comparison += f", within the tolerance of {tolerance}"
    elif status is Status.RED and target.tolerance > 0:
        comparison += f" (tolerance {tolerance})"
    return status, f"{status.value}: {comparison}"


def _trend(value: float, previous: Previous, unit: str) -> str:
    if previous.value is None:
        return f"no figure for {previous.year}"
    change = value - previous.value
    if round(change, 1) == 0:
        return f"the same as {previous.year}"
    direction = "up" if change > 0 else "down"
    return f"{direction} {_difference(abs(change), unit)} on {previous.year}"


def _number(value: float) -> str:
    """At most one decimal place; thousands separated: 71, 70.5, 81,770, -1.3."""
    rounded = round(value, 1)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.1f}"


def _amount(value: float, unit: str) -> str:
    if unit == "percent":
        return f"{_number(value)}%"
    if unit == "days":
        return f"{_number(value)} days"
    return _number(value)


def _target(value: float, unit: str) -> str:
    """As an adjective: "the 80% target", "the 426-day target"."""
    return f"{_number(value)}-day" if unit == "days" else _amount(value, unit)


def _difference(value: float, unit: str) -> str:
    if unit == "percent":
        return f"{_number(value)} {'point' if value == 1 else 'points'}"
    if unit == "days":
        return f"{_number(value)} {'day' if value == 1 else 'days'}"
    return _number(value)
