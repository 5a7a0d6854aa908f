"""Forms for analysts: a value, a target, a status set by hand, an uploaded template.

Validation is server-side (templates use `novalidate`); the period and value rules are those
of `careboard.indicators.periods`, shared with the upload.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from careboard.indicators.models import (
    CatalogueEntry,
    IndicatorValue,
    RagStatus,
    Recorded,
    Target,
)
from careboard.indicators.periods import (
    PeriodError,
    ValueProblem,
    check_parts,
    check_value,
    parse_number,
    period_kind,
)
from careboard.indicators.uploads import MAX_BYTES, MAX_NOTE


class _EntryForm(forms.Form):
    """A form about one period of one entry. `opened_at` (hidden) is when the form was
    shown, so a save can tell that someone else recorded the same period meanwhile."""

    opened_at = forms.DateTimeField(widget=forms.HiddenInput, required=False)

    def __init__(self, entry: CatalogueEntry, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.entry = entry
        kind = period_kind(entry)
        self.fields["period"].help_text = f"Write {kind.name}, like {kind.example}."
        self.fields["opened_at"].initial = timezone.now()

    def changed_meanwhile(self, model: type[IndicatorValue] | type[Target]) -> Recorded | None:
        """The period's current row if it was recorded after the form was opened."""
        opened = self.cleaned_data.get("opened_at")
        if opened is None:
            return None
        return (
            model._default_manager.filter(
                entry=self.entry,
                year=self.cleaned_data["period"],
                is_current=True,
                recorded_at__gt=opened,
            )
            .order_by("-recorded_at")
            .first()
        )

    def reopen(self) -> None:
        """Show the form again as if opened now, keeping what was typed."""
        data = dict(self.data.items())
        data[self.add_prefix("opened_at")] = timezone.now().isoformat()
        self.data = data

    def clean_period(self) -> int:
        try:
            return period_kind(self.entry).parse(self.cleaned_data["period"])
        except PeriodError as problem:
            raise forms.ValidationError(str(problem)) from None


def _whole(text: str) -> int | None:
    if not text.strip():
        return None
    try:
        number = parse_number(text)
    except ValueProblem:
        raise forms.ValidationError("Enter a whole number, 0 or more") from None
    if number < 0 or number != int(number):
        raise forms.ValidationError("Enter a whole number, 0 or more")
    return int(number)


class ValueForm(_EntryForm):
    period = forms.CharField(max_length=20, error_messages={"required": "Enter the period"})
    value = forms.CharField(max_length=30, error_messages={"required": "Enter the value"})
    numerator = forms.CharField(max_length=30, required=False, label="Numerator (optional)")
    denominator = forms.CharField(max_length=30, required=False, label="Denominator (optional)")
    note = forms.CharField(
        widget=forms.Textarea,
        required=False,
        max_length=MAX_NOTE,
        label="Note (optional)",
        help_text="Where the figure comes from, and anything the board should know about it.",
    )

    def clean_value(self) -> float:
        try:
            return check_value(self.entry, parse_number(self.cleaned_data["value"]))
        except ValueProblem as problem:
            raise forms.ValidationError(str(problem)) from None

    def clean_numerator(self) -> int | None:
        return _whole(self.cleaned_data.get("numerator", ""))

    def clean_denominator(self) -> int | None:
        return _whole(self.cleaned_data.get("denominator", ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if {"value", "numerator", "denominator"} <= set(data):
            try:
                check_parts(self.entry, data["value"], data["numerator"], data["denominator"])
            except ValueProblem as problem:
                self.add_error("value", str(problem))
        return data


class TargetForm(_EntryForm):
    period = forms.CharField(max_length=20, error_messages={"required": "Enter the period"})
    target = forms.CharField(max_length=30, error_messages={"required": "Enter the target"})
    tolerance = forms.CharField(
        max_length=30,
        required=False,
        help_text="How far the value may miss the target and still be Amber (0 if empty).",
    )
    reason = forms.CharField(
        widget=forms.Textarea,
        required=False,
        max_length=MAX_NOTE,
        label="Reason (optional)",
        help_text="For example, where the board agreed this target.",
    )

    def clean_target(self) -> float:
        try:
            return check_value(self.entry, parse_number(self.cleaned_data["target"]))
        except ValueProblem as problem:
            raise forms.ValidationError(str(problem)) from None

    def clean_tolerance(self) -> float:
        text = self.cleaned_data.get("tolerance", "")
        if not text.strip():
            return 0.0
        try:
            number = parse_number(text)
        except ValueProblem as problem:
            raise forms.ValidationError(str(problem)) from None
        if number < 0:
            raise forms.ValidationError("Enter a tolerance of 0 or more")
        return number


class OverrideForm(forms.Form):
    status = forms.ChoiceField(
        choices=RagStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the status"},
    )
    reason = forms.CharField(
        widget=forms.Textarea,
        max_length=MAX_NOTE,
        error_messages={"required": "Enter the reason for setting the status by hand"},
        help_text="The board sees this reason beside the status.",
    )

    def clean_reason(self) -> str:
        reason = " ".join(self.cleaned_data["reason"].split())
        if not reason:
            raise forms.ValidationError("Enter the reason for setting the status by hand")
        return reason


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Completed template (CSV or .xlsx)",
        error_messages={
            "required": "Choose the completed template to upload",
            "empty": "The file is empty",
        },
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB")
        return upload
