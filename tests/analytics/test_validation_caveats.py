"""Validation warnings kept in the store qualify the indicators that read the fields they
concern: the data-quality flag, the warnings and a sentence in the note."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from careboard.analytics.engine import CAVEAT, IndicatorResult, compute_years
from careboard.analytics.indicators import REGISTRY
from careboard.analytics.ssda903.findings import WarningCount
from careboard.analytics.ssda903.store import Store
from careboard.analytics.ssda903.tables import TABLE_COLUMNS
from careboard.analytics.validation_caveats import (
    SourceFieldError,
    add_warnings,
    affecting,
    fields_read,
    parse_source_field,
    sentence,
    with_warnings,
)
from tests.analytics.indicators.builders import child, episode, oc2, tables

OUTSIDE = "placed_outside_la_pct"  # reads Episodes.PL_POST (as PL_LOCATION), DEC, LS
COUNT = "cla_count_31mar"  # reads Episodes.DECOM, DEC, LS
MOVES = "placement_moves_2plus_2yr_pct"  # reads Episodes.DEC of this year and the year before
SDQ = "oc2_sdq_average"  # reads OC2.SDQ_SCORE and Header.DOB (tables episodes, oc2, header)

PL_POST = WarningCount(2025, "episodes", "PL_POST", "392d", 2)
SDQ_SCORE = WarningCount(2025, "oc2", "SDQ_SCORE", "567", 1)
DEC_LAST_YEAR = WarningCount(2024, "episodes", "DEC", "355", 1)


def result(code: str, year: int = 2025, **fields: object) -> IndicatorResult:
    values: dict[str, object] = {
        "code": code,
        "year": year,
        "value": 50.0,
        "numerator": 1,
        "denominator": 2,
        "cohort_size": 2,
    }
    return IndicatorResult(**(values | fields))  # type: ignore[arg-type]


def test_every_registered_source_field_names_columns_of_a_903_table() -> None:
    for indicator in REGISTRY.values():
        for table, column in fields_read(indicator):
            assert column in TABLE_COLUMNS[table], (indicator.code, table, column)


def test_source_fields_are_read_by_their_leading_table_and_field() -> None:
    assert parse_source_field("Episodes.PL_POST (as PL_LOCATION)") == (("episodes", "PL_POST"),)
    assert parse_source_field("Episodes.HOME_POST and PL_POST (as PL_DISTANCE)") == (
        ("episodes", "HOME_POST"),
        ("episodes", "PL_POST"),
    )
    assert parse_source_field("SWEpisodes.SW_ID") == (("sw_episodes", "SW_ID"),)
    assert parse_source_field("oc2.sdq_score") == (("oc2", "SDQ_SCORE"),)
    with pytest.raises(SourceFieldError):
        parse_source_field("the placement postcode")
    with pytest.raises(SourceFieldError):
        parse_source_field("Placements.PL_POST")


def test_a_warning_on_a_field_affects_the_indicators_reading_it_and_no_other() -> None:
    summary = [PL_POST, SDQ_SCORE]
    found = {code: affecting(REGISTRY[code], 2025, summary) for code in (OUTSIDE, COUNT, SDQ)}
    assert found == {OUTSIDE: (PL_POST,), COUNT: (), SDQ: (SDQ_SCORE,)}


def test_tables_and_columns_are_compared_without_regard_to_case() -> None:
    lower = WarningCount(2025, "episodes", "pl_post", "392d", 1)
    assert affecting(REGISTRY[OUTSIDE], 2025, [lower]) == (lower,)


def test_warnings_of_an_earlier_year_count_where_the_indicator_reads_that_year() -> None:
    assert REGISTRY[MOVES].years_back == (1,)
    assert affecting(REGISTRY[MOVES], 2025, [DEC_LAST_YEAR]) == (DEC_LAST_YEAR,)
    assert affecting(REGISTRY[COUNT], 2025, [DEC_LAST_YEAR]) == ()  # reads 2025 only
    assert affecting(REGISTRY[MOVES], 2026, [DEC_LAST_YEAR]) == ()  # reads 2025 and 2026


def test_a_warning_about_a_whole_table_affects_every_indicator_reading_the_table() -> None:
    no_rows = WarningCount(2025, "oc2", None, "FILE13", 1)
    about_the_files = WarningCount(2025, None, None, "FILE17", 1)
    summary = [no_rows, about_the_files]
    assert affecting(REGISTRY[SDQ], 2025, summary) == (no_rows,)
    assert affecting(REGISTRY[COUNT], 2025, summary) == ()


def test_the_sentence_says_how_many_warnings_in_which_returns_by_rule_and_field() -> None:
    assert sentence([PL_POST, SDQ_SCORE]) == (
        "3 validation warnings in the 2024-25 return affect fields this figure uses: "
        "rule 392d on Episodes.PL_POST (2), rule 567 on OC2.SDQ_SCORE (1)"
    )
    assert sentence([WarningCount(2025, "episodes", "PL_POST", "392d", 1)]) == (
        "1 validation warning in the 2024-25 return affects a field this figure uses: "
        "rule 392d on Episodes.PL_POST (1)"
    )
    assert sentence([PL_POST, DEC_LAST_YEAR]) == (
        "3 validation warnings in the 2023-24 and 2024-25 returns affect fields this figure "
        "uses: 2023-24: rule 355 on Episodes.DEC (1); 2024-25: rule 392d on Episodes.PL_POST (2)"
    )
    assert sentence([WarningCount(2025, "oc2", None, "FILE13", 1)]) == (
        "1 validation warning in the 2024-25 return affects a table this figure uses: "
        "rule FILE13 on the OC2 table (1)"
    )


def test_warnings_add_the_flag_once_and_follow_the_indicators_own_caveat() -> None:
    plain = with_warnings(result(OUTSIDE), (PL_POST,))
    assert plain.flags == (CAVEAT,)
    assert plain.warnings == (PL_POST,)
    assert plain.note == sentence([PL_POST])
    own = result(OUTSIDE, flags=(CAVEAT,), caveat_count=3, note="placement location not known")
    both = with_warnings(own, (PL_POST,))
    assert both.flags == (CAVEAT,)
    assert both.caveat_count == 3
    assert both.note == f"placement location not known; {sentence([PL_POST])}"
    with pytest.raises(FrozenInstanceError):
        both.note = "changed"  # type: ignore[misc]


def test_results_without_warnings_or_without_a_figure_are_left_as_they_are() -> None:
    unaffected = result(COUNT)
    not_derivable = result(
        OUTSIDE,
        value=None,
        numerator=None,
        denominator=None,
        cohort_size=None,
        flags=("not_derivable",),
        note="needs the return(s) for 2024",
    )
    added = add_warnings({2025: {COUNT: unaffected, OUTSIDE: not_derivable}}, [PL_POST])
    assert added == {2025: {COUNT: unaffected, OUTSIDE: not_derivable}}


def test_results_computed_from_a_store_carry_the_warnings_kept_in_it(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.duckdb")
    for year, warnings in ((2024, [DEC_LAST_YEAR]), (2025, [PL_POST, SDQ_SCORE])):
        rows = tables(
            child("C1"),
            episode("C1", "2022-06-01", place="U1", pl_location="OUT"),
            oc2("C1", sdq_score=12),
            year=year,
        )
        store.load(year, rows, warnings=warnings)
    codes = [OUTSIDE, COUNT, MOVES, SDQ]
    computed = compute_years(store.ibis(), [2025], codes=codes)
    results = add_warnings(computed, store.warnings())[2025]

    assert results[OUTSIDE].numerator == 1
    assert results[OUTSIDE].warnings == (PL_POST,)
    assert CAVEAT in results[OUTSIDE].flags
    assert results[OUTSIDE].note == (
        "2 validation warnings in the 2024-25 return affect a field this figure uses: "
        "rule 392d on Episodes.PL_POST (2)"
    )
    assert results[COUNT] == computed[2025][COUNT]
    assert CAVEAT not in results[COUNT].flags
    assert results[MOVES].warnings == (DEC_LAST_YEAR,)
    assert results[SDQ].warnings == (SDQ_SCORE,)
    assert (results[SDQ].value, results[SDQ].numerator) == (
        computed[2025][SDQ].value,
        computed[2025][SDQ].numerator,
    )
