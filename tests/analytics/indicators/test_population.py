"""Children looked after at 31 March, and UASC among them (indicators.md, Vision)."""

from tests.analytics.indicators.builders import episode, uasc
from tests.analytics.indicators.conftest import Run

YEAR = 2025  # 1 April 2024 to 31 March 2025


def test_cla_count_counts_children_with_an_episode_open_on_31_march(run: Run) -> None:
    # DfE: looked after at 31 March = an episode open on 31 March (DEC blank or after it),
    # excluding an agreed series of short breaks (LS V3/V4). Children, not episodes.
    result = run(
        "cla_count_31mar",
        episode("OPEN", "2023-05-01"),  # counted
        episode("MOVED", "2023-05-01", dec="2024-10-01", rec="X1"),  # counted once
        episode("MOVED", "2024-10-01", rne="P"),
        episode("LEFT", "2023-05-01", dec="2025-03-31", rec="E4A"),  # left on 31 March
        episode("LATER", "2024-06-01", dec="2025-08-01", rec="E4A", year=2026),  # still open
        episode("BREAKS", "2024-12-01", ls="V4"),  # short breaks
        episode("NEXT", "2025-04-01"),  # starts in the next year
        year=YEAR,
    )
    assert (result.numerator, result.value, result.flags) == (3, 3.0, ())


def test_uasc_count_keeps_only_children_still_uasc_on_31_march(run: Run) -> None:
    # UASC at 31 March: looked after at 31 March with UASC status not ceased (DUC blank or
    # after 31 March).
    result = run(
        "uasc_count_31mar",
        episode("STILL", "2024-06-01"),
        uasc("STILL"),  # counted
        episode("GRANTED", "2024-06-01"),
        uasc("GRANTED", duc="2025-02-01"),  # status ended before 31 March
        episode("LATER", "2024-06-01"),
        uasc("LATER", duc="2025-06-01"),  # ended after 31 March: counted
        episode("GONE", "2024-06-01", dec="2024-12-01", rec="E8"),
        uasc("GONE"),  # not looked after at 31 March
        episode("NOT_UASC", "2024-06-01"),
        year=YEAR,
    )
    assert result.numerator == 2
