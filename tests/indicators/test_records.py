"""Values, targets and overrides: a new row supersedes the current one, history and audit kept."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db import IntegrityError, transaction
from django.test import RequestFactory

from careboard.accounts.models import Role, User
from careboard.core.audit_context import acting_as
from careboard.core.models import AuditEvent
from careboard.indicators.models import (
    CatalogueEntry,
    IndicatorValue,
    Judgement,
    StatusOverride,
    Target,
    ValueSource,
)
from careboard.indicators.records import (
    NewValue,
    OverrideRefused,
    clear_override,
    enter_value,
    override_status,
    set_target,
)
from tests.indicators.conftest import make_user

MANUAL = ValueSource.MANUAL


def test_a_new_value_supersedes_the_current_one_and_keeps_it(peps: CatalogueEntry) -> None:
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    first = enter_value(peps, 2025, NewValue(82.0, 41, 50), source=MANUAL, by=analyst)
    second = enter_value(peps, 2025, NewValue(84.0, 42, 50), source=MANUAL, by=analyst)

    assert first is not None
    assert second is not None
    first.refresh_from_db()
    assert (first.is_current, first.value) == (False, 82.0)
    assert first.superseded_at is not None
    assert second.is_current
    assert second.period_label == "2024-25"
    assert str(second.period_end) == "2025-03-31"
    assert second.recorded_by == analyst
    assert second.recorded_by_label == "Pat Lee (performance_analyst)"
    assert IndicatorValue.objects.filter(entry=peps, year=2025).count() == 2


def test_the_same_figures_again_record_nothing(peps: CatalogueEntry) -> None:
    enter_value(peps, 2025, NewValue(82.0, 41, 50), source=MANUAL, by="test")
    again = enter_value(peps, 2025, NewValue(82.0, 41, 50), source=MANUAL, by="test")
    assert again is None
    assert IndicatorValue.objects.filter(entry=peps).count() == 1


def test_only_one_current_value_per_period_in_the_database(peps: CatalogueEntry) -> None:
    enter_value(peps, 2025, NewValue(82.0), source=MANUAL, by="test")
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorValue.objects.create(
            entry=peps,
            year=2025,
            period_label="2024-25",
            period_end="2025-03-31",
            value=90.0,
            source=MANUAL,
            recorded_by_label="sneaky",
        )


def test_every_value_is_audited_with_its_source_and_who(peps: CatalogueEntry) -> None:
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    with acting_as(analyst):
        row = enter_value(peps, 2025, NewValue(82.0), source=MANUAL, by=analyst)
    assert row is not None
    event = AuditEvent.objects.get(model="indicators.IndicatorValue", object_pk=str(row.pk))
    assert event.actor == analyst
    assert event.after is not None
    assert event.after["source"] == "manual"
    assert event.after["value"] == 82.0


def test_academic_year_periods_end_in_august(progress8: CatalogueEntry) -> None:
    row = enter_value(progress8, 2025, NewValue(-1.31), source=MANUAL, by="test")
    assert row is not None
    assert (row.period_label, str(row.period_end)) == ("2024/25", "2025-08-31")


def test_targets_keep_their_history(peps: CatalogueEntry) -> None:
    set_target(peps, 2025, 80, 5, reason="Board, March 2024", by="test")
    set_target(peps, 2025, 85, 5, reason="Raised after the Ofsted visit", by="test")
    assert set_target(peps, 2025, 85, 5, reason="Raised after the Ofsted visit", by="test") is None
    history = list(Target.objects.filter(entry=peps).order_by("recorded_at"))
    assert [(t.value, t.is_current) for t in history] == [(80, False), (85, True)]
    with pytest.raises(ValueError, match="tolerance"):
        set_target(peps, 2025, 85, -1, reason="", by="test")


def test_an_override_needs_a_reason(peps: CatalogueEntry) -> None:
    enter_value(peps, 2025, NewValue(70.0), source=MANUAL, by="test")
    with pytest.raises(OverrideRefused, match="reason"):
        override_status(peps, 2025, "green", reason="   ", by="test")
    assert not StatusOverride.objects.exists()


def test_a_contextual_indicator_cannot_be_overridden(kooth: CatalogueEntry) -> None:
    enter_value(kooth, 2025, NewValue(12.0), source=MANUAL, by="test")
    with pytest.raises(OverrideRefused, match="contextual"):
        override_status(kooth, 2025, "red", reason="Looks low", by="test")


def test_a_cleared_override_stays_in_the_history(peps: CatalogueEntry) -> None:
    set_target(peps, 2025, 80, 5, reason="", by="test")
    enter_value(peps, 2025, NewValue(70.0), source=MANUAL, by="test")
    override_status(
        peps, 2025, "amber", reason="Audit found 6 late PEPs were recorded late", by="t"
    )
    judgement = peps.judgements.get(year=2025)
    assert (judgement.status, judgement.calculated_status) == ("amber", "red")
    assert judgement.sentence.startswith("Amber (set by hand: Audit found 6 late PEPs")

    assert clear_override(peps, 2025)
    judgement.refresh_from_db()
    assert (judgement.status, judgement.override_reason) == ("red", "")
    assert StatusOverride.objects.get(entry=peps).is_current is False


def test_the_admin_only_shows_values_targets_and_judgements(db: None) -> None:
    request = RequestFactory().get("/admin/")
    request.user = User.objects.create_superuser("root", role=Role.ADMINISTRATOR)
    for model in (IndicatorValue, Target, StatusOverride, Judgement):
        model_admin = admin.site._registry[model]
        assert not model_admin.has_add_permission(request)
        assert not model_admin.has_change_permission(request)
        assert not model_admin.has_delete_permission(request)
