"""Forms of the strategy pages: tracker filters, progress updates, carry-forward.

Validation is server-side only (the templates use `novalidate`); messages follow the GOV.UK
Design System's wording ("Enter...", "Select...").
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from careboard.strategy.models import Action, Plan, Priority
from careboard.strategy.rag import STATUS_CHOICES, Rag
from careboard.strategy.services import SORTABLE

NOT_RATED = "not_rated"


class PriorityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.plan.short_title}: {obj.plan.section_label} {obj.number}, {obj.title}"


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


# The orders offered in the filter form (the column headings offer the rest on wide screens).
SORT_CHOICES = [
    ("", "Plan, section and reference"),
    ("status", "Status, worst first"),
    ("due", "Due date, soonest first"),
    ("-updated", "Last update, newest first"),
    ("updated", "Last update, oldest first"),
    ("owner", "Owner"),
    ("reference", "Reference"),
]


class TrackerFilterForm(forms.Form):
    """The tracker's filters, read from the query string so every view is a link."""

    plan = forms.ModelChoiceField(
        queryset=Plan.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All plans",
        error_messages={"invalid_choice": "Select a plan from the list"},
    )
    priority = PriorityChoiceField(
        queryset=Priority.objects.select_related("plan").order_by("-plan__starts_on", "number"),
        required=False,
        empty_label="All priorities and objectives",
        label="Priority or objective",
        error_messages={"invalid_choice": "Select a priority or objective from the list"},
    )
    owner = OwnerChoiceField(
        queryset=get_user_model()
        .objects.filter(owned_actions__isnull=False)
        .distinct()
        .order_by("first_name", "last_name", "username"),
        required=False,
        empty_label="Anyone",
        error_messages={"invalid_choice": "Select an owner from the list"},
    )
    status = forms.ChoiceField(
        choices=[("", "Any status"), *STATUS_CHOICES],
        required=False,
        error_messages={"invalid_choice": "Select a status from the list"},
    )
    kind = forms.ChoiceField(
        choices=[("", "Actions and recommendations"), *Action.Kind.choices],
        required=False,
        label="Type",
        error_messages={"invalid_choice": "Select a type from the list"},
    )
    overdue = forms.BooleanField(required=False, label="Only overdue items")
    sort = forms.CharField(required=False, label="Sort by")

    def clean_sort(self) -> str:
        sort: str = self.cleaned_data["sort"]
        if sort and sort.removeprefix("-") not in SORTABLE:
            raise forms.ValidationError("Select an order from the list")
        return sort

    @property
    def sort_choices(self) -> list[tuple[str, str]]:
        """The orders to offer, plus the one a column heading chose if it is not among them."""
        current = self["sort"].value() or ""
        if current in dict(SORT_CHOICES) or current.removeprefix("-") not in SORTABLE:
            return SORT_CHOICES
        return [*SORT_CHOICES, (current, "As chosen by the column heading")]

    def filters(self) -> dict[str, Any]:
        """The valid filters; an invalid one is ignored (and reported by the form)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {k: v for k, v in getattr(self, "cleaned_data", {}).items() if k != "sort"}

    def sort_order(self) -> str:
        """The valid sort order, or "" for the default."""
        if not self.is_bound:
            return ""
        self.is_valid()
        return str(getattr(self, "cleaned_data", {}).get("sort", ""))


class ProgressUpdateForm(forms.Form):
    """A new progress update on an action, carrying the version the person started from."""

    reported_on_day = forms.CharField(required=False, label="Day")
    reported_on_month = forms.CharField(required=False, label="Month")
    reported_on_year = forms.CharField(required=False, label="Year")
    narrative = forms.CharField(
        label="What has happened since the last update?",
        help_text="Two or three sentences: what was done, what changed for young people, "
        "what comes next.",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Enter what has happened since the last update",
            "max_length": "Progress must be 5,000 characters or fewer",
        },
    )
    rag = forms.ChoiceField(
        label="Status",
        choices=[*Rag.choices, (NOT_RATED, "Not rated")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select a status, or Not rated"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    date_fields = ("reported_on_day", "reported_on_month", "reported_on_year")

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        parts = [(data.get(name) or "").strip() for name in self.date_fields]
        if not all(parts):
            self.add_error(
                "reported_on_day", "Enter the date of the update, with a day, month and year"
            )
        else:
            try:
                day, month, year = (int(part) for part in parts)
                data["reported_on"] = datetime.date(year, month, day)
            except ValueError:
                self.add_error("reported_on_day", "The date of the update must be a real date")
            else:
                if data["reported_on"] > timezone.localdate():
                    self.add_error(
                        "reported_on_day", "The date of the update must be today or in the past"
                    )
                elif year < 2000:
                    self.add_error("reported_on_day", "Enter a year from 2000 onwards")
        if "version" in self.errors:
            self.errors.pop("version")
            self.add_error(None, "This form is out of date. Open the action again.")
        return data

    @property
    def rag_value(self) -> str | None:
        rag = self.cleaned_data["rag"]
        return None if rag == NOT_RATED else rag

    @classmethod
    def initial_for(cls, version: int, on: datetime.date) -> dict[str, Any]:
        return {
            "reported_on_day": on.day,
            "reported_on_month": on.month,
            "reported_on_year": on.year,
            "version": version,
        }

    def with_version(self, version: int) -> ProgressUpdateForm:
        """The same answers, now against `version` (after a conflict, to try again)."""
        data = {key: self.data.get(key) for key in self.data}
        data["version"] = str(version)
        return type(self)(data)


class CarryForwardForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=Plan.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Which plan should the Amber items be carried into?",
        error_messages={
            "required": "Select the plan to carry the items into",
            "invalid_choice": "Select the plan to carry the items into",
        },
    )

    def __init__(self, *args: Any, source: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        target = self.fields["target"]
        assert isinstance(target, forms.ModelChoiceField)
        target.queryset = Plan.objects.exclude(pk=source.pk)
        successors = list(source.next_plans.values_list("pk", flat=True))
        if len(successors) == 1 and "target" not in self.initial:
            self.initial["target"] = successors[0]
