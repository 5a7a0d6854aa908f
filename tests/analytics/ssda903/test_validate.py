"""validate_return: findings with places and masked values, capped per rule, from a RawReturn."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careboard.analytics.ssda903.findings import Severity
from careboard.analytics.ssda903.reader import RawReturn
from careboard.analytics.ssda903.rules.prepare import prepare
from careboard.analytics.ssda903.rules.registry import RuleContext, all_rules, get_rule
from careboard.analytics.ssda903.validate import (
    MIN_BATCH,
    run_rules,
    validate_return,
    validate_tables,
)
from tests.analytics.ssda903.rules.examples import clean_return, edit, table


def test_findings_name_the_file_table_row_column_and_masked_value():
    raw = RawReturn(
        2025,
        tables=edit(clean_return(), "header", 3, DOB="31/02/2023"),
        files={"header": "children.csv"},
    )
    [finding] = [f for f in validate_return(raw, 2025) if f.rule_id == "102"]
    assert (finding.file, finding.table, finding.row, finding.column) == (
        "children.csv",
        "header",
        3,
        "DOB",
    )
    assert finding.value == "3" + "•" * 9  # a date of birth is personal: masked
    assert finding.severity is Severity.ERROR
    assert finding.blocks_import


def test_codes_are_shown_as_they_are():
    raw = RawReturn(2025, tables=edit(clean_return(), "episodes", 8, PLACE="K9"))
    [finding] = [f for f in validate_return(raw, 2025) if f.rule_id == "146"]
    assert finding.value == "K9"


def test_warnings_do_not_block_an_import():
    raw = RawReturn(2025, tables=edit(clean_return(), "header", 2, SEX="U"))
    [finding] = validate_return(raw, 2025)
    assert finding.rule_id == "232"
    assert not finding.blocks_import


def test_a_rule_failing_on_many_rows_lists_the_first_and_counts_the_rest():
    five_bad = {"header": table("header", *({"CHILD": f"A{i}", "ETHNIC": "X"} for i in range(5)))}
    findings = validate_tables(five_bad, 2025, rules=[get_rule("103")], max_findings_per_rule=2)
    assert [f.row for f in findings] == [2, 3, None]
    assert findings[-1].message.endswith("(3 more rows not listed)")
    assert (
        len(validate_tables(five_bad, 2025, rules=[get_rule("103")], max_findings_per_rule=None))
        == 5
    )


def test_tables_that_were_not_supplied_are_treated_as_empty():
    only_header = {"header": clean_return()["header"]}
    findings = validate_tables(only_header, 2025)
    # rules reading only Header run; rules needing Episodes (EPI, 393, ...) do not
    assert findings == []
    assert get_rule("EPI").needs == ("header", "episodes")


def test_an_unknown_year_is_a_programming_error():
    with pytest.raises(ValueError, match="outside"):
        validate_tables(clean_return(), 2030)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 32), st.integers(0, 13), st.integers(1890, 2030)),
        min_size=1,
        max_size=20,
    )
)
def test_a_date_is_accepted_exactly_when_it_exists_in_the_calendar(parts):
    """Rule 102 against Python's calendar: 31/02, 29/02 in non-leap years, month 13..."""
    texts = [f"{d:02d}/{m:02d}/{y}" for d, m, y in parts]
    header = table("header", *({"CHILD": f"A{i}", "DOB": t} for i, t in enumerate(texts)))
    flagged = {f.row for f in validate_tables({"header": header}, 2025, rules=[get_rule("102")])}

    def real(text: str) -> bool:
        try:
            dt.datetime.strptime(text, "%d/%m/%Y")
        except ValueError:
            return False
        return True

    assert flagged == {line for line, t in enumerate(texts, start=2) if not real(t)}


def test_running_the_rules_in_parallel_batches_changes_nothing():
    broken = edit(edit(clean_return(), "episodes", 3, DECOM="31/02/2024"), "header", 2, SEX="U")
    ctx = RuleContext(2025, frozenset(broken))
    rules = [r for r in all_rules() if r.applies(ctx)]
    one_query = run_rules(prepare(broken), rules, ctx)
    assert len(rules) > 2 * MIN_BATCH  # so validate_tables does split them
    assert validate_tables(broken, 2025) == one_query
    assert {f.rule_id for f in one_query} >= {"141", "232"}
