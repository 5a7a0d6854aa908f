from careboard.analytics.ssda903.findings import (
    Finding,
    Severity,
    WarningCount,
    mask,
    warning_counts,
)
from careboard.analytics.ssda903.rules.registry import get_rule
from careboard.analytics.ssda903.validate import validate_tables
from tests.analytics.ssda903.rules.examples import table


def test_personal_values_are_masked_but_codes_are_not():
    assert mask("CHILD", "A1234") == "A••••"
    assert mask("UPN", "A12345678901B") == "A" + "•" * 12
    assert mask("PLACE", "U4") == "U4"


def test_location_names_file_table_row_and_column():
    finding = Finding(
        "103",
        Severity.ERROR,
        "Ethnicity code is not valid.",
        table="header",
        row=7,
        column="ETHNIC",
        value="XXXX",
        file="header.csv",
    )
    assert finding.location() == "header.csv, header, row 7, column ETHNIC"
    assert finding.blocks_import


def test_warning_counts_count_warnings_by_table_column_and_rule_and_leave_errors_out() -> None:
    findings = [
        Finding("392d", Severity.WARNING, "m", table="episodes", row=2, column="PL_POST"),
        Finding("392d", Severity.WARNING, "m", table="episodes", row=5, column="PL_POST"),
        Finding("355", Severity.WARNING, "m", table="episodes", row=5, column="DEC"),
        Finding("FILE13", Severity.WARNING, "m", table="oc2"),
        Finding("FILE17", Severity.WARNING, "m"),
        Finding("146", Severity.ERROR, "m", table="episodes", row=3, column="PLACE"),
    ]
    assert warning_counts(findings, 2025) == [
        WarningCount(2025, None, None, "FILE17", 1),
        WarningCount(2025, "episodes", "DEC", "355", 1),
        WarningCount(2025, "episodes", "PL_POST", "392d", 2),
        WarningCount(2025, "oc2", None, "FILE13", 1),
    ]
    assert warning_counts([], 2025) == []


def test_rows_beyond_those_listed_count_under_the_rules_column() -> None:
    # Rule 232 (a warning) fails on 5 Header rows; 2 are listed and one finding counts 3 more.
    sex_unknown = {"header": table("header", *({"CHILD": f"A{i}", "SEX": "U"} for i in range(5)))}
    findings = validate_tables(sex_unknown, 2025, rules=[get_rule("232")], max_findings_per_rule=2)
    assert [(f.row, f.column, f.unlisted) for f in findings] == [
        (2, "SEX", 0),
        (3, "SEX", 0),
        (None, None, 3),
    ]
    assert warning_counts(findings, 2025) == [WarningCount(2025, "header", "SEX", "232", 5)]


def test_rows_beyond_those_listed_count_for_the_table_when_the_rule_names_several_columns():
    listed = [
        Finding("R1", Severity.WARNING, "m", table="episodes", row=2, column="DECOM"),
        Finding("R1", Severity.WARNING, "m", table="episodes", row=3, column="DEC"),
        Finding("R1", Severity.WARNING, "m (7 more rows not listed)", table="episodes", unlisted=7),
    ]
    assert warning_counts(listed, 2024) == [
        WarningCount(2024, "episodes", None, "R1", 7),
        WarningCount(2024, "episodes", "DEC", "R1", 1),
        WarningCount(2024, "episodes", "DECOM", "R1", 1),
    ]
