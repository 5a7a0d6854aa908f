"""DfE published-data symbols: a cell that is not a number becomes a missing value with its reason.

DfE statistics use the Government Statistical Service symbols in place of numbers (c, k, u, x,
z, low, ...); the Local Authority Interactive Tool (LAIT) uses "-" for anything missing or
suppressed. They are never imputed: a symbol loads as `value=None` and keeps its code, so the
app can say *why* a figure is absent ("suppressed", "not applicable", ...).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# code -> reason, in the words shown to users
SYMBOL_REASONS: dict[str, str] = {
    "c": "suppressed by DfE to protect confidentiality (small numbers)",
    "k": "rounds to zero, but is not zero",
    "low": "rounds to zero, but is not zero",
    "u": "low reliability",
    "x": "not available",
    "z": "not applicable",
    ":": "not available",
    "..": "not available",
    "-": "not published (missing or suppressed in LAIT)",
    "": "no figure in the source file",
}

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


@dataclass(frozen=True, slots=True)
class Published:
    """One published figure: a number, or no number and the symbol that stands in for it."""

    value: float | None
    symbol: str | None = None

    @property
    def is_missing(self) -> bool:
        return self.value is None

    @property
    def reason(self) -> str | None:
        """Why there is no number (None when there is one)."""
        if self.value is not None:
            return None
        return SYMBOL_REASONS.get(self.symbol or "", f"not published (symbol {self.symbol!r})")


def parse_published(raw: str | float | int | None, *, digits: int = 6) -> Published:
    """Read one cell of a DfE file.

    Numbers may carry thousands separators and float noise from LAIT ("18.899999999999999");
    they are rounded to `digits` decimal places. Known symbols keep their code; any other text
    is kept as its own symbol so nothing is silently turned into a number.
    """
    if raw is None:
        return Published(None, "")
    if isinstance(raw, int | float):
        if isinstance(raw, float) and math.isnan(raw):
            return Published(None, "")
        return Published(round(float(raw), digits))
    text = raw.strip().replace(",", "")
    if _NUMBER.match(text):
        return Published(round(float(text), digits))
    symbol = text.lower()
    if symbol.startswith("[") and symbol.endswith("]"):  # newer GSS style: "[c]", "[x]"
        symbol = symbol[1:-1]
    return Published(None, symbol)
