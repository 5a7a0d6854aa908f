"""Placement type of children looked after at 31 March (foster care, long-term fostering)."""

import pytest

from tests.analytics.indicators.builders import Row, episode
from tests.analytics.indicators.conftest import Run

YEAR = 2025

# Eight children looked after at 31 March and one on short breaks (V3: outside every figure).
LOOKED_AFTER: tuple[Row, ...] = (
    episode("U1", "2023-01-01", place="U1"),  # long-term, relative or friend
    episode("U4", "2023-01-01", place="U4"),  # long-term, other carer
    episode("U3", "2023-01-01", place="U3"),
    episode("U5", "2023-01-01", place="U5"),  # fostering for adoption
    episode("K2", "2023-01-01", place="K2"),  # children's home
    episode("P1", "2023-01-01", place="P1"),  # with parents
    episode("A5", "2023-01-01", ls="E1", place="A5"),  # placed for adoption
    episode("MOVED", "2022-01-01", place="U4", dec="2024-10-01", rec="X1"),
    episode("MOVED", "2024-10-01", rne="P", place="K2"),  # the open episode counts
    episode("BREAK", "2025-03-30", ls="V3", place="U6"),
)


@pytest.mark.parametrize(
    ("code", "numerator", "value"),
    [
        # PLACE U1-U6 out of all CLA at 31 March (excl. V3/V4).
        ("foster_placement_pct", 4, 50.0),
        # Long-term fostering: PLACE U1 or U4.
        ("long_term_foster_pct", 2, 25.0),
    ],
)
def test_placement_type_uses_the_episode_open_on_31_march(
    run: Run, code: str, numerator: int, value: float
) -> None:
    result = run(code, *LOOKED_AFTER, year=YEAR)
    assert (result.numerator, result.denominator, result.value) == (numerator, 8, value)
