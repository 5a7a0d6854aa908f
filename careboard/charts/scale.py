"""From figures to positions: a value axis with round tick marks."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass


def nice_step(span: float, ticks: int) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about `ticks` intervals."""
    rough = span / max(ticks, 1)
    power = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 5, 10):
        if rough <= factor * power:
            return factor * power
    return 10 * power  # pragma: no cover - the loop always returns


@dataclass(frozen=True, slots=True)
class Axis:
    """A value axis from `low` to `high`, drawn from pixel `start` (low) to `end` (high):
    bottom to top for a line chart, left to right for bars."""

    low: float
    high: float
    step: float
    start: float
    end: float

    @classmethod
    def fit(
        cls,
        values: Iterable[float],
        *,
        start: float,
        end: float,
        ticks: int = 5,
        include_zero: bool = False,
        percent: bool = False,
    ) -> Axis:
        """An axis with round ends that holds every value. All-equal values get room around
        them; percentages stay within 0 to 100 when the values do."""
        numbers = list(values)
        if include_zero or not numbers:
            numbers.append(0.0)
        low, high = min(numbers), max(numbers)
        if high == low:
            pad = abs(high) * 0.1 or 1.0
            low, high = low - pad, high + pad
            if min(numbers) >= 0 and low < 0 and (percent or include_zero):
                low = 0.0
        step = nice_step(high - low, ticks)
        nice_low = math.floor(low / step) * step
        nice_high = math.ceil(high / step) * step
        if percent and min(numbers) >= 0:
            nice_low = max(nice_low, 0.0)
        if percent and max(numbers) <= 100:
            nice_high = min(nice_high, 100.0)
        if nice_high == nice_low:
            nice_high = nice_low + step
        return cls(nice_low, nice_high, step, start, end)

    def position(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        return self.start + share * (self.end - self.start)

    def ticks(self) -> list[float]:
        count = round((self.high - self.low) / self.step)
        return [round(self.low + n * self.step, 10) for n in range(count + 1)]
