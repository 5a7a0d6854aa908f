"""Random draws for the life-course loop, fed in blocks from one numpy Generator.

Drawing scalars one at a time from numpy is slow, so `Draws` takes a block of uniforms (and of
standard normals) at once and hands them out in order. With one seed and one order of calls
the results are identical run to run.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TypeVar

import numpy as np

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Choice:
    """A weighted list of codes to draw from."""

    codes: tuple[str, ...]
    cumulative: tuple[float, ...]

    @classmethod
    def of(cls, weights: Mapping[str, float]) -> Choice:
        total = sum(weights.values())
        # The last bound is exactly 1 so that any uniform draw in [0, 1) finds a code.
        bounds = [w / total for w in accumulate(weights.values())]
        bounds[-1] = 1.0
        return cls(tuple(weights), tuple(bounds))

    def probability(self, code: str) -> float:
        index = self.codes.index(code)
        low = self.cumulative[index - 1] if index else 0.0
        return self.cumulative[index] - low


class Draws:
    """Uniform, normal, exponential and weighted draws from blocks of one Generator."""

    __slots__ = ("_normals", "_rng", "_uniforms", "block")

    def __init__(self, rng: np.random.Generator, block: int = 1 << 15) -> None:
        self._rng = rng
        self.block = block
        self._uniforms: Iterator[float] = iter(())
        self._normals: Iterator[float] = iter(())

    def uniform(self) -> float:
        try:
            return next(self._uniforms)
        except StopIteration:
            self._uniforms = iter(self._rng.random(self.block).tolist())
            return next(self._uniforms)

    def normal(self) -> float:
        try:
            return next(self._normals)
        except StopIteration:
            self._normals = iter(self._rng.standard_normal(self.block).tolist())
            return next(self._normals)

    def chance(self, probability: float) -> bool:
        return self.uniform() < probability

    def integer(self, low: int, high: int) -> int:
        """A whole number from low to high inclusive."""
        return low + int(self.uniform() * (high - low + 1))

    def exponential(self, mean: float) -> float:
        return -mean * math.log(1.0 - self.uniform())

    def lognormal(self, median: float, sigma: float) -> float:
        return median * math.exp(sigma * self.normal())

    def pick(self, choice: Choice) -> str:
        return choice.codes[bisect_right(choice.cumulative, self.uniform())]

    def item(self, items: Sequence[T]) -> T:
        return items[int(self.uniform() * len(items))]
