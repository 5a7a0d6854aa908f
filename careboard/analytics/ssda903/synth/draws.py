"""Random draws for the life-course loop, fed in blocks from one numpy Generator.

Drawing scalars one at a time from numpy is slow, so `Draws` takes a block of uniforms (and of
standard normals) at once and hands them out in order. With one seed and one order of calls
the results are identical run to run.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
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
        cumulative = tuple(w / total for w in accumulate(weights.values()))
        return cls(tuple(weights), cumulative)

    def probability(self, code: str) -> float:
        index = self.codes.index(code)
        low = self.cumulative[index - 1] if index else 0.0
        return self.cumulative[index] - low


class Draws:
    """Uniform, normal, exponential and weighted draws from blocks of one Generator."""

    __slots__ = ("_normal_at", "_normals", "_rng", "_uniform_at", "_uniforms", "block")

    def __init__(self, rng: np.random.Generator, block: int = 1 << 15) -> None:
        self._rng = rng
        self.block = block
        self._uniforms: list[float] = []
        self._uniform_at = 0
        self._normals: list[float] = []
        self._normal_at = 0

    def uniform(self) -> float:
        if self._uniform_at >= len(self._uniforms):
            self._uniforms = self._rng.random(self.block).tolist()
            self._uniform_at = 0
        value = self._uniforms[self._uniform_at]
        self._uniform_at += 1
        return value

    def normal(self) -> float:
        if self._normal_at >= len(self._normals):
            self._normals = self._rng.standard_normal(self.block).tolist()
            self._normal_at = 0
        value = self._normals[self._normal_at]
        self._normal_at += 1
        return value

    def chance(self, probability: float) -> bool:
        return self.uniform() < probability

    def integer(self, low: int, high: int) -> int:
        """A whole number from low to high inclusive."""
        return low + min(int(self.uniform() * (high - low + 1)), high - low)

    def exponential(self, mean: float) -> float:
        return -mean * math.log(1.0 - self.uniform())

    def lognormal(self, median: float, sigma: float) -> float:
        return median * math.exp(sigma * self.normal())

    def pick(self, choice: Choice) -> str:
        index = bisect_right(choice.cumulative, self.uniform())
        return choice.codes[min(index, len(choice.codes) - 1)]

    def item(self, items: Sequence[T]) -> T:
        return items[min(int(self.uniform() * len(items)), len(items) - 1)]
