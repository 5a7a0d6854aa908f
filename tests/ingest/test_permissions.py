"""Who may do what (careboard/accounts/permissions.py): analysts and administrators import;
auditors read the history and reports; everyone else, board members included, gets 403."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from careboard.accounts.models import Role
from careboard.ingest.models import ImportRun, Status
from tests.ingest.conftest import latest_run, upload, user

READERS = {Role.ADMINISTRATOR, Role.PERFORMANCE_ANALYST, Role.AUDITOR}
IMPORTERS = {Role.ADMINISTRATOR, Role.PERFORMANCE_ANALYST}


@pytest.fixture
def refused_run(analyst_client: Client, tmp_path: Path) -> ImportRun:
    header = tmp_path / "header.csv"
    header.write_text("CHILD,SEX\r\n")
    upload(analyst_client, [header])
    return latest_run()


def _client(role: Role) -> Client:
    client = Client()
    client.force_login(user(role))
    return client


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_reading_pages_answer_by_role(role: Role, refused_run: ImportRun) -> None:
    client = _client(role)
    expected = 200 if role in READERS else 403
    for url in (
        reverse("ingest:history"),
        reverse("ingest:run", args=[refused_run.pk]),
        reverse("ingest:findings_csv", args=[refused_run.pk]),
    ):
        assert client.get(url).status_code == expected, url


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_importing_answers_by_role(role: Role, refused_run: ImportRun) -> None:
    client = _client(role)
    allowed = role in IMPORTERS
    assert client.get(reverse("ingest:upload")).status_code == (200 if allowed else 403)
    cancel = client.post(reverse("ingest:cancel", args=[refused_run.pk]))
    refused_run.refresh_from_db()
    if allowed:
        assert cancel.status_code == 302
        assert refused_run.status == Status.CANCELLED
    else:
        assert cancel.status_code == 403
        assert refused_run.status == Status.REFUSED


def test_a_board_member_cannot_upload(db: None, tmp_path: Path) -> None:
    header = tmp_path / "header.csv"
    header.write_text("CHILD,SEX\r\n")

    page = upload(_client(Role.BOARD_MEMBER), [header])

    assert page.status_code == 403
    assert ImportRun.objects.count() == 0


def test_an_auditor_reads_the_report_but_sees_no_buttons(refused_run: ImportRun) -> None:
    html = _client(Role.AUDITOR).get(reverse("ingest:run", args=[refused_run.pk])).content
    assert b"Validation report" in html
    assert b'id="cancel"' not in html


def test_anonymous_people_are_sent_to_sign_in(refused_run: ImportRun) -> None:
    for url in (reverse("ingest:history"), reverse("ingest:run", args=[refused_run.pk])):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_imports_appear_in_the_navigation_for_those_who_may_read_them(
    refused_run: ImportRun,
) -> None:
    link = f'href="{reverse("ingest:history")}"'.encode()
    assert link in _client(Role.AUDITOR).get(reverse("strategy:home")).content
    assert link not in _client(Role.BOARD_MEMBER).get(reverse("strategy:home")).content
