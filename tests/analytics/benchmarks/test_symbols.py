"""DfE symbols load as missing values with the reason kept (security.md, benchmarks README)."""

import math

import pytest

from careboard.analytics.benchmarks.symbols import Published, parse_published


@pytest.mark.parametrize(
    ("raw", "symbol", "reason_starts"),
    [
        ("c", "c", "suppressed"),
        ("k", "k", "rounds to zero"),
        ("low", "low", "rounds to zero"),
        ("u", "u", "low reliability"),
        ("x", "x", "not available"),
        ("z", "z", "not applicable"),
        ("-", "-", "not published"),
        ("[c]", "c", "suppressed"),
        (" C ", "c", "suppressed"),
        ("", "", "no figure"),
    ],
)
def test_a_symbol_is_missing_with_its_reason(raw: str, symbol: str, reason_starts: str) -> None:
    published = parse_published(raw)
    assert published.value is None
    assert published.is_missing
    assert published.symbol == symbol
    assert published.reason is not None
    assert published.reason.startswith(reason_starts)


def test_an_unknown_symbol_is_kept_not_turned_into_a_number() -> None:
    published = parse_published("n/a")
    assert published.value is None
    assert published.reason == "not published (symbol 'n/a')"


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("57", 57.0),
        ("81,770", 81770.0),
        ("-1.31", -1.31),
        ("18.899999999999999", 18.9),  # LAIT float noise
        ("7.0000000000000007E-2", 0.07),
        (14.9, 14.9),
        (0, 0.0),
    ],
)
def test_numbers_are_read_as_published(raw: str | float, value: float) -> None:
    published = parse_published(raw)
    assert published == Published(value)
    assert published.reason is None


def test_a_nan_from_a_data_frame_is_missing() -> None:
    assert parse_published(math.nan) == Published(None, "")
