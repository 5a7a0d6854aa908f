"""A small 2022-25 plan with a 903 indicator, a manual percentage, a manual score and a
contextual count, and signed-in clients by role."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client

from careboard.accounts.models import Role, User
from careboard.analytics.commands.import_ import DEV_KEY
from careboard.analytics.ssda903.minimise import minimise
from careboard.analytics.ssda903.reader import read_return
from careboard.analytics.ssda903.store import Store
from careboard.analytics.ssda903.synth.generate import SynthRequest, generate
from careboard.indicators.models import CatalogueEntry
from careboard.strategy.models import Plan, Priority


@pytest.fixture
def plan(plan: Plan) -> Plan:
    Priority.objects.create(plan=plan, number=1, slug="health", title="Health")
    return plan


def _entry(plan: Plan, order: int, code: str, **fields: str) -> CatalogueEntry:
    defaults = {
        "strategy_wording": code.replace("_", " "),
        "source": "manual",
        "unit": "%",
        "polarity": "higher",
        "period": "As reported locally",
    }
    defaults.update(fields)
    return CatalogueEntry.objects.create(
        plan=plan, priority=None, order=order, code=code, **defaults
    )


@pytest.fixture
def foster(plan: Plan) -> CatalogueEntry:
    """903: % of children looked after at 31 March placed with foster carers (higher better)."""
    return _entry(plan, 1, "foster_placement_pct", source="ssda903", period="At 31 March")


@pytest.fixture
def peps(plan: Plan) -> CatalogueEntry:
    """Manual percentage, higher is better, period written 2024-25."""
    return _entry(plan, 2, "peps_completed_pct")


@pytest.fixture
def progress8(plan: Plan) -> CatalogueEntry:
    """Manual score that may be negative, academic year written 2024/25."""
    return _entry(plan, 3, "progress8_average", unit="score", period="Academic year")


@pytest.fixture
def kooth(plan: Plan) -> CatalogueEntry:
    """Manual contextual count."""
    return _entry(plan, 4, "kooth_cla", unit="count", polarity="contextual")


def make_user(role: Role, username: str | None = None) -> User:
    user = User(username=username or role.value, role=role, first_name="Pat", last_name="Lee")
    user.set_unusable_password()
    user.save()
    return user


@pytest.fixture
def client_as(db: None) -> Callable[[Role], Client]:
    def signed_in(role: Role) -> Client:
        client = Client()
        client.force_login(make_user(role))
        return client

    return signed_in


@pytest.fixture(scope="session")
def synthetic_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An analytics store of two years (2024-25 and 2025-26) of about 150 invented children,
    imported as `careboard import` does (read, minimise with the demo key, load)."""
    folder = tmp_path_factory.mktemp("synth")
    manifest = generate(
        SynthRequest(children=150, first_year=2025, last_year=2026, seed=3, out=folder)
    )
    path = folder / "store.duckdb"
    for year in (2025, 2026):
        raw = read_return(folder / str(year), year)
        tables = minimise(
            raw, key=DEV_KEY, postcodes=str(folder / "postcodes.csv"), la=str(manifest["home_la"])
        )
        Store(path).load(year, tables)
    return path
