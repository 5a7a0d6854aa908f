"""The benchmark's plain pandas indicators give the engine's numbers, integer for integer.

The pandas implementation is the yardstick the engine is timed against (issue 5), so the
comparison is only honest if both count the same children: a hand-made example with the
numbers written out, then every indicator on a small synthetic council over several years.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import ibis
import pytest

from bench import pandas_indicators
from bench.bench_indicators import Results, differences
from careboard.analytics.engine import NOT_DERIVABLE, compute
from careboard.analytics.ssda903.minimise import minimise
from careboard.analytics.ssda903.reader import read_return
from careboard.analytics.ssda903.store import Store
from careboard.analytics.ssda903.stored import STORED_TABLES
from careboard.analytics.ssda903.synth.generate import SynthRequest, generate
from tests.analytics.indicators.builders import child, episode, oc3, tables

YEAR = 2025  # 1 April 2024 to 31 March 2025
CODES = (
    "cla_count_31mar",
    "foster_placement_pct",
    "long_term_foster_pct",
    "placements_3plus_pct",
    "cla_starters",
    "cla_ceased",
    "care_leavers_17_18_count",
    "care_leavers_17_18_in_touch_pct",
)


def _both(connection: duckdb.DuckDBPyConnection) -> tuple[dict[str, tuple], dict[str, tuple]]:
    """(engine, pandas) numerator, denominator, cohort and caveat count per code."""
    engine = compute(
        ibis.duckdb.from_connection(connection), YEAR, codes=CODES, years_loaded=[YEAR]
    )
    frames = pandas_indicators.load_tables(connection, STORED_TABLES)
    pandas = pandas_indicators.compute(frames, YEAR, CODES)
    return (
        {c: (r.numerator, r.denominator, r.cohort_size, r.caveat_count) for c, r in engine.items()},
        {c: (p.numerator, p.denominator, p.cohort, p.caveat) for c, p in pandas.items()},
    )


def test_a_hand_made_year_counts_the_same_children_both_ways() -> None:
    # DfE (indicators.md): looked after at 31 March leaves out short breaks (V3/V4); a
    # temporary placement (T0-T4) and the return from it are not moves; a care leaver who
    # died (IN_TOUCH = DIED) leaves the OC3 cohort.
    arrow = tables(
        child("FOSTER"),
        episode("FOSTER", "2024-05-01", place="U1"),
        # HOSPITAL: U3, a hospital stay (T1), back to U3, then a children's home: 2 placements.
        child("HOSPITAL"),
        episode("HOSPITAL", "2024-04-10", place="U3", dec="2024-07-01", rec="X1"),
        episode("HOSPITAL", "2024-07-01", rne="P", place="T1", dec="2024-07-08", rec="X1"),
        episode("HOSPITAL", "2024-07-08", rne="P", place="U3", dec="2024-10-01", rec="X1"),
        episode("HOSPITAL", "2024-10-01", rne="P", place="K2"),
        # MOVED: three placements in the year, the last long-term foster care.
        child("MOVED"),
        episode("MOVED", "2024-04-10", place="U3", dec="2024-06-01", rec="X1"),
        episode("MOVED", "2024-06-01", rne="P", place="K2", dec="2024-09-01", rec="X1"),
        episode("MOVED", "2024-09-01", rne="P", place="U4"),
        # RESPITE: short breaks only, in none of the figures.
        child("RESPITE"),
        episode("RESPITE", "2024-06-01", ls="V3", place="R1"),
        # HOME: came and went home within the year.
        child("HOME"),
        episode("HOME", "2024-05-01", dec="2024-08-01", rec="E13"),
        oc3("LEAVER1", "2007-01-01", in_touch="YES"),
        oc3("LEAVER2", "2006-06-01", in_touch="NO"),
        oc3("LEAVER3", "2007-02-01", in_touch="DIED"),
        year=YEAR,
    )
    connection = duckdb.connect()
    for name, table in arrow.items():
        connection.register("incoming", table)
        connection.execute(f'CREATE TABLE "{name}" AS SELECT * FROM incoming')  # noqa: S608
        connection.unregister("incoming")
    engine, pandas = _both(connection)

    expected = {
        "cla_count_31mar": (3, None, 3, 0),
        "foster_placement_pct": (2, 3, 3, 0),  # U1 and U4; K2 is a children's home
        "long_term_foster_pct": (2, 3, 3, 0),
        "placements_3plus_pct": (1, 3, 3, 0),  # MOVED only: HOSPITAL had 2
        "cla_starters": (4, None, 4, 0),  # not RESPITE
        "cla_ceased": (1, None, 1, 0),
        "care_leavers_17_18_count": (2, None, 2, 0),  # not LEAVER3, who died
        "care_leavers_17_18_in_touch_pct": (1, 2, 2, 0),
    }
    assert pandas == expected
    assert engine == expected


@pytest.mark.slow
def test_every_indicator_matches_the_engine_on_a_synthetic_council(tmp_path: Path) -> None:
    returns = tmp_path / "returns"
    generate(SynthRequest(children=60, first_year=2021, last_year=YEAR, seed=5, out=returns))
    store = Store(tmp_path / "store.duckdb")
    for year in range(2021, YEAR + 1):
        raw = read_return(returns / str(year), year)
        key = b"test-key-not-secret-0123456789abcdef"
        store.load(year, minimise(raw, key=key, postcodes=returns / "postcodes.csv"))
    backend = store.ibis()
    engine_results: Results = {}
    pandas_results: Results = {}
    with store.connect_readonly() as connection:
        frames = pandas_indicators.load_tables(connection, STORED_TABLES)
    for year in (2023, 2024, YEAR):
        computed = compute(backend, year, years_loaded=store.years())
        derivable = {c: r for c, r in computed.items() if NOT_DERIVABLE not in r.flags}
        engine_results[str(year)] = {
            c: [r.numerator, r.denominator, r.cohort_size, r.caveat_count]
            for c, r in derivable.items()
        }
        pandas_results[str(year)] = {
            c: [p.numerator, p.denominator, p.cohort, p.caveat]
            for c, p in pandas_indicators.compute(frames, year, derivable).items()
        }

    assert differences(engine_results, pandas_results) == []
    assert len(engine_results[str(YEAR)]) == len(pandas_indicators.DEFINITIONS)
    looked_after = engine_results[str(YEAR)]["cla_count_31mar"][0]
    assert looked_after is not None
    assert looked_after > 0
