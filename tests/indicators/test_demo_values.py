"""`manage.py load_demo_indicators`: computed values, illustrative targets and manual figures
for the demo strategy, loaded once however often it runs."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from careboard.core.models import AuditEvent
from careboard.demo.data.strategy_2022_25 import SLUG
from careboard.demo.indicator_data import ILLUSTRATIVE, MANUAL_VALUES, TARGETS
from careboard.demo.loader import load_demo
from careboard.indicators.models import IndicatorValue, Judgement, Target


@pytest.fixture
def demo_store(synthetic_store: Path, tmp_path: Path, settings: Any) -> Path:
    """A copy of the small synthetic store as the installation's analytics store."""
    path = tmp_path / "analytics.duckdb"
    shutil.copy(synthetic_store, path)
    settings.CAREBOARD_ANALYTICS_STORE = path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return path


def _load() -> str:
    out = io.StringIO()
    call_command("load_demo_indicators", stdout=out)
    return out.getvalue()


def test_demo_values_load_once(db: None, demo_store: Path) -> None:
    load_demo()
    first = _load()
    assert "IndicatorValue:" in first
    computed = IndicatorValue.objects.filter(source="computed", entry__plan__slug=SLUG)
    assert set(computed.values_list("year", flat=True)) == {2025, 2026}
    manual = IndicatorValue.objects.filter(source="manual")
    assert manual.count() == len(MANUAL_VALUES)
    assert {value.note for value in manual} == {ILLUSTRATIVE}
    # Targets for each listed KPI and each stored year.
    assert Target.objects.filter(entry__plan__slug=SLUG).count() == 2 * len(TARGETS)
    # PEPs 2025-26: 88% against 95% (tolerance 5) is Red; 2024-25: 93.5% is Amber.
    peps = {j.year: j.status for j in Judgement.objects.filter(entry__code="peps_completed_pct")}
    assert (peps[2026], peps[2025]) == ("red", "amber")
    assert set(AuditEvent.objects.values_list("actor_label", flat=True)) == {"load_demo"}

    events = AuditEvent.objects.count()
    assert "nothing changed" in _load()
    assert AuditEvent.objects.count() == events
