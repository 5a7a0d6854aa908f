"""Exports of the tracker: CSV and XLSX, safe to open in a spreadsheet (security.md)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from careboard.strategy.exports import HEADINGS, neutralise
from tests.strategy.conftest import Scrutiny
from tests.strategy.factories import make_action

MALICIOUS = '=HYPERLINK("http://x","click")'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (MALICIOUS, "'" + MALICIOUS),
        ("+44 151 666", "'+44 151 666"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Review = done", "Review = done"),  # only a leading trigger matters
    ],
)
def test_neutralise(value: str, expected: str) -> None:
    assert neutralise(value) == expected


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.mark.django_db
def test_csv_export_neutralises_a_malicious_cell(scrutiny: Scrutiny, board_member: Client) -> None:
    make_action(scrutiny.plan, "X1", MALICIOUS, responsibility="@evil")

    response = board_member.get(reverse("strategy:export", args=["csv"]) + "?kind=action")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="careboard-actions-')
    header, *rows = csv_rows(response.content)
    assert header == HEADINGS
    by_reference = {row[2]: dict(zip(header, row, strict=True)) for row in rows}
    assert sorted(by_reference) == ["5.1", "X1"]  # the page's filter applies
    assert by_reference["X1"]["Title"] == "'" + MALICIOUS
    assert by_reference["X1"]["Responsibility"] == "'@evil"
    assert [
        by_reference["5.1"][k]
        for k in ("Plan", "Priority or objective", "Due", "Status", "Last update", "Owner")
    ] == [
        "Corporate Parenting Strategy 2014-16",
        "Objective 5: Staying safe",
        "2015-09-30",
        "Red",
        "2015-12-01",
        "Olive",
    ]


@pytest.mark.django_db
def test_xlsx_export_holds_the_malicious_cell_as_text(
    scrutiny: Scrutiny, board_member: Client
) -> None:
    make_action(scrutiny.plan, "X1", MALICIOUS)

    response = board_member.get(reverse("strategy:export", args=["xlsx"]))

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADINGS
    x1 = next(row for row in rows if row[2] == "X1")
    assert x1[4] == "'" + MALICIOUS
    cell = next(c for c in sheet["E"] if c.value == "'" + MALICIOUS)
    assert cell.data_type == "s"  # a string, not a formula ("f")


@pytest.mark.django_db
def test_an_unknown_format_is_not_found(board_member: Client) -> None:
    assert board_member.get(reverse("strategy:export", args=["pdf"])).status_code == 404


@pytest.mark.django_db
def test_export_actions_command_writes_the_columns(scrutiny: Scrutiny, tmp_path: Path) -> None:
    make_action(scrutiny.plan, "X1", MALICIOUS)
    out = io.StringIO()

    call_command("export_actions", "--format", "csv", "--plan", "cpp-2014-16", stdout=out)

    header, *rows = csv_rows(out.getvalue().encode("utf-8"))
    for column in (
        "Plan",
        "Priority or objective",
        "Reference",
        "Title",
        "Owner",
        "Due",
        "Status",
        "Last update",
    ):
        assert column in header
    assert len(rows) == 6
    assert [r[4] for r in rows if r[2] == "X1"] == ["'" + MALICIOUS]

    target = tmp_path / "actions.xlsx"
    call_command(
        "export_actions", "--format", "xlsx", "--output", str(target), stderr=io.StringIO()
    )
    sheet = load_workbook(target).active
    assert sheet is not None
    assert sheet.max_row == 7  # heading and six items
