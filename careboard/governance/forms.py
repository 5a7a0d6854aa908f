"""Forms for meetings: the meeting itself (with its version, for optimistic locking), the
people expected, and the decisions the board is asked to take."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import inlineformset_factory

from careboard.accounts.models import User
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


class DecisionForm(forms.ModelForm):
    """A decision; fill in the board action fields to track the work it asks for."""

    action_title = forms.CharField(
        required=False,
        label="Board action (optional)",
        help_text="What must be done, if this decision needs an action tracked like any other.",
    )
    action_owner = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True).order_by("first_name", "username"),
        required=False,
        label="Action owner",
    )
    action_due = forms.DateField(required=False, label="Action due", widget=DateInput)

    class Meta:
        model = Decision
        fields = ["order", "text", "status"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        wants_action = data.get("action_owner") or data.get("action_due")
        if wants_action and not data.get("action_title"):
            self.add_error("action_title", "Say what the board action is.")
        return data

    def wants_board_action(self) -> bool:
        return bool(
            self.cleaned_data.get("action_title")
            and not self.cleaned_data.get("DELETE")
            and self.instance.pk
            and self.instance.action_id is None
        )


DecisionFormSet = inlineformset_factory(
    Meeting,
    Decision,
    form=DecisionForm,
    fields=["order", "text", "status"],
    widgets={"text": forms.Textarea(attrs={"rows": 2})},
    extra=2,
    can_delete=True,
)
