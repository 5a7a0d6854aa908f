"""Reading the audit trail: the before → after rows and the filters (careboard.core.audit_trail)."""

from __future__ import annotations

import datetime

import pytest

from careboard.core.audit_context import acting_as
from careboard.core.audit_trail import (
    AuditFilterForm,
    FieldChange,
    field_changes,
    filtered_events,
    record_type,
)
from careboard.core.models import AuditEvent
from careboard.strategy.models import Plan, Principle

pytestmark = pytest.mark.django_db


def event(action: str, before: dict | None, after: dict | None) -> AuditEvent:
    return AuditEvent(action=action, model="strategy.Action", before=before, after=after)


def test_an_update_shows_only_the_fields_that_changed() -> None:
    changed = event(
        "update",
        before={"reference": "2.3", "timescale": "March 2015", "due_on": None},
        after={"reference": "2.3", "timescale": "March 2016", "due_on": "2016-03-31"},
    )
    assert field_changes(changed) == [
        FieldChange("timescale", "March 2015", "March 2016", label="Timescale"),
        FieldChange("due_on", "(empty)", "2016-03-31", label="Due on"),
    ]


def test_a_creation_shows_every_field_with_nothing_before() -> None:
    created = event("create", before=None, after={"reference": "R4", "is_open": True})
    assert field_changes(created) == [
        FieldChange("reference", "", "R4", label="Reference"),
        # A field the model no longer has keeps its stored name.
        FieldChange("is_open", "", "Yes", label="is_open"),
    ]


def test_a_deletion_shows_every_field_with_nothing_after() -> None:
    deleted = event("delete", before={"reference": "R4", "owner_id": 7}, after=None)
    assert field_changes(deleted) == [
        FieldChange("reference", "R4", "", label="Reference"),
        FieldChange("owner_id", "7", "", label="Owner"),
    ]


def test_record_types_read_as_words() -> None:
    assert record_type("strategy.ProgressUpdate") == "Progress update"
    assert record_type("gone.OldModel") == "gone.OldModel"


def plan(slug: str) -> Plan:
    return Plan.objects.create(
        title=f"Plan {slug}",
        short_title=slug,
        slug=slug,
        starts_on=datetime.date(2014, 4, 1),
        ends_on=datetime.date(2016, 3, 31),
    )


@pytest.fixture
def three_events() -> list[AuditEvent]:
    """Two plans created by a command on 1 and 3 March 2016, and a principle by someone else."""
    with acting_as("load_demo"):
        first = plan("first")
        plan("second")
    with acting_as("import_plans"):
        Principle.objects.create(plan=first, order=1, text="Listen to young people")
    events = list(AuditEvent.objects.order_by("id"))
    for day, audit_event in zip((1, 3, 3), events, strict=True):
        AuditEvent.objects.filter(pk=audit_event.pk).update(
            at=datetime.datetime(2016, 3, day, 10, tzinfo=datetime.UTC)
        )
    return events


def filtered(**filters: str) -> list[int]:
    return [e.pk for e in filtered_events(AuditFilterForm(filters))]


def test_without_filters_every_event_is_listed_newest_first(three_events: list[AuditEvent]) -> None:
    assert filtered() == [e.pk for e in reversed(three_events)]


def test_filter_by_record_type(three_events: list[AuditEvent]) -> None:
    assert filtered(model="strategy.Principle") == [three_events[2].pk]


def test_filter_by_who_made_the_change(three_events: list[AuditEvent]) -> None:
    assert filtered(actor="load_demo") == [three_events[1].pk, three_events[0].pk]


def test_filter_by_dates_includes_both_end_days(three_events: list[AuditEvent]) -> None:
    assert filtered(changed_from="2016-03-03", changed_to="2016-03-03") == [
        three_events[2].pk,
        three_events[1].pk,
    ]
    assert filtered(changed_to="2016-03-02") == [three_events[0].pk]


def test_an_end_date_before_the_start_date_is_an_error(three_events: list[AuditEvent]) -> None:
    form = AuditFilterForm({"changed_from": "2016-03-03", "changed_to": "2016-03-01"})
    assert not form.is_valid()
    assert form.errors["changed_to"] == ["The end date must be the same as or after the start"]
