"""Reading the audit trail: filtering events and showing each change as before → after rows.

The audit page is a thin view over this module; nothing here writes to the trail.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from typing import Any

from django import forms
from django.apps import apps
from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.text import capfirst

from careboard.core.models import AuditEvent

EMPTY = "(empty)"


@dataclass(frozen=True)
class FieldChange:
    """One field of an audited record, as it was before the event and after it."""

    field: str
    before: str
    after: str
    label: str = ""

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _shown(value: Any) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    return str(value)


def _model(label: str) -> type[Model] | None:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):  # a model that has since been removed
        return None


def record_type(label: str) -> str:
    """A model label as people read it: "strategy.ProgressUpdate" -> "Progress update"."""
    model = _model(label)
    return capfirst(str(model._meta.verbose_name)) if model is not None else label


def _field_labels(label: str) -> dict[str, str]:
    model = _model(label)
    if model is None:
        return {}
    return {
        field.attname: capfirst(str(field.verbose_name)) for field in model._meta.concrete_fields
    }


def field_changes(event: AuditEvent) -> list[FieldChange]:
    """The rows of an event's diff table.

    A creation lists every field it was created with, a deletion every field it had, and an
    update only the fields whose value changed.
    """
    before = event.before or {}
    after = event.after or {}
    names = list(before) + [name for name in after if name not in before]
    labels = _field_labels(event.model)
    changes = [
        FieldChange(
            field=name,
            before=_shown(before.get(name)) if event.before is not None else "",
            after=_shown(after.get(name)) if event.after is not None else "",
            label=labels.get(name, name),
        )
        for name in names
    ]
    if event.action == AuditEvent.Action.UPDATE:
        return [change for change in changes if change.changed]
    return changes


def _choices(field: str, everything: str) -> list[tuple[str, str]]:
    values = AuditEvent.objects.order_by(field).values_list(field, flat=True).distinct()
    named = [(value, record_type(value) if field == "model" else value) for value in values]
    return [("", everything), *sorted(named, key=lambda choice: choice[1])]


class AuditFilterForm(forms.Form):
    """The filters above the audit trail: what kind of record, who acted, and when."""

    model = forms.ChoiceField(label="Record type", required=False)
    actor = forms.ChoiceField(label="Changed by", required=False)
    changed_from = forms.DateField(label="Changed on or after", required=False)
    changed_to = forms.DateField(label="Changed on or before", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_field = self.fields["model"]
        actor_field = self.fields["actor"]
        assert isinstance(model_field, forms.ChoiceField)
        assert isinstance(actor_field, forms.ChoiceField)
        model_field.choices = _choices("model", "All record types")
        actor_field.choices = _choices("actor_label", "Anyone")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("changed_from"), cleaned.get("changed_to")
        if start and end and start > end:
            self.add_error("changed_to", "The end date must be the same as or after the start")
        return cleaned


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def filtered_events(form: AuditFilterForm) -> QuerySet[AuditEvent]:
    """Events matching the valid filters of `form`, newest first."""
    events = AuditEvent.objects.select_related("actor").order_by("-id")
    if not form.is_valid():
        return events
    data = form.cleaned_data
    if data.get("model"):
        events = events.filter(model=data["model"])
    if data.get("actor"):
        events = events.filter(actor_label=data["actor"])
    if data.get("changed_from"):
        events = events.filter(at__gte=_start_of(data["changed_from"]))
    if data.get("changed_to"):
        events = events.filter(at__lt=_start_of(data["changed_to"] + datetime.timedelta(days=1)))
    return events
