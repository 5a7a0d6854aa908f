"""The upload form's own refusals: no file, a type careboard does not read, too big. These
never create an ImportRun, and nothing is left in the upload folder."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.test import Client, RequestFactory
from django.urls import reverse

from careboard.ingest.forms import latest_year, year_choices
from careboard.ingest.models import ImportRun
from careboard.ingest.uploads import safe_name, upload_handlers
from tests.ingest.conftest import upload


def _files_in(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_the_page_offers_the_years_by_when_they_end(analyst_client: Client) -> None:
    html = analyst_client.get(reverse("ingest:upload")).content.decode()

    assert "2024-25 (ending March 2025)" in html
    assert "2016-17 (ending March 2017)" in html
    assert year_choices()[0] == (2026, "2025-26 (ending March 2026)")
    assert len(year_choices()) == 10


def test_the_year_offered_first_is_the_latest_that_has_ended() -> None:
    assert latest_year(datetime.date(2025, 3, 31)) == 2024
    assert latest_year(datetime.date(2025, 4, 1)) == 2025
    assert latest_year(datetime.date(2031, 6, 1)) == 2026


def test_no_file_is_a_form_error(analyst_client: Client, settings: Any) -> None:
    page = analyst_client.post(reverse("ingest:upload"), {"year": "2025"})

    assert page.status_code == 200
    assert "Choose the return&#x27;s files" in page.content.decode()
    assert ImportRun.objects.count() == 0


def test_a_file_of_another_type_is_a_form_error(
    analyst_client: Client, tmp_path: Path, settings: Any
) -> None:
    spreadsheet = tmp_path / "episodes.xlsx"
    spreadsheet.write_bytes(b"PK\x03\x04 not really a workbook")

    page = upload(analyst_client, [spreadsheet])

    assert "reads .csv, .xml and .zip files only; not episodes.xlsx" in page.content.decode()
    assert ImportRun.objects.count() == 0
    assert _files_in(Path(settings.CAREBOARD_IMPORT_DIR)) == []


def test_an_upload_over_the_cap_is_a_form_error(
    analyst_client: Client, tmp_path: Path, settings: Any
) -> None:
    settings.CAREBOARD_IMPORT_MAX_BYTES = 64 * 1024
    big = tmp_path / "episodes.csv"
    big.write_bytes(b"CHILD,DECOM\r\n" + b"C0000001,01/04/2024\r\n" * 10_000)  # 210 kB

    page = upload(analyst_client, [big])

    assert page.status_code == 200
    assert "The upload is larger than 64.0\xa0KB" in page.content.decode()
    assert ImportRun.objects.count() == 0
    assert _files_in(Path(settings.CAREBOARD_IMPORT_DIR)) == []


def test_the_year_must_be_one_offered(analyst_client: Client, tmp_path: Path) -> None:
    header = tmp_path / "header.csv"
    header.write_text("CHILD,SEX\r\n")

    page = upload(analyst_client, [header], year=2030)

    assert "Select a valid choice" in page.content.decode()
    assert ImportRun.objects.count() == 0


def test_uploads_go_to_disk_never_into_memory() -> None:
    handlers = upload_handlers(RequestFactory().post("/"))

    assert not any(isinstance(h, MemoryFileUploadHandler) for h in handlers)


def test_file_names_are_kept_only_as_safe_base_names() -> None:
    assert safe_name("../../etc/passwd.csv") == "passwd.csv"
    assert safe_name("C:\\returns\\Episodes 2025.csv") == "Episodes_2025.csv"
    assert safe_name(".hidden.csv") == "hidden.csv"
    assert safe_name("") == "upload"


def test_each_upload_gets_its_own_private_folder(
    analyst_client: Client, tmp_path: Path, settings: Any
) -> None:
    header = tmp_path / "header.csv"
    header.write_text("CHILD,SEX\r\n")

    upload(analyst_client, [header])
    upload(analyst_client, [header])

    folders = {run.folder for run in ImportRun.objects.all()}
    assert len(folders) == 2
    for folder in folders:
        path = Path(settings.CAREBOARD_IMPORT_DIR) / folder
        assert (path / "header.csv").read_bytes() == b"CHILD,SEX\r\n"
        assert path.stat().st_mode & 0o777 == 0o700
        assert (path / "header.csv").stat().st_mode & 0o777 == 0o600


def test_an_upload_without_the_csrf_token_is_refused(analyst: Any, tmp_path: Path) -> None:
    """The view swaps the upload handlers before CSRF is checked, then checks it itself."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)
    header = tmp_path / "header.csv"
    header.write_text("CHILD,SEX\r\n")

    with header.open("rb") as handle:
        response = client.post(reverse("ingest:upload"), {"year": "2025", "uploads": handle})

    assert response.status_code == 403
    assert ImportRun.objects.count() == 0


def test_an_upload_with_the_csrf_token_is_accepted(analyst: Any, tmp_path: Path) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)
    client.get(reverse("ingest:upload"))
    header = tmp_path / "header.csv"
    header.write_text("CHILD,SEX\r\n")

    with header.open("rb") as handle:
        response = client.post(
            reverse("ingest:upload"),
            {
                "year": "2025",
                "uploads": handle,
                "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
            },
        )

    assert response.status_code == 302
    assert ImportRun.objects.count() == 1
