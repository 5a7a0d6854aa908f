"""The manual-values template: download, fill in, upload; hostile files never break it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from careboard.accounts.models import Role
from careboard.indicators.models import CatalogueEntry, IndicatorValue
from careboard.indicators.periods import ACADEMIC_YEAR, DFE_YEAR
from careboard.indicators.template_files import latest_ended, template_csv, template_xlsx
from careboard.indicators.uploads import MAX_BYTES, UploadRefused, check_rows, read_table

ClientAs = Callable[[Role], Client]
HEADING = "code,period,value,numerator,denominator,note\n"


def _upload(client: Client, name: str, content: bytes) -> str:
    response = client.post(
        reverse("indicators:upload"), {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        return "REDIRECT " + client.get(response["Location"]).content.decode()
    return response.content.decode()


@pytest.fixture
def analyst(
    client_as: ClientAs,
    peps: CatalogueEntry,
    progress8: CatalogueEntry,
    kooth: CatalogueEntry,
    foster: CatalogueEntry,
) -> Client:
    return client_as(Role.PERFORMANCE_ANALYST)


def test_latest_finished_periods() -> None:
    assert latest_ended(DFE_YEAR, dt.date(2026, 3, 31)) == 2025
    assert latest_ended(DFE_YEAR, dt.date(2026, 4, 1)) == 2026
    assert latest_ended(ACADEMIC_YEAR, dt.date(2026, 8, 31)) == 2025
    assert latest_ended(ACADEMIC_YEAR, dt.date(2026, 9, 1)) == 2026


def test_csv_template_lists_manual_entries_by_period(
    peps: CatalogueEntry, progress8: CatalogueEntry
) -> None:
    text = template_csv(dt.date(2026, 11, 23)).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "code,indicator,unit,period format,period,value,numerator,denominator,note"
    periods = [line.split(",")[0] + " " + line.split(",")[-5] for line in lines[1:]]
    assert "peps_completed_pct 2025-26" in periods
    assert "progress8_average 2025/26" in periods
    assert len(lines) == 1 + 2 * 3  # two manual entries, three periods each
    assert "foster_placement_pct" not in text


def test_a_filled_csv_is_recorded(analyst: Client) -> None:
    content = (
        HEADING
        + "peps_completed_pct,2024-25,84.5,169,200,ePEP system\n"
        + "progress8_average,2024/25,-1.31,,,\n"
        + "kooth_cla,2024-25,,,,\n"  # left blank: skipped
    ).encode()
    page = _upload(analyst, "values.csv", content)
    assert "REDIRECT" in page
    assert "2 value(s) recorded, 0 unchanged, 1 row(s) left blank." in page
    peps = IndicatorValue.objects.get(entry__code="peps_completed_pct")
    assert (peps.year, peps.value, peps.numerator, peps.source) == (2025, 84.5, 169, "upload")
    assert IndicatorValue.objects.get(entry__code="progress8_average").value == -1.31


def test_the_downloaded_xlsx_template_round_trips(analyst: Client) -> None:
    response = analyst.get(reverse("indicators:template", args=["xlsx"]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["Values"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "kooth_cla":
            row[5].value = 14
    out = io.BytesIO()
    workbook.save(out)
    page = _upload(analyst, "template.xlsx", out.getvalue())
    assert "3 value(s) recorded" in page
    assert set(IndicatorValue.objects.values_list("value", flat=True)) == {14.0}


def test_one_bad_row_records_nothing_and_names_row_and_column(analyst: Client) -> None:
    content = (
        HEADING
        + "peps_completed_pct,2024-25,84.5,,,\n"
        + "peps_completed_pct,2023-24,140,,,\n"
        + "nonsense_code,2024-25,3,,,\n"
        + "progress8_average,2024-25,-1,,,\n"
        + "kooth_cla,2024-25,many,,,\n"
        + "foster_placement_pct,2024-25,70,,,\n"
        + 'kooth_cla,2023-24,3,,,=HYPERLINK("http://x")\n'
        + "peps_completed_pct,2024-25,80,,,\n"
    ).encode()
    page = _upload(analyst, "values.csv", content)
    assert "Nothing was recorded: 7 problems in the file" in page
    assert "Row 3, column value: Enter a percentage from 0 to 100" in page
    assert "Row 4, column code: Unknown indicator code &#x27;nonsense_code&#x27;" in page
    assert "Row 5, column period: Enter the period as an academic year, like 2024/25" in page
    assert "Row 6, column value: Enter a number, like 71 or 70.5" in page
    assert "Row 7, column code: foster_placement_pct is computed from the 903 return" in page
    assert "Row 8, column note: looks like a formula" in page
    assert "Row 9, column period: repeats row 2 (same code and period)" in page
    assert not IndicatorValue.objects.exists()


def test_formula_cells_in_xlsx_are_refused_not_run(analyst: Client) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["code", "period", "value"])
    sheet.append(["peps_completed_pct", "2024-25", "=40+40"])
    out = io.BytesIO()
    workbook.save(out)
    page = _upload(analyst, "values.xlsx", out.getvalue())
    assert "Row 2, column value: looks like a formula" in page
    assert not IndicatorValue.objects.exists()


def test_utf16_text_from_excel_is_read(analyst: Client) -> None:
    content = (HEADING.replace(",", "\t") + "peps_completed_pct\t2024-25\t84\t\t\t\n").encode(
        "utf-16"
    )
    assert "1 value(s) recorded" in _upload(analyst, "values.txt", content)


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (30 * 1024 * 1024))
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "The file is empty"),
        ("blank.csv", b"   \n\n", "The file is empty"),
        ("binary.csv", bytes(range(256)) * 4, "The file is not text"),
        ("wrong.csv", b"name,age\nx,1\n", "missing the column(s) code, period, value"),
        ("extra.csv", b"code,period,value,secret\n", "unknown column(s) &#x27;secret&#x27;"),
        ("twice.csv", b"code,period,value,value\n", "the column value appears twice"),
        ("huge.csv", b"a" * (MAX_BYTES + 1), "larger than 2 MB"),
        ("fake.xlsx", b"just text", "not an Excel workbook"),
        ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 100, "not a readable .xlsx workbook"),
        ("bomb.xlsx", _zip_bomb(), "too large once unpacked"),
        ("quote.csv", b'code,period,value\n"peps_completed_pct,2024-25,5\n', "cannot be read"),
        ("nothing.csv", HEADING.encode() + b"peps_completed_pct,2024-25,,,,\n", "No values"),
    ],
)
def test_hostile_files_get_a_message_not_an_error(
    analyst: Client, name: str, content: bytes, message: str
) -> None:
    page = _upload(analyst, name, content)
    assert message in page
    assert not IndicatorValue.objects.exists()


def test_too_many_rows_are_refused(analyst: Client) -> None:
    content = HEADING + "kooth_cla,2024-25,,,,\n" * 2_100
    assert "more than 2,000 rows" in _upload(analyst, "long.csv", content.encode())


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.one_of(
        st.binary(max_size=400),
        st.text(
            alphabet=st.sampled_from(list('code,period,value\n"=+-@ 12.5%\t/x\x00é')), max_size=300
        ).map(lambda text: ("code,period,value\n" + text).encode("utf-8")),
    ),
    name=st.sampled_from(["values.csv", "values.xlsx", "values.txt"]),
)
def test_any_file_is_refused_with_a_message_or_checked_row_by_row(
    peps: CatalogueEntry, content: bytes, name: str
) -> None:
    refusal = ""
    try:
        checked = check_rows(read_table(name, content))
    except UploadRefused as refused:
        refusal = str(refused)
        assert refusal  # any other exception fails the test
        return
    for row_problem in checked.problems:
        assert str(row_problem).startswith(f"Row {row_problem.row}, column ")


def test_template_text_that_looks_like_a_formula_is_neutralised(peps: CatalogueEntry) -> None:
    # security.md: no formula injection in CSV/XLSX exports.
    peps.strategy_wording = '=HYPERLINK("http://example.invalid")'
    peps.save()
    text = template_csv(dt.date(2026, 11, 23)).decode("utf-8-sig")
    assert ',"\'=HYPERLINK(""http://example.invalid"")",' in text
    workbook = load_workbook(io.BytesIO(template_xlsx(dt.date(2026, 11, 23))))
    assert workbook["Values"]["B2"].value == '\'=HYPERLINK("http://example.invalid")'
