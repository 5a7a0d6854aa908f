"""Imports through the test client, on small synthetic returns (careboard synth), with the
analytics store and the upload folder of each test in its own tmp_path."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from careboard.accounts.models import Role, User
from careboard.analytics.ssda903.synth.generate import SynthRequest, generate
from careboard.ingest.models import ImportRun

YEAR = 2025  # 2024-25
CHILDREN = 300
DEFECTS = ("bad_code", "overlapping_episodes", "episode_without_header")


@pytest.fixture(autouse=True)
def private_folders(settings: Any, tmp_path: Path) -> Path:
    settings.CAREBOARD_ANALYTICS_STORE = tmp_path / "store" / "analytics.duckdb"
    settings.CAREBOARD_IMPORT_DIR = tmp_path / "imports"
    settings.CAREBOARD_IMPORTS_INLINE = True
    settings.CAREBOARD_PSEUDONYM_KEY = "test-only-pseudonym-key-0123456789"
    return tmp_path


@pytest.fixture(scope="session")
def clean_return(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 invented children over 2023-24 and 2024-25, as CSV tables and as DfE XML; the
    2024-25 folder."""
    out = tmp_path_factory.mktemp("synth-clean")
    generate(
        SynthRequest(
            children=CHILDREN, first_year=YEAR - 1, last_year=YEAR, seed=7, out=out, format="both"
        )
    )
    return out / str(YEAR)


@pytest.fixture(scope="session")
def defective_return(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    """The same kind of return with three defects injected; the folder and the manifest's list."""
    out = tmp_path_factory.mktemp("synth-defects")
    generate(
        SynthRequest(
            children=CHILDREN,
            first_year=YEAR - 1,
            last_year=YEAR,
            seed=7,
            out=out,
            defects=DEFECTS,
        )
    )
    manifest = json.loads((out / "MANIFEST.json").read_text())
    return out / str(YEAR), manifest["defects"]


def user(role: Role) -> User:
    number = User.objects.filter(role=role).count() + 1
    return User.objects.create_user(f"{role.value}-{number}", role=role, first_name=role.label)


@pytest.fixture
def analyst(db: None) -> User:
    return user(Role.PERFORMANCE_ANALYST)


@pytest.fixture
def analyst_client(analyst: User) -> Client:
    client = Client()
    client.force_login(analyst)
    return client


def upload(client: Client, paths: Sequence[Path], year: int = YEAR) -> Any:
    """POST the files to the upload page, as a browser would; follow to the run page."""
    handles = [path.open("rb") for path in paths]
    try:
        return client.post(
            reverse("ingest:upload"), {"year": str(year), "uploads": handles}, follow=True
        )
    finally:
        for handle in handles:
            handle.close()


def csv_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.csv"))


def latest_run() -> ImportRun:
    run = ImportRun.objects.order_by("-id").first()
    assert run is not None, "no import was created"
    return run
