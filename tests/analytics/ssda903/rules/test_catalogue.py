"""docs/903-validation-rules.md is generated from the registry and must match it."""

from __future__ import annotations

from careboard.analytics.ssda903.rules.catalogue import DOC_PATH, main, rules_markdown, year_span
from careboard.analytics.ssda903.rules.registry import get_rule


def test_the_committed_document_matches_the_registry():
    assert DOC_PATH.read_text(encoding="utf-8") == rules_markdown(), (
        "regenerate with: python -m careboard.analytics.ssda903.rules.catalogue"
    )


def test_each_rule_is_a_row_with_its_dfe_number_severity_and_message():
    row = next(line for line in rules_markdown().splitlines() if line.startswith("| 304 |"))
    assert row == (
        "| 304 | 304 | error | all | UASC | DUC, DOB | "
        "Date UASC status ceased is after the child's 18th birthday. |"
    )
    assert "| SW17 | SW17 | error | from 2025-26 |" in rules_markdown()
    assert get_rule("CB-PY-01").dfe == "502"


def test_year_spans_read_as_collection_years():
    assert year_span(range(2017, 2027)) == "all"
    assert year_span(range(2024, 2027)) == "from 2023-24"
    assert year_span(range(2024, 2026)) == "2023-24 to 2024-25"
    assert year_span((2025,)) == "2024-25"


def test_check_mode_reports_a_stale_document(tmp_path, capsys):
    stale = tmp_path / "rules.md"
    stale.write_text("old", encoding="utf-8")
    assert main(["--check", "--path", str(stale)]) == 1
    assert main(["--path", str(stale)]) == 0
    assert main(["--check", "--path", str(stale)]) == 0
    assert "up to date" in capsys.readouterr().out
