"""Forms for meetings: the meeting itself (with its version, for optimistic locking), the
people expected, and the decisions the board is asked to take."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import inlineformset_factory

from careboard.governance.models import Decision, Meeting, Participant
from careboard.strategy.models import Priority


class DateInput(forms.DateInput):
    input_type = "date"


def _theme_label(priority: Priority) -> str:
    return f"{priority.plan.short_title}: {priority}"


class MeetingForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    class Meta:
        model = Meeting
        fields = ["date", "board", "plan", "theme", "venue", "status", "minutes"]
        widgets = {
            "date": DateInput(format="%Y-%m-%d"),
            "minutes": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {"theme": "Theme (the priority for the deep-dive)"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        theme = self.fields["theme"]
        assert isinstance(theme, forms.ModelChoiceField)
        theme.queryset = Priority.objects.select_related("plan").order_by(
            "-plan__starts_on", "number"
        )
        theme.label_from_instance = _theme_label  # type: ignore[method-assign,assignment]
        if self.instance.pk:
            self.initial.setdefault("version", self.instance.version)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        plan, theme = data.get("plan"), data.get("theme")
        if plan is not None and theme is not None and theme.plan_id != plan.pk:
            self.add_error("theme", "Choose a theme from the plan this meeting reviews.")
        if self.instance.pk and not data.get("version"):
            self.add_error(None, "This form is out of date: open the meeting again to edit it.")
        return data


ParticipantFormSet = inlineformset_factory(
    Meeting,
    Participant,
    fields=["name", "role", "kind", "attendance"],
    extra=3,
    can_delete=True,
)

DecisionFormSet = inlineformset_factory(
    Meeting,
    Decision,
    fields=["order", "text", "status"],
    widgets={"text": forms.Textarea(attrs={"rows": 2})},
    extra=2,
    can_delete=True,
)
